package org.aikg.server.page;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aikg.server.http.Offers;
import org.aikg.server.http.RequestGate;
import org.aikg.source.Limits;

/**
 * The paths of things: only the shapes this server mints are accepted, so encoded slashes, dot
 * segments and absolute paths never reach a lookup. The suffixes are those of the page formats.
 */
final class Paths {
    private static final Pattern THING = Pattern.compile("/(id|doc)/([a-z]+)/([A-Za-z0-9_~-]+)(?:\\.(" + String.join("|", Offers.PAGE.suffixes()) + "))?");
    /** Longer paths name nothing this server mints (and would cost the matcher). */
    static final int MAX_PATH = Limits.MAX_PATH_CHARS;

    private Paths() {}

    /** A path under /id/ or /doc/: the kind, the type segment, the slug, and a format suffix or null. */
    record Thing(String kind, String type, String slug, String suffix) {
        String idPath() {
            return "/id/" + type + "/" + slug;
        }

        String docPath() {
            return "/doc/" + type + "/" + slug;
        }
    }

    static Thing thing(String rawPath) {
        if (!RequestGate.safe(rawPath) || rawPath.length() > MAX_PATH) return null;
        Matcher m = THING.matcher(rawPath);
        if (!m.matches()) return null;
        return new Thing(m.group(1), m.group(2), m.group(3), m.group(4));
    }
}
