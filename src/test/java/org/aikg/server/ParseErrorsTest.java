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

/** A query that does not parse is told one place: where Jena's parser met what it could not take (counted by hand below). */
class ParseErrorsTest {
    static AikgServer server;

    @BeforeAll
    static void start() {
        server = AikgServer.builder(TestData.published()).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
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
