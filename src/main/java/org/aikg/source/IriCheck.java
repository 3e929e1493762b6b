package org.aikg.source;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;

/**
 * Checks an IRI written in a sheet or the dataset descriptor with Jena's IRI checker
 * ({@link IRIx}), and more strictly than RFC 3987 where a reader would be fooled: no spaces of any
 * kind (the no-break space included) and no invisible characters (U+200B, bidi controls), an
 * absolute IRI of an allowed scheme, and for http and https a host free of dots a browser reads
 * as '.' (U+3002, U+FF0E, U+FF61, ...) and a port, when written, from 1 to 65535.
 *
 * <pre>{@code
 * String problem = IriCheck.problem("http:foo", IriCheck.WEB);   // "http and https IRIs need a host ..."
 * }</pre>
 */
final class IriCheck {
    /** The schemes of a link to a web page or a resource elsewhere (sameAs, url). */
    static final Set<String> WEB_OR_URN = Set.of("http", "https", "urn");
    /** The schemes of the dataset's base and licence. */
    static final Set<String> WEB = Set.of("http", "https");

    private static final Pattern JENA_CODE = Pattern.compile("Code: \\d+/([A-Z_]+) in ([A-Z_]+): (.*?)\\.?$");
    /** The authority's host (a bracketed IP literal or a name) and its port, as written. */
    private static final Pattern HOST = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@]*@)?(\\[[^\\]/?#]*\\]|[^/?#:]*)(?::([^/?#]*))?");
    /** Full stops that IDNA maps to '.', so that a host written with them is read as another host. */
    private static final String CONFUSABLE_DOTS = "\u3002\uFF0E\uFF61\uFE52\u2024";
    private static final int MAX_PORT = 65535;

    private IriCheck() {}

    /** What is wrong with {@code iri}, or null when it is an absolute IRI of one of {@code schemes}. */
    static String problem(String iri, Set<String> schemes) {
        for (int i = 0; i < iri.length(); i = iri.offsetByCodePoints(i, 1)) {
            int cp = iri.codePointAt(i);
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || type == Character.FORMAT || type == Character.CONTROL) {
                String name = Character.getName(cp);
                return "it holds " + Chars.code(cp) + (name == null ? "" : " " + name) + " at character " + (iri.codePointCount(0, i) + 1)
                        + " (an IRI has no spaces and no invisible characters)";
            }
        }
        IRIx x;
        try {
            x = IRIx.create(iri);
        } catch (IRIException e) {
            return reason(e.getMessage());
        }
        String[] error = {null};
        x.handleViolations((isError, message) -> {
            if (isError && error[0] == null) error[0] = reason(message);
        });
        if (error[0] != null) return error[0];
        if (x.scheme() == null) return "it is not absolute (expected a scheme, such as https:)";
        String scheme = x.scheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
            return "the scheme \"" + x.scheme() + "\" is not one aikg publishes (expected " + String.join(" or ", schemes.stream().sorted().toList()) + ")";
        }
        if (scheme.startsWith("http")) return hostProblem(iri);
        return null;
    }

    /** What is wrong with the host or port of an http(s) IRI, or null. */
    private static String hostProblem(String iri) {
        Matcher m = HOST.matcher(iri);
        if (!m.find() || m.group(1).isEmpty()) return "an http(s) IRI needs a host (expected http://host/...)";
        String host = m.group(1);
        for (int i = 0; i < host.length(); i++) {
            if (CONFUSABLE_DOTS.indexOf(host.charAt(i)) >= 0) {
                return "its host holds " + Chars.code(host.charAt(i)) + " " + Character.getName(host.charAt(i))
                        + ", which a browser reads as '.' (write the host with '.' only)";
            }
        }
        String port = m.group(2);
        if (port != null && !validPort(port)) return "the port " + Chars.show(port) + " is not a number from 1 to " + MAX_PORT;
        return null;
    }

    private static boolean validPort(String port) {
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) return false;
        int n = Integer.parseInt(port);
        return n >= 1 && n <= MAX_PORT;
    }

    /** Jena's "<iri> Code: 30/ILLEGAL_PERCENT_ENCODING in PATH: text." as "illegal percent encoding in the path: text". */
    private static String reason(String message) {
        if (message == null) return "Jena's IRI checker refuses it";
        Matcher m = JENA_CODE.matcher(message);
        if (!m.find()) return message.replaceFirst("^<[^>]*>\\s*", "");
        return m.group(1).replace('_', ' ').toLowerCase(Locale.ROOT) + " in the " + m.group(2).toLowerCase(Locale.ROOT) + ": " + m.group(3);
    }
}
