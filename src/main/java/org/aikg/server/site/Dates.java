package org.aikg.server.site;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.aikg.vocab.Vocab;
import org.apache.jena.graph.Node;

/**
 * Writes a date of the data for a reader, at the precision the data gives it: a year ("2023",
 * "2023年"), a month ("June 2024", "2024年6月") or a day ("20 June 2024", "2024年6月20日"). Never
 * more precise than the source: a year stays a year.
 */
public final class Dates {
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_ZH = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.CHINESE);
    private static final DateTimeFormatter MONTH_EN = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_ZH = DateTimeFormatter.ofPattern("uuuu年M月", Locale.CHINESE);

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
                return LocalDate.parse(lex).format(zh ? DAY_ZH : DAY_EN);
            }
        } catch (DateTimeParseException e) {
            return lex;
        }
        if ((Vocab.XSD + "gYearMonth").equals(dt) && lex.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            return YearMonth.parse(lex).format(zh ? MONTH_ZH : MONTH_EN);
        }
        if ((Vocab.XSD + "gYear").equals(dt) && lex.matches("\\d{4}")) return zh ? lex + "年" : lex;
        return lex;
    }
}
