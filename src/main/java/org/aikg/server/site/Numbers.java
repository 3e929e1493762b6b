package org.aikg.server.site;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.aikg.vocab.AIKG;
import org.aikg.vocab.Vocab;

/**
 * Writes a figure for a reader: the amount with its scale and unit, and the qualifier, in English
 * ("more than 4,000", "578.4 billion CNY", "about 1.44 trillion CNY", "13.9 %") or Chinese
 * ("超过4000", "5784亿元", "约1.44万亿元", "13.9%"). Exact: the digits are the stored ones, only
 * shifted by the scale.
 */
public final class Numbers {
    private Numbers() {}

    public static String format(BigDecimal value, String unitIri, String qualifierIri, String lang) {
        boolean zh = lang.startsWith("zh");
        String unit = unitIri == null ? "" : unitIri.substring(Vocab.UNIT.length());
        String amount = zh ? chinese(value, unit) : english(value, unit);
        String q = qualifierIri == null ? "" : qualifierIri.startsWith(AIKG.NS) ? qualifierIri.substring(AIKG.NS.length()) : "";
        String words = switch (q) {
            case "Approximately" -> zh ? "约" : "about ";
            case "MoreThan" -> zh ? "超过" : "more than ";
            case "AtLeast" -> zh ? "至少" : "at least ";
            case "LessThan" -> zh ? "不到" : "less than ";
            case "AtMost" -> zh ? "不超过" : "at most ";
            default -> "";
        };
        return words + amount;
    }

    private static String english(BigDecimal v, String unit) {
        String suffix = switch (unit) {
            case "CCY_CNY" -> " CNY";
            case "CCY_USD" -> " USD";
            case "PERCENT" -> " %";
            default -> "";
        };
        BigDecimal abs = v.abs();
        String[] names = {"trillion", "billion", "million"};
        int[] powers = {12, 9, 6};
        for (int i = 0; i < names.length; i++) {
            BigDecimal scale = BigDecimal.TEN.pow(powers[i]);
            if (abs.compareTo(scale) >= 0) return plain(v.divide(scale)) + " " + names[i] + suffix;
        }
        return grouped(v) + suffix;
    }

    private static String chinese(BigDecimal v, String unit) {
        String suffix = switch (unit) {
            case "CCY_CNY" -> "元";
            case "CCY_USD" -> "美元";
            case "PERCENT" -> "%";
            default -> "";
        };
        BigDecimal abs = v.abs();
        String[] names = {"万亿", "亿", "万"};
        int[] powers = {12, 8, 4};
        for (int i = 0; i < names.length; i++) {
            BigDecimal scale = BigDecimal.TEN.pow(powers[i]);
            if (abs.compareTo(scale) >= 0 && (i < 2 || unit.startsWith("CCY"))) return plain(v.divide(scale)) + names[i] + suffix;
        }
        return plain(v) + suffix;
    }

    /** A count with its digits grouped: "1,234" (the same in Chinese, which groups by thousands in figures too). */
    public static String count(long n, String lang) {
        return grouped(BigDecimal.valueOf(n));
    }

    private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    /** A size in bytes for a reader: "512 B", "28.4 KiB", "3.1 MiB" (binary multiples, one decimal, half up). */
    public static String bytes(long n, String lang) {
        if (n < 1024) return count(n, lang) + " B";
        BigDecimal v = BigDecimal.valueOf(n);
        int unit = 0;
        BigDecimal k = BigDecimal.valueOf(1024);
        while (v.compareTo(k) >= 0 && unit < BYTE_UNITS.length - 1) {
            v = v.divide(k, 10, RoundingMode.HALF_UP);
            unit++;
        }
        BigDecimal shown = v.setScale(1, RoundingMode.HALF_UP);
        if (shown.compareTo(k) >= 0 && unit < BYTE_UNITS.length - 1) {
            shown = v.divide(k, 1, RoundingMode.HALF_UP);
            unit++;
        }
        return grouped(shown) + " " + BYTE_UNITS[unit];
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /** The digits as stored, those before the point grouped by thousands ("-1,234.5"); a DecimalFormat made per figure cost more than the rest of its wording. */
    private static String grouped(BigDecimal v) {
        String plain = v.stripTrailingZeros().toPlainString();
        int sign = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        int end = point < 0 ? plain.length() : point;
        StringBuilder b = new StringBuilder(plain.length() + 8).append(plain, 0, sign);
        for (int i = sign; i < end; i++) {
            if (i > sign && (end - i) % 3 == 0) b.append(',');
            b.append(plain.charAt(i));
        }
        return b.append(plain, end, plain.length()).toString();
    }
}
