package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.aikg.TestData;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reader can tell the source's own words from a paraphrase, and cite a fact. The article reports Liu Gang's
 * statements in reported speech, reworded in the sheet: each claim says it is a paraphrase, beside the sentence it
 * comes from; a statistic gives its figure in the source's words ("578.4 billion Chinese yuan"). The citation names
 * the fact, the dataset, the permalink and the source as the article gives it (TapTechNews, 2024-06-20), as plain
 * text, BibTeX and CSL-JSON, readable without JavaScript (in a {@code <details>}).
 */
class QuoteAndCiteTest {
    private static AikgServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String IRI = "https://w3id.org/ai-industry-kg/id/claim/liu-gang-ai-enters-general-ai-stage";

    @BeforeAll
    static void start() {
        server = AikgServer.builder(TestData.published()).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String page(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    private static String between(String page, String start, String end) {
        int i = page.indexOf(start);
        assertTrue(i >= 0, start);
        return page.substring(i + start.length(), page.indexOf(end, i + start.length()));
    }

    @Test
    void aClaimSaysItIsAParaphraseBesideItsSentenceAndAStatisticGivesTheSourcesWords() throws Exception {
        String claim = page("/doc/claim/liu-gang-ai-enters-general-ai-stage");
        assertTrue(claim.contains("<p class=\"wording\">Paraphrase: "), "the claim is marked a paraphrase");
        // the source's own words, from the article
        assertTrue(claim.contains("artificial intelligence has entered the general artificial intelligence development stage dominated by large models"),
                "with the sentence it comes from");
        assertTrue(page("/doc/claim/liu-gang-ai-enters-general-ai-stage?lang=zh").contains("<p class=\"wording\">转述："));
        String statistic = page("/doc/observation/cn-ai-core-industry-scale-2023");
        assertTrue(statistic.contains("<p class=\"wording\">The figure as the source states it, in its own words: “578.4 billion Chinese yuan”.</p>"));
    }

    @Test
    void aFactIsCitedWithItsPermalinkAndItsSourceInThreeForms() throws Exception {
        String claim = page("/doc/claim/liu-gang-ai-enters-general-ai-stage");
        assertTrue(claim.contains("<details class=\"cite\" id=\"cite\">"));
        String plain = between(claim, "<pre class=\"cite-plain\" data-copy=\"Copy\" data-copied=\"Copied\">", "</pre>");
        assertTrue(plain.startsWith("After 2022, artificial intelligence has entered") && plain.contains(" AI Industry Knowledge Graph, ")
                && plain.contains(IRI) && plain.endsWith("Source: 2024 World Intelligent Industry Expo Held in Tianjin, TapTechNews, 2024-06-20."), plain);
        String bibtex = between(claim, "<pre class=\"cite-bibtex\" data-copy=\"Copy\" data-copied=\"Copied\">", "</pre>");
        assertTrue(bibtex.startsWith("@misc{aikg:liu-gang-ai-enters-general-ai-stage,\n"), bibtex);
        assertTrue(bibtex.contains("  url = {" + IRI + "}") && bibtex.contains("TapTechNews, 2024-06-20}"), bibtex);
        assertEquals(bibtex.chars().filter(c -> c == '{').count(), bibtex.chars().filter(c -> c == '}').count(), "braces balanced");
        String csl = between(claim, "<pre class=\"cite-csl\" data-copy=\"Copy\" data-copied=\"Copied\">", "</pre>")
                .replace("&quot;", "\"").replace("&#34;", "\"").replace("&amp;", "&").replace("&#39;", "'");
        JsonArray items = JSON.parseAny(csl).getAsArray();
        JsonObject item = items.get(0).getAsObject();
        assertEquals(IRI, item.get("URL").getAsString().value());
        assertEquals("dataset", item.get("type").getAsString().value());
        assertEquals("AI Industry Knowledge Graph", item.get("container-title").getAsString().value());
        assertEquals(3, item.get("issued").getAsObject().get("date-parts").getAsArray().get(0).getAsArray().size());
        assertTrue(item.get("note").getAsString().value().endsWith("TapTechNews, 2024-06-20"));
        assertTrue(claim.contains("<code data-copy=\"Copy IRI\" data-copied=\"Copied\">" + IRI + "</code>"), "the IRI, for the copy button");
    }
}
