package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aikg.TestData;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reader finds and compares the article's facts without SPARQL: search finds statistics by what a reader
 * remembers of them (words of the variable, the sentence, the figure as written in either language, the
 * period), and {@code /statistics} is one table of the five figures, sorted as numbers, filtered, whose CSV is
 * the answer of a hand-written SPARQL query of the same rows (Jena's SPARQL engine as the oracle). The figures
 * are the article's: 4,000 enterprises, 578.4 billion yuan (2023), 13.9 %, 15 %, 1.44 trillion yuan.
 */
class FactsFoundTest {
    private static final String OBS = "/doc/observation/";
    private static AikgServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = AikgServer.builder(TestData.published()).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String search(String q) throws IOException, InterruptedException {
        HttpResponse<String> r = get("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), "text/html");
        assertEquals(200, r.statusCode());
        return r.body();
    }

    /** The statistics a search page lists, in order. */
    private static List<String> statisticsFound(String page) {
        List<String> out = new ArrayList<>();
        int at = page.indexOf("id=\"found-statistics\"");
        if (at < 0) return out;
        String section = page.substring(at, page.indexOf("</section>", at));
        Matcher m = Pattern.compile("href=\"" + OBS + "([^\"?]+)").matcher(section);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void aStatisticIsFoundByItsFigureAsWrittenInEitherLanguageByItsPeriodAndByItsWords() throws Exception {
        String scale = "cn-ai-core-industry-scale-2023";
        assertEquals(List.of(scale), statisticsFound(search("578.4")));
        assertEquals(List.of(scale), statisticsFound(search("578.4 billion")));
        assertEquals(List.of(scale), statisticsFound(search("5784亿")), "the figure as the Chinese pages write it");
        assertEquals(List.of("cn-generative-ai-market-scale-reported-2024-06-20"), statisticsFound(search("1.44 trillion")));
        // the two statistics of 2023, and none of the others (of 2024-06-20, or of no stated period)
        assertEquals(List.of(scale, "cn-ai-core-industry-scale-growth-2023"), statisticsFound(search("2023")));
        // "AI" for artificial intelligence (the variable is "Scale of the core artificial intelligence industry in China")
        assertTrue(statisticsFound(search("core AI industry")).contains(scale));
        // the article's own words, which only the sentence has
        assertTrue(statisticsFound(search("core industrial scale")).contains(scale));
        String page = search("578.4");
        assertTrue(page.contains("578.4 billion CNY</strong> · 2023 · <span class=\"source\">TapTechNews</span>"), "the hit shows its figure, period and source: " + page);
        assertTrue(search("5784亿").contains("Statistics <span class=\"count\">(1)</span>"), "a group names its count");
    }

    @Test
    void aPersonIsFoundByHisJobTitleAndAMisspellingGetsTheNearestNames() throws Exception {
        String economist = search("economist");
        assertTrue(economist.contains("href=\"/doc/person/liu-gang-cingai\""), "the job title finds the person");
        assertTrue(economist.contains("id=\"found-claims\""), "and the claims of the economist");
        String typo = search("tianjn");
        assertTrue(typo.contains("id=\"no-matches\"") && typo.contains("<code>tianjn</code>"), "the words searched for");
        assertTrue(typo.substring(typo.indexOf("class=\"nearest\"")).contains("href=\"/doc/place/tianjin\""), "Tianjin offered: " + typo);
    }

    @Test
    void theTableSortsByValueAsNumbers() throws Exception {
        HttpResponse<String> r = get("/statistics?sort=value", "text/html");
        assertEquals(200, r.statusCode());
        Matcher m = Pattern.compile("data-value=\"([0-9.]+)\"").matcher(r.body());
        List<String> values = new ArrayList<>();
        while (m.find()) values.add(m.group(1));
        // by hand, from the article: 13.9 %, 15 %, more than 4,000, 578.4 billion, 1.44 trillion
        assertEquals(List.of("13.9", "15.0", "4000.0", "578400000000.0", "1440000000000.0"), values);
        HttpResponse<String> down = get("/statistics?sort=value&order=desc", "text/html");
        assertTrue(down.body().indexOf("1440000000000.0") < down.body().indexOf("\"13.9\""), "descending");
    }

    @Test
    void theTablesCsvIsTheAnswerOfTheSameQueryAndItsFiltersNarrowIt() throws Exception {
        String query = """
                PREFIX schema: <http://schema.org/>
                PREFIX prov: <http://www.w3.org/ns/prov#>
                PREFIX oa: <http://www.w3.org/ns/oa#>
                PREFIX aikg: <https://w3id.org/ai-industry-kg/def#>
                SELECT ?statistic ?variable ?variableName ?value ?qualifier ?unit ?period ?source ?published WHERE {
                  ?statistic a schema:Observation; schema:variableMeasured ?variable; schema:unitCode ?unit; aikg:valueQualifier ?qualifier;
                             prov:wasDerivedFrom ?passage .
                  ?passage oa:hasSource ?source . ?source schema:datePublished ?published .
                  ?variable schema:name ?variableName FILTER(langMatches(lang(?variableName), "en"))
                  OPTIONAL { ?statistic schema:value ?v } OPTIONAL { ?statistic schema:minValue ?min } OPTIONAL { ?statistic schema:maxValue ?max }
                  BIND(COALESCE(?v, ?min, ?max) AS ?value)
                  OPTIONAL { ?statistic schema:observationDate ?period }
                } ORDER BY ?value ?statistic""";
        HttpResponse<String> sparql = get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), "text/csv");
        assertEquals(200, sparql.statusCode());
        HttpResponse<String> csv = get("/statistics?sort=value", "text/csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertEquals(sparql.body(), csv.body(), "the table's CSV is the SPARQL answer of the same rows");
        assertEquals(6, csv.body().lines().count(), "the header and five figures");
        assertEquals(csv.body(), get("/statistics?sort=value&format=csv", "text/html").body(), "?format=csv is the same file");

        String cny = URLEncoder.encode("http://qudt.org/vocab/unit/CCY_CNY", StandardCharsets.UTF_8);
        JsonArray json = JSON.parseAny(get("/statistics?unit=" + cny + "&sort=value", "application/json").body()).getAsArray();
        assertEquals(2, json.size(), "the two figures in yuan");
        assertEquals("578.4 billion CNY", json.get(0).getAsObject().get("figure").getAsString().value());
        assertEquals(2, get("/statistics?unit=" + cny, "text/csv").body().lines().count() - 1, "the CSV holds the rows shown");
        assertEquals(400, get("/statistics?unit=http%3A%2F%2Fexample.org%2Fno", "text/html").statusCode());
        assertEquals(400, get("/statistics?sort=colour", "text/html").statusCode());
    }

    @Test
    void theTableIsLinkedFromHomeAndFromEachVariable() throws Exception {
        assertTrue(get("/", "text/html").body().contains("href=\"/statistics\""));
        String variable = get("/doc/variable/cn-ai-core-industry-scale", "text/html").body();
        assertTrue(variable.contains("href=\"/statistics?variable=https%3A%2F%2Fw3id.org%2Fai-industry-kg%2Fid%2Fvariable%2Fcn-ai-core-industry-scale\""));
        String one = get("/statistics?variable=https%3A%2F%2Fw3id.org%2Fai-industry-kg%2Fid%2Fvariable%2Fcn-ai-core-industry-scale&lang=zh", "text/html").body();
        assertTrue(one.contains("5784亿元"), "the figure in Chinese");
    }
}
