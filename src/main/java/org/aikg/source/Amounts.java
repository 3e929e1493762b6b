package org.aikg.source;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aikg.source.FactSheet.Amount;

/**
 * Reads a figure as a source writes it — "exceeded 4,000", "578.4 billion Chinese yuan",
 * "about 1.44 trillion", "超过4000", "约1.44万亿元", "13.9%" — into a qualifier and an exact
 * decimal amount at full magnitude. Grammar: {@code [qualifier words] number [scale word] [unit words]}.
 */
final class Amounts {
    private Amounts() {}

    private static final Map<String, Qualifier> QUALIFIER_WORDS = Map.ofEntries(
            Map.entry("more than", Qualifier.MoreThan), Map.entry("over", Qualifier.MoreThan),
            Map.entry("exceeded", Qualifier.MoreThan), Map.entry("exceeds", Qualifier.MoreThan),
            Map.entry("exceeding", Qualifier.MoreThan), Map.entry("above", Qualifier.MoreThan),
            Map.entry("超过", Qualifier.MoreThan), Map.entry("逾", Qualifier.MoreThan),
            Map.entry("at least", Qualifier.AtLeast), Map.entry("no less than", Qualifier.AtLeast),
            Map.entry("not less than", Qualifier.AtLeast), Map.entry("至少", Qualifier.AtLeast),
            Map.entry("不少于", Qualifier.AtLeast), Map.entry("不低于", Qualifier.AtLeast),
            Map.entry("less than", Qualifier.LessThan), Map.entry("fewer than", Qualifier.LessThan),
            Map.entry("under", Qualifier.LessThan), Map.entry("below", Qualifier.LessThan),
            Map.entry("不到", Qualifier.LessThan), Map.entry("少于", Qualifier.LessThan), Map.entry("低于", Qualifier.LessThan),
            Map.entry("at most", Qualifier.AtMost), Map.entry("up to", Qualifier.AtMost),
            Map.entry("no more than", Qualifier.AtMost), Map.entry("not more than", Qualifier.AtMost),
            Map.entry("至多", Qualifier.AtMost), Map.entry("最多", Qualifier.AtMost), Map.entry("不超过", Qualifier.AtMost),
            Map.entry("about", Qualifier.Approximately), Map.entry("approximately", Qualifier.Approximately),
            Map.entry("around", Qualifier.Approximately), Map.entry("roughly", Qualifier.Approximately),
            Map.entry("some", Qualifier.Approximately), Map.entry("约", Qualifier.Approximately),
            Map.entry("大约", Qualifier.Approximately), Map.entry("约为", Qualifier.Approximately));

    private static final Map<String, Integer> SCALE_WORDS = Map.of(
            "thousand", 3, "million", 6, "billion", 9, "trillion", 12,
            "千", 3, "万", 4, "亿", 8, "万亿", 12);

    private static final List<String> QUALIFIERS = longestFirst(QUALIFIER_WORDS.keySet());
    private static final List<String> SCALES = longestFirst(SCALE_WORDS.keySet());
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?");

    /**
     * Reads {@code stated} in {@code unit}; throws {@link IllegalArgumentException} with a message
     * that says what was expected where the wording does not fit.
     */
    static Amount parse(String stated, Unit unit) {
        String rest = stated.strip();
        Qualifier qualifier = Qualifier.Exact;
        String word = startsWithWord(rest, QUALIFIERS);
        if (word != null) {
            qualifier = QUALIFIER_WORDS.get(word);
            rest = rest.substring(word.length()).strip();
        }
        Matcher m = NUMBER.matcher(rest);
        if (!m.lookingAt()) {
            throw new IllegalArgumentException("cannot read \"" + stated + "\" as an amount (expected [qualifier] number "
                    + "[scale] [unit], such as \"about 1.44 trillion Chinese yuan\", \"exceeded 4,000\" or \"约1.44万亿元\")");
        }
        BigDecimal number = new BigDecimal(m.group(1).replace(",", "") + (m.group(2) == null ? "" : m.group(2)));
        rest = rest.substring(m.end()).strip();
        String scale = startsWithWord(rest, SCALES);
        if (scale != null) {
            number = number.scaleByPowerOfTen(SCALE_WORDS.get(scale));
            rest = rest.substring(scale.length()).strip();
        }
        String tail = rest;
        if (!tail.isEmpty() && unit.words().stream().noneMatch(w -> w.equalsIgnoreCase(tail))) {
            for (Unit other : Unit.values()) {
                if (other != unit && other.words().stream().anyMatch(w -> w.equalsIgnoreCase(tail))) {
                    throw new IllegalArgumentException("the wording \"" + stated + "\" is in " + other + ", but the unit is " + unit);
                }
            }
            throw new IllegalArgumentException("cannot read \"" + tail + "\" in \"" + stated + "\" (expected nothing after the number"
                    + (unit.words().isEmpty() ? "" : " or a word for " + unit + ": " + String.join(", ", unit.words())) + ")");
        }
        return new Amount(qualifier, number);
    }

    private static String startsWithWord(String s, List<String> words) {
        String lower = s.toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (!lower.startsWith(w)) continue;
            boolean latin = w.chars().allMatch(c -> c < 128);
            if (!latin || lower.length() == w.length() || !Character.isLetter(lower.charAt(w.length()))) return w;
        }
        return null;
    }

    private static List<String> longestFirst(Collection<String> words) {
        List<String> list = new ArrayList<>(words);
        list.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return List.copyOf(list);
    }
}
