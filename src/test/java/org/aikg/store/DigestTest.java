package org.aikg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked examples of RFC 7616 section 3.9.1 and RFC 2617 section 3.5, answered byte for byte. */
class DigestTest {
    static final String RFC7616 = "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=%s, "
            + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
    static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    static String response(String header) {
        int at = header.indexOf("response=\"") + "response=\"".length();
        return header.substring(at, header.indexOf('"', at));
    }

    @Test
    void answersRfc7616sSha256Example() {
        Digest d = Digest.challenge(List.of(String.format(RFC7616, "SHA-256"))).orElseThrow();
        String h = d.authorization("GET", URI.create("http://www.example.org/dir/index.html"), "Mufasa", "Circle of Life", CNONCE);
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", response(h));
        assertTrue(h.contains("qop=auth, nc=00000001, cnonce=\"" + CNONCE + "\""), h);
        assertTrue(h.contains("opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\""), h);
    }

    @Test
    void answersRfc7616sMd5Example() {
        Digest d = Digest.challenge(List.of(String.format(RFC7616, "MD5"))).orElseThrow();
        String h = d.authorization("GET", URI.create("http://www.example.org/dir/index.html"), "Mufasa", "Circle of Life", CNONCE);
        assertEquals("8ca523f5e9506fed4657c9700eebdbec", response(h));
    }

    @Test
    void answersRfc2617sExampleAndCountsTheNonce() {
        Digest d = Digest.challenge(List.of("Basic realm=\"x\"", "Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"")).orElseThrow();
        String h = d.authorization("GET", URI.create("http://host.com/dir/index.html"), "Mufasa", "Circle Of Life", "0a4f113b");
        assertEquals("6629fae49393a05397450978507c4ef1", response(h));
        assertTrue(d.authorization("GET", URI.create("http://host.com/dir/index.html"), "Mufasa", "Circle Of Life", "0a4f113b")
                .contains("nc=00000002"));
    }

    @Test
    void signsThePathWithItsQuery() {
        Digest d = Digest.challenge(List.of("Digest realm=\"SPARQL\", nonce=\"n\", qop=\"auth\", algorithm=\"MD5\"")).orElseThrow();
        String h = d.authorization("PUT", URI.create("http://127.0.0.1:8890/sparql-graph-crud-auth?graph=https%3A%2F%2Fx%2Fg"), "dba", "dba", "c");
        assertTrue(h.contains("uri=\"/sparql-graph-crud-auth?graph=https%3A%2F%2Fx%2Fg\""), h);
    }

    @Test
    void aChallengeOfOnlyBasicOrAuthIntIsNotAnswered() {
        assertTrue(Digest.challenge(List.of("Basic realm=\"x\"")).isEmpty());
        assertTrue(Digest.challenge(List.of("Digest realm=\"x\", nonce=\"n\", qop=\"auth-int\"")).isEmpty());
        assertTrue(Digest.stale(List.of("Digest realm=\"x\", nonce=\"n2\", stale=TRUE")));
    }
}
