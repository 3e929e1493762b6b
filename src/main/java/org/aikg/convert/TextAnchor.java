package org.aikg.convert;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.aikg.DataException;
import org.aikg.source.Chars;
import org.aikg.source.FactSheet.Evidence;

/**
 * Finds an evidence quote in its source text and describes the place as W3C Web Annotation
 * selectors do: the exact text with some context, and start/end in Unicode code points.
 */
final class TextAnchor {
    /** Code points of context kept on either side of a quote. */
    static final int CONTEXT = 32;

    record Anchor(int start, int end, String exact, String prefix, String suffix) {}

    private final String text;
    private final Path textFile;

    TextAnchor(String text, Path textFile) {
        this.text = text;
        this.textFile = textFile;
    }

    Anchor find(Evidence evidence) {
        String quote = evidence.quote();
        List<Integer> hits = new ArrayList<>();
        for (int i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
            if (evidence.prefix() != null && !text.startsWith(evidence.prefix(), i - evidence.prefix().length())) continue;
            if (evidence.suffix() != null && !text.startsWith(evidence.suffix(), i + quote.length())) continue;
            hits.add(i);
        }
        if (hits.isEmpty()) throw new DataException(evidence.at(), notFound(evidence));
        if (hits.size() > 1) {
            throw new DataException(evidence.at(), "the evidence quote \"" + shorten(quote) + "\" occurs " + hits.size() + " times in "
                    + textFile + " (at code points " + String.join(", ", hits.stream().map(h -> String.valueOf(cp(h))).toList())
                    + "); give a prefix or suffix that tells them apart");
        }
        int at = hits.get(0);
        int end = at + quote.length();
        int before = text.offsetByCodePoints(at, -Math.min(CONTEXT, text.codePointCount(0, at)));
        int after = text.offsetByCodePoints(end, Math.min(CONTEXT, text.codePointCount(end, text.length())));
        return new Anchor(cp(at), cp(end), quote, text.substring(before, at), text.substring(end, after));
    }

    private int cp(int charIndex) {
        return text.codePointCount(0, charIndex);
    }

    /** Says how far the quote matches, so that a changed word can be found at once. */
    private String notFound(Evidence evidence) {
        String quote = evidence.quote();
        int lo = 0;
        int hi = quote.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (text.contains(quote.substring(0, mid))) lo = mid;
            else hi = mid - 1;
        }
        String context = evidence.prefix() != null || evidence.suffix() != null ? " with the given prefix/suffix" : "";
        if (lo == 0 || text.contains(quote)) {
            return "the evidence quote \"" + shorten(quote) + "\" is not in " + textFile + context;
        }
        int idx = text.indexOf(quote.substring(0, lo));
        // back to the start of the character where they part: a letter with its combining marks
        while (lo > 0 && (Character.isLowSurrogate(quote.charAt(lo)) || isMark(quote.codePointAt(lo)))) lo--;
        String textHas = text.substring(idx + lo, Math.min(text.length(), idx + lo + 20));
        return "the evidence quote \"" + shorten(quote) + "\" is not in " + textFile + ": it matches up to \""
                + shorten(quote.substring(Math.max(0, lo - 20), lo)) + "\", then the quote has \""
                + shorten(quote.substring(lo, Math.min(quote.length(), lo + 20))) + "\" where the text has \"" + textHas.replace("\n", "\\n") + "\""
                + difference(character(quote, lo), character(text, idx + lo));
    }

    /**
     * The first characters that differ, as code points, unless both are plain ASCII: letters that look alike (é as U+00E9, or as
     * e and a combining accent U+0065 U+0301) are told apart. aikg does not normalise the quote or the
     * text, since the offsets count the text's own code points; it says when the two differ only so.
     */
    private static String difference(String inQuote, String inText) {
        if (plain(inQuote) && plain(inText)) return "";  // "gadgets" against "widgets" needs no code points
        String d = " (first difference: " + Chars.codes(inQuote) + " in the quote, " + (inText.isEmpty() ? "the end of the text" : Chars.codes(inText) + " in the text");
        if (!inText.isEmpty() && Normalizer.normalize(inQuote, Normalizer.Form.NFC).equals(Normalizer.normalize(inText, Normalizer.Form.NFC))) {
            d += ": the same letters in different Unicode normalisation forms; copy the quote from the text";
        }
        return d + ")";
    }

    private static boolean plain(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c > 0x20 && c < 0x7F);
    }

    /** The character at {@code i}: one code point and the combining marks that follow it. */
    private static String character(String s, int i) {
        if (i >= s.length()) return "";
        int end = s.offsetByCodePoints(i, 1);
        while (end < s.length() && isMark(s.codePointAt(end))) end = s.offsetByCodePoints(end, 1);
        return s.substring(i, end);
    }

    private static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.COMBINING_SPACING_MARK;
    }

    private static String shorten(String s) {
        String one = s.replace("\n", "\\n");
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }
}
