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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The text of a query, refused with a reason that holds: over 64 KiB of UTF-8 (README, refusals)
 * whatever road it takes (a form's query of 22,000 Chinese characters is 66,000 bytes, three each,
 * so it is refused though it is fewer than 65,536 Java characters; one of 21,000, 63,000 bytes, is
 * answered), and, when it does not parse, one place: where Jena's parser met what it could not take.
 */
class QueryTextTest {
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

    static String refusal(String query) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.url() + "sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "text/plain").build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode(), r.body());
        return r.body();
    }

    /** "SELECT * WHERE { ?s ?p }": the '}' the parser could not take is the 24th character; "?s ?p ?o . FILTER(?x = )": the ')' is the 41st. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT * WHERE { ?s ?p }                      | line 1, column 24",
        "SELECT * WHERE { ?s ?p ?o . FILTER(?x = ) }   | line 1, column 41"})
    void theOnePlaceNamedIsWhereTheParserStopped(String query, String place) throws Exception {
        String body = refusal(query.strip());
        assertEquals(1, body.split("line \\d+, column \\d+", -1).length - 1, "one place: " + body);
        assertEquals(true, body.contains(place), body);
    }

    @Test
    void aMessageWithoutAPlaceGetsTheParsersPlace() throws Exception {
        String body = refusal("SELECT * WHERE { ?s ex:p ?o }");
        assertEquals(true, body.contains("ex:p") && body.matches("(?s).*line 1, column \\d+.*"), body);
    }
}
