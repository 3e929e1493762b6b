package org.aikg.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks request paths before anything is looked up: only the shapes this server mints are
 * accepted, so encoded slashes, dot segments and absolute paths never reach a lookup.
 */
final class Paths {
    private static final Pattern THING = Pattern.compile("/(id|doc)/([a-z]+)/([A-Za-z0-9_~-]+)(?:\\.(ttl|nt|jsonld|rdf|html))?");
    /** Longer paths name nothing this server mints (and would cost the matcher). */
    static final int MAX_PATH = 512;

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

    /** The raw request path is safe: no encoded separators, dot segments or doubled slashes. */
    static boolean safe(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) return false;
        String lower = rawPath.toLowerCase(java.util.Locale.ROOT);
        return !(lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e") || lower.contains("\\")
                || lower.contains("/../") || lower.endsWith("/..") || lower.contains("/./") || lower.endsWith("/.") || lower.contains("//")
                || lower.contains("%00"));
    }

    static Thing thing(String rawPath) {
        if (!safe(rawPath) || rawPath.length() > MAX_PATH) return null;
        Matcher m = THING.matcher(rawPath);
        if (!m.matches()) return null;
        return new Thing(m.group(1), m.group(2), m.group(3), m.group(4));
    }
}
