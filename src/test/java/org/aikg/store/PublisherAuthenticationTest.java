package org.aikg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aikg.TestCli;
import org.aikg.TestCli.Run;
import org.apache.jena.http.auth.AuthEnv;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aikg publish} to stores on loopback that take a PUT only with HTTP Digest (RFC 7616, MD5,
 * {@code qop=auth}) or Basic authentication, whichever their 401 asks for. The Digest store checks each
 * answer itself: the user, its realm and current nonce, a {@code uri} that names the request's path, a
 * nonce count that grows, and the response hash; it can declare its nonce stale after a PUT.
 */
class PublisherAuthenticationTest {
    static final String DATA = "src/test/resources/golden/minimal/data";
    static final String PASSWORD = "Circle of Life";

    @TempDir
    Path tmp;

    Store store;

    @AfterEach
    void stop() {
        if (store != null) store.server.stop(0);
    }

    Run publish(String password) throws IOException {
        Path credentials = tmp.resolve("credentials");
        Files.writeString(credentials, "Mufasa:" + password + "\n");
        return TestCli.run("publish", "--endpoint", store.url(), "--credentials", credentials.toString(), "--retries", "1",
                "--state", tmp.resolve("state").toString(), DATA);
    }

    @Test
    void digestIsAnsweredOnceAndItsNonceUsedAgainAndCountedForTheOtherGraphs() throws Exception {
        store = new Store(Scheme.DIGEST, "MD5", Integer.MAX_VALUE);
        Run run = publish(PASSWORD);
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.err().startsWith("published 2 graphs") && run.err().contains("(0 retries)"), run::toString);
        assertEquals(2, store.accepted.size(), "graphs taken");
        assertEquals(1, store.challenges, "one challenge for the whole publish");
        assertTrue(store.accepted.stream().allMatch(p -> p.startsWith("/ds?graph=")), store.accepted::toString);
    }

    @Test
    void aStaleNonceIsAnsweredAgainWithinTheSameTry() throws Exception {
        store = new Store(Scheme.DIGEST, "MD5", 1);
        Run run = publish(PASSWORD);
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.err().startsWith("published 2 graphs") && run.err().contains("(0 retries)"), run::toString);
        assertEquals(2, store.challenges, "the first challenge, and the stale one");
    }

    @Test
    void basicIsSentOnlyWhenTheStoreAsksForIt() throws Exception {
        store = new Store(Scheme.BASIC, null, Integer.MAX_VALUE);
        Run run = publish(PASSWORD);
        assertEquals(0, run.code(), run::toString);
        assertEquals(2, store.accepted.size(), "graphs taken");
        assertEquals(1, store.challenges, "one challenge for the whole publish");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutThePasswordInTheMessage() throws Exception {
        for (Scheme scheme : Scheme.values()) {
            store = new Store(scheme, scheme == Scheme.DIGEST ? "MD5" : null, Integer.MAX_VALUE);
            Run run = publish("not-the-s3cret");
            store.server.stop(0);
            assertEquals(3, run.code(), run::toString);
            assertTrue(run.err().contains("401") && run.err().contains("(check the credentials)"), run::toString);
            assertFalse(run.err().contains("s3cret") || run.err().contains(Base64.getEncoder().encodeToString("Mufasa:not-the-s3cret"
                    .getBytes(StandardCharsets.UTF_8))), run::toString);
            assertEquals(0, store.accepted.size(), scheme + ": nothing taken");
        }
    }

    @Test
    void aDigestWithAnotherAlgorithmThanMd5IsRefusedSayingSo() throws Exception {
        store = new Store(Scheme.DIGEST, "SHA-256", Integer.MAX_VALUE);
        Run run = publish(PASSWORD);
        assertEquals(3, run.code(), run::toString);
        assertTrue(run.err().contains("the store asks for Digest with SHA-256, and aikg answers Digest with MD5 only"), run::toString);
    }

    @Test
    void theCredentialsAreForgottenWhenThePublishEnds() throws Exception {
        store = new Store(Scheme.DIGEST, "MD5", Integer.MAX_VALUE);
        assertEquals(0, publish(PASSWORD).code());
        assertNull(AuthEnv.get().getUsernamePassword(URI.create(store.url() + "?graph=x")), "Jena's AuthEnv still holds them");
        store.server.stop(0);
        store = new Store(Scheme.DIGEST, "MD5", Integer.MAX_VALUE);
        Run none = TestCli.run("publish", "--endpoint", store.url(), "--state", tmp.resolve("state").toString(), DATA);
        assertEquals(3, none.code(), none::toString);
        assertTrue(none.err().contains("401"), none::toString);
    }

    /** After an edit, the graph is read back before it is replaced: the GET is authenticated as the PUT is, its nonce counted on. */
    @Test
    void readingAGraphBackBeforeReplacingItIsAuthenticatedToo() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        for (String f : List.of("dataset.yaml", "sheet.yaml", "text.txt")) Files.copy(Path.of(DATA, f), data.resolve(f));
        store = new Store(Scheme.DIGEST, "MD5", Integer.MAX_VALUE);
        Path credentials = tmp.resolve("credentials");
        Files.writeString(credentials, "Mufasa:" + PASSWORD + "\n");
        String[] publish = {"publish", "--endpoint", store.url(), "--credentials", credentials.toString(), "--state", tmp.resolve("state").toString(),
                data.toString()};
        assertEquals(0, TestCli.run(publish).code());
        Files.writeString(data.resolve("sheet.yaml"), Files.readString(data.resolve("sheet.yaml")).replace("Widgets Report", "Widgets Report, revised"));
        store.accepted.clear();
        Run run = TestCli.run(publish);
        assertEquals(0, run.code(), run::toString);
        String graph = "/ds?graph=https://example.org/kg/graph/acme-2024";
        assertEquals(List.of("GET " + graph, graph), store.accepted, "the GET, then the PUT (logged by its path alone)");
        // Jena's DigestLib signs the answer it keeps for the method of the request that met the challenge: the PUT after
        // the GET is challenged again, and answered (1 challenge for the first publish, 2 for the second)
        assertEquals(3, store.challenges, "challenges");
    }

    enum Scheme { DIGEST, BASIC }

    /**
     * A Graph Store that takes a PUT, GET or DELETE only when authenticated; {@code staleAfter} requests on one nonce, then it
     * is stale. It keeps each graph as it was sent, and gives it back as it was.
     */
    static final class Store {
        private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");
        final HttpServer server;
        final List<String> accepted = new ArrayList<>();
        private final Map<String, byte[]> graphs = new LinkedHashMap<>();
        int challenges;
        private final Scheme scheme;
        private final String algorithm;
        private final int staleAfter;
        private String nonce;
        private int usedNonce;
        private long lastCount;

        Store(Scheme scheme, String algorithm, int staleAfter) throws IOException {
            this.scheme = scheme;
            this.algorithm = algorithm;
            this.staleAfter = staleAfter;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/ds";
        }

        private synchronized void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                boolean stale = false;
                if (auth != null && (scheme == Scheme.BASIC ? basicOk(auth) : digestOk(auth, exchange))) {
                    if (scheme == Scheme.BASIC || ++usedNonce <= staleAfter) {
                        String target = exchange.getRequestURI().toString();
                        String method = exchange.getRequestMethod();
                        accepted.add(method.equals("PUT") ? target : method + " " + target);
                        byte[] held = method.equals("PUT") ? graphs.put(target, body) : method.equals("DELETE") ? graphs.remove(target) : graphs.get(target);
                        if (method.equals("GET") && held != null) {
                            exchange.getResponseHeaders().add("Content-Type", "application/n-triples");
                            exchange.sendResponseHeaders(200, held.length);
                            exchange.getResponseBody().write(held);
                        } else {
                            exchange.sendResponseHeaders(held == null && !method.equals("PUT") ? 404 : 204, -1);
                        }
                        return;
                    }
                    stale = true;
                }
                challenges++;
                nonce = "n" + challenges;
                usedNonce = 0;
                lastCount = -1;
                exchange.getResponseHeaders().add("WWW-Authenticate", scheme == Scheme.BASIC ? "Basic realm=\"store\""
                        : "Digest realm=\"store\", qop=\"auth\", algorithm=" + algorithm + ", nonce=\"" + nonce + "\", opaque=\"o\""
                        + (stale ? ", stale=true" : ""));
                exchange.sendResponseHeaders(401, -1);
            }
        }

        private static boolean basicOk(String auth) {
            return auth.equals("Basic " + Base64.getEncoder().encodeToString(("Mufasa:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }

        private boolean digestOk(String auth, HttpExchange exchange) {
            if (!auth.startsWith("Digest ")) return false;
            Map<String, String> p = new LinkedHashMap<>();
            Matcher m = PARAM.matcher(auth.substring(7));
            while (m.find()) p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
            String path = exchange.getRequestURI().getRawPath();
            String uri = p.getOrDefault("uri", "");
            if (!"Mufasa".equals(p.get("username")) || !"store".equals(p.get("realm")) || !nonce.equals(p.get("nonce"))
                    || !"o".equals(p.get("opaque")) || !"auth".equals(p.get("qop"))
                    || !(uri.equals(path) || uri.equals(path + "?" + exchange.getRequestURI().getRawQuery()))) {
                return false;
            }
            long count = Long.parseLong(p.get("nc"), 16);
            if (count <= lastCount) return false;  // a nonce count used again is a replay
            lastCount = count;
            String ha1 = hash("Mufasa:store:" + PASSWORD);
            String ha2 = hash(exchange.getRequestMethod() + ":" + uri);
            return hash(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2).equals(p.get("response"));
        }

        private String hash(String s) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
