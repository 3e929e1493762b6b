package org.aikg.server.site;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.aikg.vocab.Vocab;
import org.apache.jena.graph.Node;

/**
 * Writes a date of the data for a reader, at the precision the data gives it: a year ("2023",
 * "2023年"), a month ("June 2024", "2024年6月") or a day ("20 June 2024", "2024年6月20日"). Never
 * more precise than the source: a year stays a year.
 */
public final class Dates {
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December"};

    private Dates() {}

    /** The date of a literal ({@code xsd:date}, {@code xsd:gYearMonth}, {@code xsd:gYear}); other values as written. */
    public static String format(Node literal, String lang) {
        if (literal == null) return null;
        if (!literal.isLiteral()) return literal.toString();
        String lex = literal.getLiteralLexicalForm();
        String dt = literal.getLiteralDatatypeURI();
        boolean zh = lang.equals("zh");
        try {
            if ((Vocab.XSD + "date").equals(dt) && lex.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate d = LocalDate.parse(lex);
                return zh ? d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日"
                        : d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
            }
        } catch (DateTimeParseException e) {
            return lex;
        }
        if ((Vocab.XSD + "gYearMonth").equals(dt) && lex.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            int year = Integer.parseInt(lex.substring(0, 4));
            int month = Integer.parseInt(lex.substring(5, 7));
            return zh ? year + "年" + month + "月" : MONTHS[month - 1] + " " + year;
        }
        if ((Vocab.XSD + "gYear").equals(dt) && lex.matches("\\d{4}")) return zh ? lex + "年" : lex;
        return lex;
    }
}
