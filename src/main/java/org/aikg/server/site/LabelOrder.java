package org.aikg.server.site;

import java.math.BigDecimal;
import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/**
 * The order of labels for a reader: numbers in them by value ("173" before "1081"); Chinese by its
 * collation (pinyin), other text by code point.
 */
public final class LabelOrder {
    private LabelOrder() {}

    /** The order of labels for a language. */
    public static Comparator<String> of(String lang) {
        if (!lang.equals("zh")) return LabelOrder::natural;
        Collator zh = Collator.getInstance(Locale.SIMPLIFIED_CHINESE);
        return (a, b) -> natural(a, b, zh);
    }

    /** Compares texts with the numbers in them by value: "characters 173–297" comes before "characters 1081–1215". */
    public static int natural(String a, String b) {
        return natural(a, b, null);
    }

    private static int natural(String a, String b, Collator collator) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            boolean da = Character.isDigit(a.charAt(i));
            boolean db = Character.isDigit(b.charAt(j));
            int ei = i;
            int ej = j;
            while (ei < a.length() && Character.isDigit(a.charAt(ei)) == da) ei++;
            while (ej < b.length() && Character.isDigit(b.charAt(ej)) == db) ej++;
            String x = a.substring(i, ei);
            String y = b.substring(j, ej);
            int c;
            if (da && db) c = new BigDecimal(x).compareTo(new BigDecimal(y));
            else if (collator != null) c = collator.compare(x, y);
            else c = x.compareTo(y);
            if (c != 0) {
                // a run that is a prefix of the other: compare what follows it instead of the runs' lengths
                if (!da && !db && collator == null && (x.startsWith(y) || y.startsWith(x))) return a.substring(i).compareTo(b.substring(j));
                return c;
            }
            i = ei;
            j = ej;
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
