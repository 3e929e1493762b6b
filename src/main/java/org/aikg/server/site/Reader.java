package org.aikg.server.site;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale.LanguageRange;
import java.util.Locale;
import org.aikg.server.http.Params;

/**
 * Who reads a page: the language ({@code ?lang=} first, then {@code Accept-Language}; "en" or "zh"),
 * and whether it was chosen explicitly (then links keep {@code ?lang=}).
 */
public record Reader(String lang, boolean explicit) {
    public static Reader of(HttpServletRequest req) {
        String p = Params.one(req, "lang");
        if (p != null && (p.equals("en") || p.equals("zh"))) return new Reader(p, true);
        return new Reader(fromHeader(req.getHeader("Accept-Language")), false);
    }

    /** Chinese where the header weighs it above English (a tie, a malformed header and none give English). */
    public static String fromHeader(String al) {
        if (al == null) return "en";
        double zh = -1;
        double en = -1;
        try {
            for (LanguageRange r : LanguageRange.parse(al)) {
                String tag = r.getRange().toLowerCase(Locale.ROOT);
                if ((tag.equals("zh") || tag.startsWith("zh-")) && r.getWeight() > zh) zh = r.getWeight();
                if ((tag.equals("en") || tag.startsWith("en-")) && r.getWeight() > en) en = r.getWeight();
            }
        } catch (IllegalArgumentException e) {
            return "en";
        }
        return zh > 0 && zh > en ? "zh" : "en";
    }
}
