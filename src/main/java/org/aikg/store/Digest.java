package org.aikg.store;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP Digest access authentication (RFC 7616), as a client: a server's challenge, and the
 * {@code Authorization} that answers it for a request. MD5 and SHA-256, each also "-sess", with
 * {@code qop=auth} or without qop. Virtuoso's Graph Store endpoint ({@code /sparql-graph-crud-auth})
 * asks for it. The nonce is used again for later requests, counted ({@code nc}), until the server
 * says it is stale.
 */
final class Digest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String realm;
    private final String nonce;
    private final String opaque;
    private final String algorithm;
    private final boolean qopAuth;
    private int count;

    private Digest(String realm, String nonce, String opaque, String algorithm, boolean qopAuth) {
        this.realm = realm;
        this.nonce = nonce;
        this.opaque = opaque;
        this.algorithm = algorithm;
        this.qopAuth = qopAuth;
    }

    /** The Digest challenge among the {@code WWW-Authenticate} values of an answer, if there is one this client can answer. */
    static Optional<Digest> challenge(List<String> wwwAuthenticate) {
        for (String value : wwwAuthenticate) {
            int at = indexOfScheme(value);
            if (at < 0) continue;
            Map<String, String> p = params(value.substring(at + "Digest".length()));
            String algorithm = p.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
            if (!List.of("MD5", "MD5-SESS", "SHA-256", "SHA-256-SESS").contains(algorithm)) continue;
            String nonce = p.get("nonce");
            if (nonce == null || p.get("realm") == null) continue;
            String qop = p.get("qop");
            boolean auth = qop != null && List.of(qop.toLowerCase(Locale.ROOT).split("\\s*,\\s*")).contains("auth");
            if (qop != null && !auth) continue;  // only auth-int offered: the body would have to be hashed
            return Optional.of(new Digest(p.get("realm"), nonce, p.get("opaque"), algorithm, auth));
        }
        return Optional.empty();
    }

    /** True when the server said the nonce was stale (the credentials were right): answer the new challenge. */
    static boolean stale(List<String> wwwAuthenticate) {
        for (String value : wwwAuthenticate) {
            int at = indexOfScheme(value);
            if (at >= 0 && "true".equalsIgnoreCase(params(value.substring(at + "Digest".length())).get("stale"))) return true;
        }
        return false;
    }

    /** The {@code Authorization} header value for {@code method} on {@code uri}. */
    synchronized String authorization(String method, URI uri, String user, String password) {
        byte[] c = new byte[12];
        RANDOM.nextBytes(c);
        return authorization(method, uri, user, password, HexFormat.of().formatHex(c));
    }

    /** As above with a given client nonce (for the RFC's worked examples). */
    synchronized String authorization(String method, URI uri, String user, String password, String cnonce) {
        String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) target += "?" + uri.getRawQuery();
        String nc = String.format(Locale.ROOT, "%08x", ++count);
        String ha1 = hash(user + ":" + realm + ":" + password);
        if (algorithm.endsWith("-SESS")) ha1 = hash(ha1 + ":" + nonce + ":" + cnonce);
        String ha2 = hash(method + ":" + target);
        String response = qopAuth ? hash(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2) : hash(ha1 + ":" + nonce + ":" + ha2);
        StringBuilder b = new StringBuilder("Digest username=").append(quote(user)).append(", realm=").append(quote(realm))
                .append(", nonce=").append(quote(nonce)).append(", uri=").append(quote(target)).append(", algorithm=").append(algorithm)
                .append(", response=").append(quote(response));
        if (opaque != null) b.append(", opaque=").append(quote(opaque));
        if (qopAuth) b.append(", qop=auth, nc=").append(nc).append(", cnonce=").append(quote(cnonce));
        return b.toString();
    }

    private String hash(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm.startsWith("SHA-256") ? "SHA-256" : "MD5");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static int indexOfScheme(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        int at = v.indexOf("digest");
        while (at >= 0) {
            boolean startsToken = at == 0 || v.charAt(at - 1) == ' ' || v.charAt(at - 1) == ',';
            boolean endsToken = at + 6 == v.length() || v.charAt(at + 6) == ' ';
            if (startsToken && endsToken) return at;
            at = v.indexOf("digest", at + 1);
        }
        return -1;
    }

    /** The auth-params of a challenge: {@code name=token} or {@code name="quoted"}, separated by commas, up to the next scheme. */
    static Map<String, String> params(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == ',')) i++;
            int eq = s.indexOf('=', i);
            if (eq < 0) break;
            String name = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            if (name.contains(" ")) break;  // the next challenge's scheme
            i = eq + 1;
            StringBuilder v = new StringBuilder();
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (i < n && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < n) i++;
                    v.append(s.charAt(i++));
                }
                i++;
            } else {
                while (i < n && s.charAt(i) != ',') v.append(s.charAt(i++));
            }
            out.put(name, v.toString().trim());
        }
        return out;
    }
}
