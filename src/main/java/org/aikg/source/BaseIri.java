package org.aikg.source;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one form of a dataset's base IRI, which convert mints under and validate, load and serve
 * check: an absolute http(s) IRI ({@link IriCheck}) ending with '/', with no query, fragment or dot
 * segment, its scheme and host in lower case and no default port (RFC 3986, 6.2.2 and 6.2.3). A
 * base written otherwise in a descriptor is brought to this form when the case or the port is all
 * that differs (they name the same resource); a dot segment is refused, since the IRIs minted under
 * {@code https://example.org/a/../b/} would resolve to others.
 *
 * <pre>{@code
 * String base = BaseIri.normalise("HTTPS://Example.ORG:443/kg/");   // "https://example.org/kg/"
 * String problem = BaseIri.problem("https://Example.org/kg/");      // "it is not in normal form (...)"
 * }</pre>
 */
public final class BaseIri {
    private static final Pattern PARTS = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://(\\[[^\\]]*\\]|[^/?#:]*)(?::([0-9]*))?(.*)$", Pattern.DOTALL);

    private BaseIri() {}

    /** {@code written} in the normal form, or an IllegalArgumentException saying why it cannot be a base. */
    public static String normalise(String written) {
        String problem = IriCheck.problem(written, IriCheck.WEB);
        if (problem == null && (!written.endsWith("/") || written.contains("?") || written.contains("#"))) {
            problem = "things are minted under it as {base}id/..., so it ends with '/' and has no '?' or '#'";
        }
        Matcher m = PARTS.matcher(written);
        if (problem == null && !m.matches()) problem = "expected http(s)://host/path/";
        if (problem != null) throw new IllegalArgumentException(problem);
        String path = m.group(4);
        for (String segment : path.split("/", -1)) {
            String s = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
            if (s.equals(".") || s.equals("..")) {
                throw new IllegalArgumentException("its path holds the dot segment \"" + segment + "\", so the IRIs minted under it would "
                        + "resolve to others (write the path it stands for, without '.' or '..')");
            }
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String port = m.group(3);
        boolean defaultPort = port != null && (scheme.equals("http") && port.equals("80") || scheme.equals("https") && port.equals("443"));
        return scheme + "://" + m.group(2).toLowerCase(Locale.ROOT) + (port == null || defaultPort ? "" : ":" + port) + path;
    }

    /** What keeps {@code base} from being a base in the normal form, or null when it is one. */
    public static String problem(String base) {
        String normal;
        try {
            normal = normalise(base);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return normal.equals(base) ? null : "it is not in normal form (expected " + Chars.show(normal) + ": scheme and host in lower case, no default port)";
    }
}
