package org.aikg.server.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Reading request parameters the same way everywhere: a parameter given twice, or a page number that
 * is not one, is the client's mistake (400), named in the refusal.
 *
 * <pre>{@code
 * String q = Params.one(req, "q");        // null when absent
 * int page = Params.page(req);            // 1 when absent
 * }</pre>
 */
public final class Params {
    /** The highest page number taken. */
    public static final int MAX_PAGE = 1_000_000;

    private Params() {}

    /** The one value of a parameter, or null when absent; 400 when it is given more than once. */
    public static String one(HttpServletRequest req, String name) {
        String[] values = req.getParameterValues(name);
        if (values == null) return null;
        if (values.length > 1) throw HttpError.badRequest("more than one \"" + name + "\" parameter (" + values.length + ")");
        return values[0];
    }

    /** A path segment percent-decoded as UTF-8; the segment as given when it is not valid percent-encoded UTF-8 (it then names nothing). */
    public static String decodedSegment(String raw) {
        if (raw.indexOf('%') < 0) return raw;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                if (c > 0x7F) return raw;
                bytes.write(c);
                continue;
            }
            if (i + 2 >= raw.length()) return raw;
            int hi = Character.digit(raw.charAt(i + 1), 16);
            int lo = Character.digit(raw.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) return raw;
            bytes.write(hi * 16 + lo);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return raw;
        }
    }

    /** {@code ?page=}: 1 when absent; 400 unless it is ASCII digits, a number from 1 to {@link #MAX_PAGE}. */
    public static int page(HttpServletRequest req) {
        String v = one(req, "page");
        if (v == null) return 1;
        // Integer.parseInt also takes "+5" and digits of other scripts ("٥"), which no link of the site writes
        if (v.matches("[0-9]{1,7}")) {
            int page = Integer.parseInt(v);
            if (page >= 1 && page <= MAX_PAGE) return page;
        }
        throw HttpError.badRequest("bad page number \"" + v + "\" (expected 1, 2, …)");
    }
}
