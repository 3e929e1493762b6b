package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aikg.TestData;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edges of HTTP, each with its exact status on every path (the site's and Fuseki's), a one-line
 * reason (a page of the site for a browser), and no stack trace in the log: malformed percent-encoding
 * and bytes that are not UTF-8 (400), a form over the limit (413), a declared body over the limit (413 at
 * once, no {@code 100 Continue}), a bad chunk size (400), conditional requests (RFC 9110: 304, 412),
 * repeated page parameters (400), an encoded class name, and HEAD answered with GET's headers.
 */
@ExtendWith(NoStackTraceLogged.class)
class HttpEdgesTest {
    static final List<String> PATHS = List.of("/", "/sparql", "/ds/query", "/ds/get", "/ds", "/doc/place/china", "/id/place/china", "/class",
            "/class/City", "/search", "/fragments", "/download/", "/dataset", "/def", "/queries", "/queries/statistics", "/static/aikg.css");
    static AikgServer server;
    static String url;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        server = AikgServer.builder(TestData.published()).port(0).build().start();
        url = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<String> get(String pathAndQuery, String accept, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + pathAndQuery)).header("Accept", accept);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertRefused(int status, HttpResponse<String> r, String reason) {
        assertEquals(status, r.statusCode(), r.uri() + ": " + r.body());
        assertTrue(r.body().startsWith(status + " ") && r.body().contains(reason), r.uri() + ": " + r.body());
        assertEquals(1, r.body().strip().lines().count(), "one line: " + r.body());
    }

    /** What a raw exchange on a socket gets back, up to the end of the headers of the first answer (and a little more). */
    static String raw(String request) throws Exception {
        try (Socket s = new Socket("localhost", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            for (int n; (n = in.read(buf)) > 0;) {
                got.write(buf, 0, n);
                if (got.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) break;
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** A whole exchange: the request as written (no client library would send it), the answer until the server closes. */
    static String exchange(String request) throws Exception {
        try (Socket s = new Socket("localhost", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"x=%ZZ", "x=%", "x=%C3%28", "x=%E0%A4", "query=%ZZ", "lang=%FF", "q=%C0%AF"})
    void malformedPercentEncodingIs400OnEveryPath(String query) throws Exception {
        for (String path : PATHS) {
            String answer = exchange("GET " + path + "?" + query + " HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400 "), path + "?" + query + ": " + answer);
            assertTrue(answer.contains("\r\n\r\n400 Bad Request: the query string or form is not percent-encoded UTF-8"), path + "?" + query + ": " + answer);
        }
        String page = exchange("GET /doc/place/china?" + query + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
        assertTrue(page.startsWith("HTTP/1.1 400 "), page);
        assertTrue(page.contains("<nav"), "a browser gets the site's refusal page: " + page);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sparql", "/ds/query", "/ds"})
    void malformedFormIs400AndAFormOverTheLimitIs413(String path) throws Exception {
        for (String body : List.of("query=%ZZ", "query=%C3%28")) {
            assertRefused(400, http.send(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()), "is not percent-encoded UTF-8");
        }
        String big = "query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8) + "&pad=" + "a".repeat(300 * 1024);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode(), r.body());
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413AtOnceWithoutContinue() throws Exception {
        String answer = raw("POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\nContent-Length: 10000000\r\n"
                + "Expect: 100-continue\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        assertFalse(answer.contains("100 Continue"), answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zz", "-1", "ffffffffffffffffffff", "6x", ""})
    void aBadChunkSizeIs400(String size) throws Exception {
        for (String path : List.of("/sparql", "/ds/query")) {
            String answer = exchange("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n" + size + "\r\nASK {}\r\n0\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertTrue(answer.contains("400 Bad Request: the request body cannot be read"), answer);
        }
    }

    @Test
    void conditionsAreTheOnesOfRfc9110() throws Exception {
        String ask = "/sparql?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8);
        HttpResponse<String> first = get(ask, "application/sparql-results+json");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get(ask, "application/sparql-results+json", "If-None-Match", etag).statusCode());
        assertEquals(304, get(ask, "application/sparql-results+json", "If-None-Match", "W/" + etag).statusCode(), "weak comparison for If-None-Match");
        assertEquals(200, get(ask, "application/sparql-results+json", "If-None-Match", "\"other\"").statusCode());
        assertEquals(200, get(ask, "application/sparql-results+json", "If-Match", etag).statusCode());
        assertEquals(200, get(ask, "application/sparql-results+json", "If-Match", "*").statusCode());
        assertRefused(412, get(ask, "application/sparql-results+json", "If-Match", "\"nope\""), "If-Match names no current version");
        assertRefused(412, get(ask, "application/sparql-results+json", "If-Match", "W/" + etag), "If-Match names no current version");
        assertRefused(412, get("/doc/place/china", "text/turtle", "If-Match", "\"nope\""), "If-Match");
        for (String inm : List.of("*", etag)) {
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(url + "/sparql")).header("Content-Type", "application/sparql-query")
                    .header("Accept", "application/sparql-results+json").header("If-None-Match", inm).POST(HttpRequest.BodyPublishers.ofString("ASK {}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertRefused(412, post, "If-None-Match");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/doc/place/china?format=ttl&format=nt", "/doc/place/china?lang=en&lang=zh", "/class/City?format=ttl&format=html",
            "/dataset?format=ttl&format=nt", "/?lang=en&lang=zh", "/class?lang=zh&lang=zh", "/fragments?page=1&page=2"})
    void aRepeatedPageParameterIs400(String path) throws Exception {
        assertRefused(400, get(path, "*/*"), "more than one");
    }

    @Test
    void anEncodedClassNameNamesTheSameClass() throws Exception {
        HttpResponse<String> plain = get("/class/skos:Concept", "text/turtle");
        HttpResponse<String> encoded = get("/class/skos%3AConcept", "text/turtle");
        assertEquals(200, encoded.statusCode(), encoded.body());
        assertEquals(plain.body(), encoded.body());
        assertEquals(404, get("/class/skos%3ANoSuchThing", "text/turtle").statusCode());
    }

    @Test
    void headAndGetGiveTheSameHeadersOnEveryPath() throws Exception {
        List<String> paths = List.of("/", "/sparql", "/sparql?query=" + URLEncoder.encode("SELECT * { ?s ?p ?o } LIMIT 3", StandardCharsets.UTF_8),
                "/ds/query?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8), "/ds/get?default", "/ds/get?graph="
                        + URLEncoder.encode("https://w3id.org/ai-industry-kg/graph/taptechnews-2024-06-20-world-intelligence-expo", StandardCharsets.UTF_8),
                "/ds", "/doc/place/china", "/doc/place/china.ttl", "/class", "/class/City", "/search?q=tian", "/fragments", "/download/", "/download/aikg.ttl",
                "/dataset", "/def", "/queries", "/queries/statistics", "/static/aikg.css", "/no/such/thing", "/id/place/china");
        // every download written first: the listing shows a file being written without its size, so a file finished
        // between a GET and a HEAD of /download/ would change the listing's length between them
        for (Format f : Formats.FILES) {
            for (String name : List.of("aikg." + f.suffix(), "aikg." + f.suffix() + ".gz")) {
                assertEquals(200, get("/download/" + name, "*/*").statusCode(), name);
            }
        }
        for (String path : paths) {
            for (String accept : List.of("text/html", "text/turtle", "*/*")) {
                HttpResponse<String> g = get(path, accept);
                HttpResponse<String> h = http.send(HttpRequest.newBuilder(URI.create(url + path)).header("Accept", accept)
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(g.statusCode(), h.statusCode(), "HEAD " + path + " " + accept);
                assertEquals(headers(g), headers(h), "HEAD " + path + " " + accept);
                assertEquals("", h.body(), "HEAD " + path + " has no body");
            }
        }
    }

    static Map<String, List<String>> headers(HttpResponse<?> r) {
        Map<String, List<String>> m = new TreeMap<>(r.headers().map());
        m.remove("date");
        m.remove("fuseki-request-id");  // a number per request
        return m;
    }
}
