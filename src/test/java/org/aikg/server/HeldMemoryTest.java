package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aikg.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing a client sends stays in the process after its request: 20,000 requests, each with a new
 * datatype IRI of 7 KB (in a query, and in a fragment's pattern), a new language tag, a new prefix or an
 * IRI of a new scheme, leave the heap after a full collection within 5 % of where it was before them.
 * (Jena keeps every datatype IRI it meets in a global table: 140 MB here without the bound.)
 */
class HeldMemoryTest {
    static final int REQUESTS = 20_000;
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

    /** The i-th request: a path and query string with something new in it. */
    static String request(int i) {
        String pad = Integer.toString(i, 36) + "x".repeat(7 * 1024);
        String q = switch (i % 5) {
            case 0 -> "SELECT * { BIND(\"x\"^^<http://example.org/datatype/" + pad + "> AS ?x) }";
            case 1 -> "SELECT * { BIND(\"x\"@en-" + String.join("-", java.util.Collections.nCopies(40, Integer.toString(i, 36) + "abc")) + " AS ?x) }";
            case 2 -> "PREFIX p" + Integer.toString(i, 36) + ": <http://example.org/" + pad + "/> SELECT * { BIND(p" + Integer.toString(i, 36) + ":x AS ?x) }";
            case 3 -> "SELECT * { BIND(<s" + Integer.toString(i, 36) + "q:" + pad + "> AS ?x) }";
            default -> null;
        };
        if (q == null) {
            return "/fragments?object=" + URLEncoder.encode("\"x\"^^<http://example.org/datatype/" + pad + ">", StandardCharsets.UTF_8);
        }
        return "/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    static void send(int from, int to) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = from; i < to; i++) {
                int n = i;
                statuses.add(pool.submit(() -> http.send(HttpRequest.newBuilder(URI.create(url + request(n))).header("Accept", "application/sparql-results+json, text/turtle")
                        .POST(HttpRequest.BodyPublishers.noBody()).method("GET", HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            for (Future<Integer> s : statuses) assertEquals(200, s.get());
        } finally {
            pool.shutdown();
        }
    }

    static long heapAfterFullCollection() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    @Test
    void nothingAClientSendsStaysInTheProcess() throws Exception {
        send(REQUESTS, REQUESTS + 500);  // every kind of request once before measuring
        long before = heapAfterFullCollection();
        send(0, REQUESTS);
        long after = heapAfterFullCollection();
        assertTrue(after <= before * 1.05, "the heap grew from " + before / 1024 + " KiB to " + after / 1024 + " KiB after " + REQUESTS + " requests");
    }
}
