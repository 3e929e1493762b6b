package org.aikg.source;

import java.util.Locale;

/**
 * The characters a text or a name may hold, and how a message shows characters a reader cannot
 * see. Of the control characters only tab, line feed and carriage return are allowed: the others
 * (NUL, VT, ESC, DEL, the C1 block), unpaired surrogates and U+FFFE/U+FFFF cannot be written in
 * RDF/XML (XML 1.0 has no way to carry them) and have no place in a published sentence.
 *
 * <pre>{@code
 * int bad = Chars.firstForbidden(value);    // -1 when all is well
 * String shown = Chars.show("a\u200Bb");     // "a\u200Bb" with the escape spelled out
 * }</pre>
 */
public final class Chars {
    private Chars() {}

    /** What a message adds after naming a refused character. */
    public static final String RULE = "of the control characters, only tab, line feed and carriage return may appear in a text or a name";

    /** The index (in chars) of the first character that may not appear in a text or a name, or -1. */
    public static int firstForbidden(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (forbidden(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean forbidden(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF;
    }

    /**
     * Whether {@code s} holds nothing a reader can see: only spaces of any kind (the no-break and
     * ideographic ones too), format characters (U+200B ZERO WIDTH SPACE, bidi controls), controls,
     * and the letters that are drawn blank (U+3164 HANGUL FILLER and its kin, U+2800 BRAILLE PATTERN
     * BLANK). Such a name or quote would be published as an empty-looking label.
     */
    public static boolean invisible(String s) {
        return s.codePoints().allMatch(cp -> {
            int type = Character.getType(cp);
            return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || type == Character.FORMAT || type == Character.CONTROL
                    || BLANK_LETTERS.indexOf(cp) >= 0;
        });
    }

    private static final String BLANK_LETTERS = "\u115F\u1160\u3164\uFFA0\u2800\u180E";

    /** Names the refused character at {@code i}: "the control character U+001B ESCAPE". */
    public static String describe(CharSequence s, int i) {
        char c = s.charAt(i);
        if (Character.isSurrogate(c)) return "the unpaired surrogate " + code(c) + " (half of a character)";
        if (c == 0xFFFE || c == 0xFFFF) return "the non-character " + code(c);
        String name = Character.getName(c);
        return "the control character " + code(c) + (name == null ? "" : " " + name);
    }

    /** {@code U+00E9}, with at least four hex digits. */
    public static String code(int codePoint) {
        return String.format(Locale.ROOT, "U+%04X", codePoint);
    }

    /** The code points of {@code s} spelled out: "U+0065 U+0301". */
    public static String codes(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.append(b.length() == 0 ? "" : " ").append(code(cp)));
        return b.toString();
    }

    /**
     * {@code s} in double quotes for a message, every character a reader could not see or that
     * could move the terminal (controls, format characters such as U+200B, spaces other than the
     * plain one, quotes and backslashes escaped) spelled as {@code \}{@code uXXXX}.
     */
    public static String show(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean invisible = type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || (type == Character.SPACE_SEPARATOR && cp != ' ');
            if (cp == '"' || cp == '\\') {
                b.append('\\').appendCodePoint(cp);
            } else if (invisible) {
                for (char c : Character.toChars(cp)) b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.append('"').toString();
    }
}
