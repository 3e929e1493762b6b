package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.aikg.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The query limit is 64 KiB of UTF-8 (README, refusals), whatever road the query takes: a form's
 * query of 22,000 Chinese characters is 66,000 bytes (three each), so it is refused though it is
 * fewer than 65,536 Java characters; one of 21,000 (63,000 bytes) is answered.
 */
class QueryBytesTest {
    static AikgServer server;

    @BeforeAll
    static void start() {
        server = AikgServer.builder(TestData.published()).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static int postForm(int chineseCharacters) throws Exception {
        String query = "ASK { ?s ?p \"" + "刘".repeat(chineseCharacters) + "\" }";
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.url() + "sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aFormQueryOverTheLimitInUtf8BytesIsRefusedThoughItHasFewerCharacters() throws Exception {
        assertEquals(413, postForm(22_000));
    }

    @Test
    void aFormQueryWithinTheLimitInUtf8BytesIsAnswered() throws Exception {
        assertEquals(200, postForm(21_000));
    }
}
