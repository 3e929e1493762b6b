package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aikg.TestCli;
import org.aikg.TestData;
import org.aikg.input.Graphs;
import org.aikg.store.Datasets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server given the dataset's releases ({@code serve --releases DIR}) serves each release's files,
 * immutable; lists the releases with what they changed on {@code /changes} and {@code /dataset}; shows
 * each thing's history on its page; and dates pages and the sitemap by the release that last changed
 * them. The releases: 1.0 of the minimal case (2024-06-20), then 1.1 (2024-07-01) with Acme renamed
 * "Acme Widgets" and the claim removed, an edit made by hand here, so the expected changes are known.
 */
class ReleasesServedTest {
    @TempDir
    Path tmp;

    private AikgServer server;
    private Path releases;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void twoReleases() throws IOException {
        Path data = TestData.minimalDataIn(tmp);
        releases = tmp.resolve("releases");
        assertEquals(0, TestCli.run("release", "1.0", data.toString(), "-o", releases.toString(), "--date", "2024-06-20").code());
        Path sheet = data.resolve("sheet.yaml");
        String text = Files.readString(sheet, StandardCharsets.UTF_8);
        String edited = text.replace("      en: Acme\n", "      en: Acme Widgets\n");
        Files.writeString(sheet, edited.substring(0, edited.indexOf("claims:")), StandardCharsets.UTF_8);
        assertEquals(0, TestCli.run("release", "1.1", data.toString(), "-o", releases.toString(), "--date", "2024-07-01").code());
        server = AikgServer.builder(Datasets.open(Graphs.of(List.of(data)))).port(0).releases(releases).build().start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private String page(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = get(path);
        assertEquals(200, r.statusCode(), path);
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void eachReleasesFilesAreServedImmutableAndNothingElseUnderThem() throws Exception {
        HttpResponse<byte[]> patch = get("/download/1.1/changes.rdfp");
        assertEquals(200, patch.statusCode());
        assertEquals("application/rdf-patch", patch.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("public, max-age=31536000, immutable", patch.headers().firstValue("Cache-Control").orElseThrow());
        assertArrayEquals(Files.readAllBytes(releases.resolve("1.1/changes.rdfp")), patch.body());
        HttpResponse<byte[]> ttl = get("/download/1.0/aikg.ttl");
        assertEquals(200, ttl.statusCode());
        assertArrayEquals(Files.readAllBytes(releases.resolve("1.0/aikg.ttl")), ttl.body());
        String etag = ttl.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(URI.create(server.url() + "download/1.0/aikg.ttl")).header("If-None-Match", etag)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(304, again.statusCode());
        assertTrue(page("/download/1.1/").contains("/download/1.1/aikg.nq"));
        for (String missing : List.of("/download/2.0/aikg.ttl", "/download/1.1/releases.tsv", "/download/1.1/..%2Freleases.tsv",
                "/download/1.1/aikg.ttl.gz", "/download/.1.1.part/aikg.ttl")) {
            assertEquals(404, get(missing).statusCode(), missing);
        }
    }

    @Test
    void changesListTheReleasesNewestFirstWithWhatEachChanged() throws Exception {
        String changes = page("/changes");
        assertTrue(changes.indexOf("id=\"v-1.1\"") < changes.indexOf("id=\"v-1.0\"") && changes.contains("id=\"v-1.0\""), "newest first");
        String v11 = changes.substring(changes.indexOf("id=\"v-1.1\""), changes.indexOf("id=\"v-1.0\""));
        assertTrue(v11.contains("claims: 0 added, 0 changed, 1 removed"), v11);
        assertTrue(v11.contains("<a href=\"/doc/org/acme\">Acme Widgets</a>"), "Acme is listed as changed, with a link: " + v11);
        assertTrue(v11.contains("<del><span class=\"value\" lang=\"en\">Acme</span> </del>") && v11.contains("<ins><span class=\"value\" lang=\"en\">Acme Widgets</span> </ins>"),
                "the name before and after: " + v11);
        assertTrue(v11.contains("/download/1.1/changes.rdfp"));
        assertTrue(page("/changes?lang=zh").contains("修改"));
    }

    @Test
    void aThingsPageShowsItsHistoryAndIsDatedByTheReleaseThatLastChangedIt() throws Exception {
        HttpResponse<byte[]> acme = get("/doc/org/acme");
        String body = new String(acme.body(), StandardCharsets.UTF_8);
        String history = body.substring(body.indexOf("id=\"history\""));
        assertTrue(history.contains("1.1</a> · <time datetime=\"2024-07-01\">") && history.contains("Acme Widgets"), history);
        assertEquals("Mon, 1 Jul 2024 00:00:00 GMT", acme.headers().firstValue("Last-Modified").orElseThrow());
        HttpResponse<byte[]> ruritania = get("/doc/place/ruritania");
        assertEquals(200, ruritania.statusCode());
        assertEquals("Thu, 20 Jun 2024 00:00:00 GMT", ruritania.headers().firstValue("Last-Modified").orElseThrow(), "unchanged since the first release");
        String sitemap = page("/sitemap.xml");
        assertTrue(sitemap.contains("/doc/org/acme</loc><lastmod>2024-07-01</lastmod>"), sitemap);
        assertTrue(sitemap.contains("/doc/place/ruritania</loc><lastmod>2024-06-20</lastmod>"), sitemap);
        String dataset = page("/dataset");
        assertTrue(dataset.contains("href=\"/changes#v-1.1\"") && dataset.contains("href=\"/changes#v-1.0\""), "the dataset lists its versions");
    }

    @Test
    void aThingsIdentifierPointsToItsDescription() throws Exception {
        HttpResponse<byte[]> id = http.send(HttpRequest.newBuilder(URI.create(server.url() + "id/org/acme")).header("Accept", "text/turtle").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(303, id.statusCode());
        assertEquals("</doc/org/acme>; rel=\"describedby\"", id.headers().firstValue("Link").orElseThrow());
    }
}
