package org.aikg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * No request, alone or with 20 others, runs the server out of memory: the jar, with a heap of 768 MiB
 * and its default limits, gets 21 requests at once whose answers or values would each be hundreds of
 * megabytes (a CSV of the article's text times the graph twice over, a GROUP_CONCAT of it, a CONSTRUCT
 * and a DESCRIBE of everything); each is answered 200, 422 or 503 (never 500), the log holds no
 * OutOfMemoryError, and the server answers as before afterwards.
 */
class BudgetIT {
    static final String PREFIX = "PREFIX schema: <http://schema.org/> ";
    static final List<String> HEAVY = List.of(
            PREFIX + "SELECT ?b ?z ?w { ?a schema:articleBody ?b . ?x ?y ?z . ?u ?v ?w }",
            PREFIX + "SELECT (GROUP_CONCAT(?b) AS ?all) { ?a schema:articleBody ?b . ?x ?y ?z . ?u ?v ?w }",
            PREFIX + "CONSTRUCT { ?x ?y ?b } WHERE { ?a schema:articleBody ?b . ?x ?y ?z . ?u ?v ?w }",
            "DESCRIBE ?x ?u WHERE { ?x ?y ?z . ?u ?v ?w }");

    @Test
    void twentyOneHeavyAnswersAtOnceNeverRunTheServerOutOfMemory() throws Exception {
        try (ServedJar jar = ServedJar.startJvm(List.of("-Xmx768m"), "data")) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                String q = HEAVY.get(i % HEAVY.size());
                all.add(http.sendAsync(HttpRequest.newBuilder(URI.create(jar.url() + "sparql")).timeout(Duration.ofMinutes(2))
                        .header("Content-Type", "application/sparql-query").header("Accept", q.startsWith("SELECT") ? "text/csv" : "application/n-triples")
                        .POST(HttpRequest.BodyPublishers.ofString(q)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> f : all) {
                HttpResponse<String> r = f.get();
                assertTrue(Set.of(200, 422, 503).contains(r.statusCode()), r.statusCode() + ": " + r.body().substring(0, Math.min(300, r.body().length())));
            }
            HttpResponse<String> after = http.send(HttpRequest.newBuilder(URI.create(jar.url() + "sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D"))
                    .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, after.statusCode(), after.body());
            assertFalse(jar.log().contains("OutOfMemoryError"), jar.log());
            assertFalse(jar.log().contains(" 500 "), jar.log());
        }
    }
}
