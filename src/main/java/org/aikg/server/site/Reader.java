package org.aikg.server.site;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Who reads a page: the language ({@code ?lang=} first, then {@code Accept-Language}; "en" or "zh"),
 * and whether it was chosen explicitly (then links keep {@code ?lang=}).
 */
public record Reader(String lang, boolean explicit) {
    public static Reader of(HttpServletRequest req) {
        String p = org.aikg.server.http.Params.one(req, "lang");
        if (p != null && (p.equals("en") || p.equals("zh"))) return new Reader(p, true);
        return new Reader(fromHeader(req.getHeader("Accept-Language")), false);
    }

    public static String fromHeader(String al) {
        if (al == null) return "en";
        double zh = -1;
        double en = -1;
        for (String part : al.split(",")) {
            String[] bits = part.trim().split(";");
            String tag = bits[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < bits.length; i++) {
                if (bits[i].trim().startsWith("q=")) {
                    try {
                        q = Double.parseDouble(bits[i].trim().substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if ((tag.equals("zh") || tag.startsWith("zh-")) && q > zh) zh = q;
            if ((tag.equals("en") || tag.startsWith("en-")) && q > en) en = q;
        }
        return zh > 0 && zh > en ? "zh" : "en";
    }
}
