package org.aikg.server.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aikg.server.http.Responses;

/**
 * The files of {@code /static/}: the pages' style sheet, scripts and icon (in the jar under
 * {@code org/aikg/server/static/}) and YASGUI's build (from its webjar, under {@code /static/yasgui/}).
 * Pages link to them by a name that carries a hash of their content ({@code /static/sparql.3f9a1c2b4d5e6f70.js}),
 * so that a browser or a cache may keep each for a year without asking again: another content is
 * another name. The hashes are those of the files in this jar, worked out once.
 *
 * <pre>{@code
 * String href = Assets.href("yasgui/yasgui.min.js");   // "/static/yasgui/yasgui.min.75539a8071ec8b80.js"
 * }</pre>
 */
public final class Assets {
    /** YASGUI's self-contained build, from its webjar: {@code /static/yasgui/yasgui.min.js}, {@code .css}. */
    static final String YASGUI = "META-INF/resources/webjars/zazuko__yasgui/4.5.0/build/";
    static final String OWN = "org/aikg/server/static/";
    /** The files pages link to: each has a hashed name. Any other file of the folder is served by its plain name only. */
    private static final List<String> LINKED = List.of("aikg.css", "favicon.svg", "search.js", "query.css", "sparql.js",
            "yasgui/yasgui.min.css", "yasgui/yasgui.min.js");
    /** {@code stem.HASH.ext}: the hash is that of {@link Responses#etag(byte[])}, 16 hex digits. */
    private static final Pattern HASHED = Pattern.compile("(.+)\\.([0-9a-f]{16})(\\.[a-z]+)");
    private static final Map<String, String> HASHES = hashes();

    private Assets() {}

    /** The path pages link a file by, with its content's hash in its name ({@code name} as under {@code /static/}). */
    public static String href(String name) {
        String hash = HASHES.get(name);
        if (hash == null) throw new IllegalArgumentException("no linked static file \"" + name + "\" (one of " + LINKED + ")");
        int dot = name.lastIndexOf('.');
        return "/static/" + name.substring(0, dot) + "." + hash + name.substring(dot);
    }

    /** The hash in the name of a linked file, or null for a file pages do not link. */
    static String hash(String name) {
        return HASHES.get(name);
    }

    /** What a path under {@code /static/} asks for: a file's name and the hash its path names (null: a plain name). */
    record Asked(String name, String hash) {
        static Asked of(String rest) {
            Matcher m = HASHED.matcher(rest);
            return m.matches() ? new Asked(m.group(1) + m.group(3), m.group(2)) : new Asked(rest, null);
        }
    }

    /** The bytes of a file of {@code /static/} ({@code name} as under it), or null when there is none. */
    static byte[] read(String name) {
        String resource = name.startsWith("yasgui/") ? YASGUI + name.substring("yasgui/".length()) : OWN + name;
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> hashes() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String name : LINKED) {
            byte[] body = read(name);
            if (body == null) throw new IllegalStateException("the static file " + name + " is missing from the build");
            String etag = Responses.etag(body);
            m.put(name, etag.substring(1, etag.length() - 1));
        }
        return Map.copyOf(m);
    }
}
