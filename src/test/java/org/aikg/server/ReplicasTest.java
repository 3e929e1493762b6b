package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.aikg.TestCli;
import org.aikg.store.Tdb2Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas, each serving its own copy of one store (the folder copied, as it would be to another
 * machine), answer every read with the same bytes and the same validators, so that any load
 * balancer or cache can send a reader to either: pages in each format and language, the dataset's
 * description, downloads (written by each replica on first request), SPARQL results in a fixed order,
 * fragments.
 */
class ReplicasTest {
    @TempDir
    Path tmp;

    static final List<String[]> READS = List.of(
            new String[] {"/", "text/html"},
            new String[] {"/doc/event/world-intelligence-expo-2024", "text/html"},
            new String[] {"/doc/event/world-intelligence-expo-2024", "text/turtle"},
            new String[] {"/doc/event/world-intelligence-expo-2024.jsonld", "*/*"},
            new String[] {"/doc/observation/cn-ai-core-industry-scale-2023?lang=zh", "text/html"},
            new String[] {"/doc/place/china.rdf", "*/*"},
            new String[] {"/dataset", "text/html"},
            new String[] {"/dataset.ttl", "*/*"},
            new String[] {"/def", "text/html"},
            new String[] {"/class/City", "text/html"},
            new String[] {"/search?q=" + URLEncoder.encode("天津", StandardCharsets.UTF_8), "application/json"},
            new String[] {"/queries/statistics", "text/html"},
            new String[] {"/queries/statistics", "application/sparql-results+json"},
            new String[] {"/download/", "text/plain"},
            new String[] {"/download/aikg.ttl", "*/*"},
            new String[] {"/download/aikg.nq.gz", "*/*"},
            new String[] {"/download/aikg.jsonld", "*/*"},
            new String[] {"/sparql?query=" + URLEncoder.encode("SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o", StandardCharsets.UTF_8),
                "application/sparql-results+json"},
            new String[] {"/sparql?query=" + URLEncoder.encode("SELECT ?s ?o WHERE { ?s a ?o } ORDER BY ?s ?o", StandardCharsets.UTF_8),
                "text/csv"},
            new String[] {"/fragments?predicate=" + URLEncoder.encode("http://schema.org/name", StandardCharsets.UTF_8), "text/turtle"});

    @Test
    void twoReplicasOfOneStoreAnswerTheSameBytesAndETags() throws Exception {
        Path store = tmp.resolve("store");
        assertEquals(0, TestCli.run("load", "--tdb2", store.toString(), "data").code());
        Path copy = tmp.resolve("copy");
        copyFolder(store, copy);
        AikgServer one = AikgServer.builder(Tdb2Store.open(store)).port(0).publicUrl("https://kg.example.org").build().start();
        AikgServer two = AikgServer.builder(Tdb2Store.open(copy)).port(0).publicUrl("https://kg.example.org").build().start();
        HttpClient http = HttpClient.newHttpClient();
        try {
            for (String[] read : READS) {
                HttpResponse<byte[]> a = get(http, one, read);
                HttpResponse<byte[]> b = get(http, two, read);
                String what = read[0] + " (" + read[1] + ")";
                assertEquals(200, a.statusCode(), what);
                assertEquals(200, b.statusCode(), what);
                assertArrayEquals(a.body(), b.body(), what + ": the bodies differ");
                for (String header : List.of("ETag", "Last-Modified", "Content-Type", "Content-Length", "Cache-Control", "Vary")) {
                    assertEquals(a.headers().firstValue(header), b.headers().firstValue(header), what + ": " + header + " differs");
                }
                assertNotNull(a.headers().firstValue("ETag").orElse(null), what + " has no ETag");
            }
        } finally {
            one.stop();
            two.stop();
        }
    }

    static HttpResponse<byte[]> get(HttpClient http, AikgServer server, String[] read) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + read[0])).header("Accept", read[1]).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else if (!p.getFileName().toString().equals("tdb.lock")) Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
