package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aikg.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a reader meets around the facts: the technology system in the article's order ("intelligent chips, large
 * models, basic architectures and operating systems, tool chains, deep learning platforms and application
 * technologies"), each concept once, with a trail through its scheme, its neighbours and its sentence; a missing page
 * that suggests what was meant and switches language; links that keep the reader's language.
 */
class ReaderPagesTest {
    private static AikgServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The article's order. */
    static final List<String> CONCEPTS = List.of("intelligent-chips", "large-models", "basic-architectures-and-operating-systems", "tool-chains",
            "deep-learning-platforms", "application-technologies");

    @BeforeAll
    static void start() {
        server = AikgServer.builder(TestData.published()).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSchemeListsEachConceptOnceInTheArticlesOrder() throws Exception {
        String scheme = get("/doc/scheme/cn-ai-technology-system").body();
        Matcher m = Pattern.compile("href=\"/doc/concept/([a-z-]+)\"").matcher(scheme.substring(scheme.indexOf("<main")));
        List<String> listed = new ArrayList<>();
        while (m.find()) listed.add(m.group(1));
        assertEquals(CONCEPTS, listed.subList(0, 6), "in the article's order");
        for (String c : CONCEPTS) assertEquals(1, listed.stream().filter(c::equals).count(), c + " listed once: " + listed);
    }

    @Test
    void aConceptHasItsSchemeInItsTrailItsNeighboursAndItsSentence() throws Exception {
        String page = get("/doc/concept/large-models").body();
        String trail = page.substring(page.indexOf("class=\"breadcrumbs\""), page.indexOf("</nav>", page.indexOf("class=\"breadcrumbs\"")));
        assertTrue(trail.contains("href=\"/doc/scheme/cn-ai-technology-system\""), trail);
        assertTrue(page.contains("<a rel=\"prev\" href=\"/doc/concept/intelligent-chips\">← Intelligent chips</a>")
                || page.contains("<a rel=\"prev\" href=\"/doc/concept/intelligent-chips\">← intelligent chips</a>"), "the one before");
        assertTrue(page.contains("href=\"/doc/concept/basic-architectures-and-operating-systems\">basic architectures and operating systems →</a>"), "the one after");
        assertTrue(page.contains("intelligent chips, large models, basic architectures and operating systems"), "the sentence it comes from");
    }

    @Test
    void aMissingPageSuggestsWhatWasMeantAndSwitchesLanguage() throws Exception {
        assertEquals(200, get("/search?q=tianjin").statusCode());  // the index is made: a 404 page does not wait for it
        HttpResponse<String> missing = get("/doc/event/tianjin");
        assertEquals(404, missing.statusCode());
        String body = missing.body();
        assertTrue(body.contains("class=\"suggestions\"") && body.contains("href=\"/doc/place/tianjin\""), body);
        assertTrue(body.contains("id=\"switch-lang\" href=\"/doc/event/tianjin?lang=zh\""), "a language switch");
        assertTrue(get("/doc/event/tianjin?lang=zh").body().contains("您要找的也许是"));
    }

    @Test
    void linksKeepTheReadersLanguage() throws Exception {
        String page = get("/doc/claim/liu-gang-ai-enters-general-ai-stage?lang=zh").body();
        Matcher query = Pattern.compile("class=\"query-this\" href=\"([^\"]+)\"").matcher(page);
        assertTrue(query.find() && query.group(1).endsWith("&amp;lang=zh"), "在 SPARQL 中查询 keeps the language");
        assertTrue(page.contains("href=\"/doc/claim/liu-gang-ai-enters-general-ai-stage.html?lang=zh\""), "the HTML format keeps it");
    }
}
