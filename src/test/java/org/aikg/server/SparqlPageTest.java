package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.aikg.TestData;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The query page over HTTP, without a browser: the static files under names that carry their content,
 * gzip-compressed when asked (and only then, with {@code Vary}), old names still answered; the examples
 * form that runs the example chosen; the answer's CSV equal to the SPARQL answer of the same query; every
 * link in the reader's chosen language; and the classes and properties the editor completes, as a query
 * of the data counts them.
 */
class SparqlPageTest {
    /** YASGUI's build as its webjar ships it: what the server must send, compressed or not. */
    static final String WEBJAR = "META-INF/resources/webjars/zazuko__yasgui/4.5.0/build/yasgui.min.js";
    static AikgServer server;
    static String url;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        server = AikgServer.builder(TestData.published()).port(0).build().start();
        url = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static String header(HttpResponse<byte[]> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    /** The values of every {@code Vary} header of an answer, as one list. */
    static List<String> vary(HttpResponse<byte[]> r) {
        List<String> all = new ArrayList<>();
        for (String v : r.headers().allValues("Vary")) for (String p : v.split(",")) all.add(p.strip());
        return all;
    }

    /** The first path in {@code html} that the pattern's group 1 matches. */
    static String find(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertTrue(m.find(), regex + " in " + html);
        return m.group(1);
    }

    static byte[] webjar() throws IOException {
        try (InputStream in = SparqlPageTest.class.getClassLoader().getResourceAsStream(WEBJAR)) {
            return in.readAllBytes();
        }
    }

    static byte[] gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    static String scriptPath() throws Exception {
        return find(text(get("/sparql", "Accept", "text/html")), "<script src=\"(/static/yasgui/yasgui\\.min\\.[0-9a-f]{16}\\.js)\"");
    }

    @Test
    void theScriptIsGzippedWithVaryWhenAskedAndPlainOtherwiseTheSameBytes() throws Exception {
        String path = scriptPath();
        byte[] shipped = webjar();
        HttpResponse<byte[]> gz = get(path, "Accept-Encoding", "gzip, deflate, br");
        assertEquals(200, gz.statusCode());
        assertEquals("gzip", header(gz, "Content-Encoding"));
        assertTrue(vary(gz).contains("Accept-Encoding"), "Vary: " + vary(gz));
        assertEquals("public, max-age=31536000, immutable", header(gz, "Cache-Control"));
        assertEquals(String.valueOf(gz.body().length), header(gz, "Content-Length"));
        // the review measured 280 KB gzipped of the 1 MB script
        assertTrue(gz.body().length < shipped.length * 0.3, gz.body().length + " bytes of " + shipped.length);
        assertArrayEquals(shipped, gunzip(gz.body()), "the same script, decompressed");

        HttpResponse<byte[]> plain = get(path);
        assertEquals(200, plain.statusCode());
        assertNull(header(plain, "Content-Encoding"));
        assertTrue(vary(plain).contains("Accept-Encoding"), "Vary: " + vary(plain));
        assertEquals("public, max-age=31536000, immutable", header(plain, "Cache-Control"));
        assertArrayEquals(shipped, plain.body());
        assertNotEquals(header(plain, "ETag"), header(gz, "ETag"), "each encoding is a variant of its own");

        HttpResponse<byte[]> refused = get(path, "Accept-Encoding", "gzip;q=0, br");
        assertEquals(200, refused.statusCode());
        assertNull(header(refused, "Content-Encoding"), "gzip;q=0 refuses gzip");
        assertArrayEquals(shipped, refused.body());

        HttpResponse<byte[]> again = get(path, "Accept-Encoding", "gzip", "If-None-Match", header(gz, "ETag"));
        assertEquals(304, again.statusCode());
    }

    @Test
    void oldNamesAreStillAnsweredAndAnotherContentsNameIsSentToTheCurrentFile() throws Exception {
        String current = scriptPath();
        HttpResponse<byte[]> old = get("/static/yasgui/yasgui.min.js");
        assertEquals(200, old.statusCode());
        assertEquals("no-cache", header(old, "Cache-Control"), "a plain name is checked again each time: its content changes with a release");
        assertArrayEquals(webjar(), old.body());

        HttpResponse<byte[]> stale = get("/static/yasgui/yasgui.min.0123456789abcdef.js");
        assertEquals(302, stale.statusCode());
        assertEquals(current, header(stale, "Location"));
        assertEquals("no-cache", header(stale, "Cache-Control"));

        assertEquals(404, get("/static/no-such-file.0123456789abcdef.js").statusCode());
        assertEquals(404, get("/static/no-such-file.js").statusCode());
        assertEquals(200, get("/static/live.js").statusCode(), "the live preview's script keeps its name");
    }

    @Test
    void everyPageLinksItsStyleSheetAndScriptsByTheirContentsNames() throws Exception {
        String home = text(get("/", "Accept", "text/html"));
        for (String name : List.of("aikg", "search")) {
            String path = find(home, "\"(/static/" + name + "\\.[0-9a-f]{16}\\.(css|js))\"");
            HttpResponse<byte[]> hashed = get(path, "Accept-Encoding", "gzip");
            assertEquals(200, hashed.statusCode(), path);
            assertEquals("public, max-age=31536000, immutable", header(hashed, "Cache-Control"), path);
            assertEquals("gzip", header(hashed, "Content-Encoding"), path);
            HttpResponse<byte[]> plain = get(path.replaceAll("\\.[0-9a-f]{16}\\.", "."));
            assertEquals(200, plain.statusCode());
            assertArrayEquals(plain.body(), gunzip(hashed.body()), path);
        }
    }

    @Test
    void theExamplesFormRunsTheExampleChosenInTheReadersLanguage() throws Exception {
        String statistics = Files.readString(Path.of("queries/statistics.rq"), StandardCharsets.UTF_8);
        HttpResponse<byte[]> chosen = get("/sparql?example=statistics&lang=zh", "Accept", "text/html");
        assertEquals(303, chosen.statusCode());
        String location = header(chosen, "Location");
        assertTrue(location.startsWith("/sparql?query=") && location.endsWith("&lang=zh"), location);
        String query = URLDecoder.decode(location.substring("/sparql?query=".length(), location.length() - "&lang=zh".length()), StandardCharsets.UTF_8);
        assertEquals(statistics, query, "the query of queries/statistics.rq, as written");

        HttpResponse<byte[]> page = get(location, "Accept", "text/html");
        assertEquals(200, page.statusCode());
        String html = text(page);
        assertTrue(html.contains("<option value=\"statistics\" selected>"), "the example chosen stays chosen");
        // the article reports five statistics (hand-checked against data/sources/)
        String table = find(html, "(?s)<tbody>(.*?)</tbody>");
        assertEquals(5, table.split("<tr>", -1).length - 1, table);

        HttpResponse<byte[]> english = get("/sparql?example=statistics", "Accept", "text/html");
        assertEquals(303, english.statusCode());
        assertFalse(header(english, "Location").contains("lang="), "the browser's own language is not written into links");
        assertEquals(404, get("/sparql?example=no-such-example", "Accept", "text/html").statusCode());
    }

    @Test
    void theAnswersCsvIsTheSparqlAnswerOfTheSameQuery() throws Exception {
        String statistics = Files.readString(Path.of("queries/statistics.rq"), StandardCharsets.UTF_8);
        String html = text(get("/sparql?query=" + URLEncoder.encode(statistics, StandardCharsets.UTF_8) + "&lang=zh", "Accept", "text/html"));
        String csvLink = find(html, "<a href=\"([^\"]*format=csv[^\"]*)\" download=\"results.csv\"").replace("&amp;", "&");
        HttpResponse<byte[]> csv = get(csvLink);
        assertEquals(200, csv.statusCode());
        assertTrue(header(csv, "Content-Type").startsWith("text/csv"), header(csv, "Content-Type"));
        HttpResponse<byte[]> json = http.send(HttpRequest.newBuilder(URI.create(url + "/sparql")).header("Accept", "application/sparql-results+json")
                .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(statistics)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, json.statusCode());
        List<List<String>> expected = ResultRows.json(json.body());
        assertEquals(6, expected.size(), "the variables and five statistics");
        assertEquals(expected, ResultRows.csv(text(csv)));
        assertTrue(text(csv).contains("578400000000.0"), "the scale of the core industry, as the data states it");
    }

    @Test
    void everyLinkOfTheQueryPageKeepsTheLanguageTheReaderChose() throws Exception {
        String statistics = Files.readString(Path.of("queries/statistics.rq"), StandardCharsets.UTF_8);
        for (String path : List.of("/sparql?lang=zh", "/sparql?query=" + URLEncoder.encode(statistics, StandardCharsets.UTF_8) + "&lang=zh")) {
            String html = text(get(path, "Accept", "text/html"));
            List<String> local = new ArrayList<>();
            Matcher m = Pattern.compile("<a ([^>]*)href=\"(/[^\"]*)\"").matcher(html);
            // (but the one to the other language)
            while (m.find()) if (!m.group(1).contains("id=\"switch-lang\"")) local.add(m.group(2).replace("&amp;", "&"));
            assertTrue(local.size() > 10, "links: " + local);
            List<String> lost = local.stream().filter(h -> !h.matches("[^#]*[?&]lang=zh(&.*)?(#.*)?")).toList();
            assertEquals(List.of(), lost, "links of " + path + " that lose ?lang=zh");
            String other = find(html, "id=\"switch-lang\" href=\"([^\"]*)\"").replace("&amp;", "&");
            assertTrue(other.endsWith("lang=en") && other.contains("query=") == path.contains("query="), "the same page in English: " + other);
            // the three forms carry it too: the site's search, the examples, the query
            assertEquals(3, html.split("<input type=\"hidden\" name=\"lang\" value=\"zh\">", -1).length - 1, "the forms of " + path);
        }
    }

    @Test
    void theEditorCompletesTheClassesAndPropertiesTheDataUsesMostUsedFirst() throws Exception {
        HttpResponse<byte[]> terms = get("/terms.json");
        assertEquals(200, terms.statusCode());
        assertTrue(header(terms, "Content-Type").startsWith("application/json"));
        JsonObject json = JSON.parse(text(terms));
        assertEquals(select("SELECT ?t (COUNT(*) AS ?n) WHERE { [] a ?t FILTER(isIRI(?t)) } GROUP BY ?t ORDER BY DESC(?n) STR(?t)"),
                json.get("classes").getAsArray().stream().map(v -> v.getAsString().value()).toList());
        assertEquals(select("SELECT ?t (COUNT(*) AS ?n) WHERE { [] ?t [] } GROUP BY ?t ORDER BY DESC(?n) STR(?t)"),
                json.get("properties").getAsArray().stream().map(v -> v.getAsString().value()).toList());
        assertTrue(text(terms).contains("\"http://schema.org/Observation\""), "the statistics' class (hand-checked in data/)");
    }

    /** The first column of a query's answer from the endpoint (Jena's evaluation of it), as text. */
    static List<String> select(String query) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url + "/sparql")).header("Accept", "application/sparql-results+json")
                .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(query)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        List<List<String>> rows = ResultRows.json(r.body());
        return rows.subList(1, rows.size()).stream().map(row -> row.get(0)).toList();
    }
}
