package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aikg.server.site.Numbers;
import org.aikg.store.Datasets;
import org.aikg.vocab.AIKG;
import org.aikg.vocab.Vocab;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Browsing as issue 8 asks: classes, sources as hubs, readable provenance, honest charts, every
 * page in the layout and both languages, JSON-LD. The expected texts are the article's and the
 * data's (data/sources/), checked by hand; the charts are checked against {@link SyntheticStatistics},
 * since the article's own figures are never comparable.
 */
class BrowsingPagesTest {
    static final String BASE = "https://w3id.org/ai-industry-kg/";
    static final String ARTICLE = "/doc/article/taptechnews-2024-06-20-world-intelligence-expo";
    static final String REPORT = "/doc/report/cn-ai-technology-industry-development-report-2024";
    static final String CORE = "/doc/observation/cn-ai-core-industry-scale-2023";
    static final List<String> STATISTICS = List.of("/doc/observation/cn-ai-enterprises-2024-06-20", CORE,
            "/doc/observation/cn-ai-core-industry-scale-growth-2023", "/doc/observation/cn-generative-ai-enterprise-adoption-rate-reported-2024-06-20",
            "/doc/observation/cn-generative-ai-market-scale-reported-2024-06-20");
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static AikgServer article;
    static AikgServer synthetic;

    @BeforeAll
    static void start() {
        article = AikgServer.builder(org.aikg.TestData.published()).port(0).build().start();
        DatasetGraph withSynthetic = org.aikg.TestData.dataset();
        SyntheticStatistics.addTo(withSynthetic);
        synthetic = AikgServer.builder(org.aikg.TestData.published(withSynthetic)).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        article.stop();
        synthetic.stop();
    }

    static HttpResponse<String> get(AikgServer server, String path, String accept) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).header("Accept", accept)
                .timeout(Duration.ofSeconds(30)).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String page(String path) throws Exception {
        HttpResponse<String> r = get(article, path, "text/html");
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    /** The whole element that starts with {@code start} (up to its matching close tag), for comparing whole. */
    static String element(String html, String start) {
        int from = html.indexOf(start);
        assertTrue(from >= 0, "no " + start + " in the page");
        String tag = start.substring(1, start.indexOf(' ') > 0 ? start.indexOf(' ') : start.indexOf('>'));
        int depth = 0;
        Matcher m = Pattern.compile("<(/?)" + tag + "[\\s>]").matcher(html);
        m.region(from, html.length());
        while (m.find()) {
            depth += m.group(1).isEmpty() ? 1 : -1;
            if (depth == 0) return html.substring(from, html.indexOf('>', m.start()) + 1);
        }
        throw new AssertionError("unclosed " + start);
    }

    static Graph jsonLd(String html) {
        String open = "<script type=\"application/ld+json\">";
        int start = html.indexOf(open);
        assertTrue(start > 0, "no JSON-LD in the page");
        String json = html.substring(start + open.length(), html.indexOf("</script>", start));
        Graph g = GraphFactory.createGraphMem();
        RDFParser.source(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))).lang(Lang.JSONLD).parse(g);
        return g;
    }

    static Node iri(String s) {
        return NodeFactory.createURI(s.startsWith("http") ? s : BASE + s);
    }

    static Node schema(String term) {
        return NodeFactory.createURI(Vocab.SCHEMA + term);
    }

    // ---- 3. browse by class ----

    @Test
    void classPagesListTheThingsOfEachClassWithTheirCount() throws Exception {
        String index = page("/class");
        assertTrue(index.contains("<li><a href=\"/class/City\">City</a> <span class=\"count\">(1)</span></li>"), index);
        assertTrue(index.contains("<li><a href=\"/class/skos:Concept\">Concept</a> <span class=\"count\">(6)</span></li>"), index);
        assertTrue(index.contains("<li><a href=\"/class/Observation\">Observation</a> <span class=\"count\">(5)</span></li>"), index);
        String concepts = page("/class/skos:Concept");
        assertEquals("""
                <ul class="instances">
                <li><a href="/doc/concept/application-technologies">application technologies</a></li>
                <li><a href="/doc/concept/basic-architectures-and-operating-systems">basic architectures and operating systems</a></li>
                <li><a href="/doc/concept/deep-learning-platforms">deep learning platforms</a></li>
                <li><a href="/doc/concept/intelligent-chips">intelligent chips</a></li>
                <li><a href="/doc/concept/large-models">large models</a></li>
                <li><a href="/doc/concept/tool-chains">tool chains</a></li>
                </ul>""", element(concepts, "<ul class=\"instances\">"));
        assertTrue(concepts.contains("<p class=\"count-line\">6 things</p>"), concepts);
        String statistics = page("/class/Observation?lang=zh");
        assertTrue(statistics.contains("<li><a href=\"/doc/observation/cn-ai-core-industry-scale-2023?lang=zh\">中国人工智能核心产业规模（2023年）</a> "
                + "<span class=\"detail\">5784亿元</span></li>"), statistics);
        assertTrue(statistics.contains("<p class=\"count-line\">5 项</p>"), statistics);
        assertEquals(404, get(article, "/class/Nothing", "text/html").statusCode());
        assertEquals(404, get(article, "/class/nope:City", "text/html").statusCode());
        assertEquals(404, get(article, "/class/..%2Fdoc", "text/html").statusCode());
    }

    @Test
    void aClassPageIsAlsoRdf() throws Exception {
        HttpResponse<String> r = get(article, "/class/City", "text/turtle");
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        Graph g = GraphFactory.createGraphMem();
        RDFParser.source(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8))).lang(Lang.TURTLE).parse(g);
        assertTrue(g.contains(iri("id/place/tianjin"), Vocab.RDF_type, schema("City")));
        assertTrue(g.contains(iri("id/place/tianjin"), Vocab.SCHEMA_name, NodeFactory.createLiteralLang("天津", "zh-Hans")));
        assertEquals(3, g.size(), "Tianjin's type and its two names");
    }

    @Test
    void aThingsPageShowsItsClassAsABreadcrumb() throws Exception {
        assertEquals("""
                <nav class="breadcrumbs" aria-label="Breadcrumb">
                  <ol>
                  <li><a href="/">Home</a></li>
                  <li><a href="/class/City">City</a></li>
                  <li><span aria-current="page">Tianjin</span></li>
                  </ol>
                </nav>""", element(page("/doc/place/tianjin"), "<nav class=\"breadcrumbs\""));
        assertEquals("""
                <nav class="breadcrumbs" aria-label="导航路径">
                  <ol>
                  <li><a href="/?lang=zh">首页</a></li>
                  <li><a href="/class/City?lang=zh">城市</a></li>
                  <li><span aria-current="page">天津</span></li>
                  </ol>
                </nav>""", element(page("/doc/place/tianjin?lang=zh"), "<nav class=\"breadcrumbs\""));
        assertTrue(page("/doc/place/tianjin").contains("<a class=\"type\" href=\"/class/City\" title=\"http://schema.org/City\">city</a>"));
    }

    @Test
    void theDatasetPageLinksItsClassesAndFilesHereNotOnTheCanonicalHost() throws Exception {
        String html = page("/dataset");
        assertTrue(html.contains("<div class=\"value\"><a href=\"/class/City\">City (1)</a>"), html);
        assertTrue(html.contains("<div class=\"value\"><a href=\"/download/aikg.ttl.gz\">Turtle (gzip)</a>"), html);
        assertTrue(html.contains("<div class=\"value\"><a href=\"/sparql\">/sparql</a>"), html);
        assertFalse(html.contains("<a href=\"https://w3id.org/"), "no link leaves for the canonical host");
        assertFalse(html.contains("class-City\""), "no partition slug shown");
        assertTrue(page("/").contains("<li><a href=\"/class/City\">City</a> <span class=\"count\">(1)</span></li>"));
    }

    // ---- 4. sources as hubs ----

    @Test
    void theArticleShowsItsTextInParagraphsWithEveryPassageInPlace() throws Exception {
        String html = page(ARTICLE);
        String text = element(html, "<div class=\"text\"");
        assertEquals(List.of("title", "text", "image", "text", "text", "text"), all(text, "<p class=\"([a-z]+)\">"));
        assertTrue(text.contains("<p class=\"image\"><span lang=\"en\">image in the original: </span>2024 World Intelligent Industry Expo Held in Tianjin</p>"),
                text);
        assertFalse(text.contains("Tianjin_0"));
        // the eleven passages, anchored by their characters, in the order of the text
        assertEquals(List.of("102-167", "173-297", "357-633", "667-942", "1081-1215", "1216-1344", "1346-1640", "1359-1479", "1369-1479",
                "1641-1856", "1857-2090"), all(text, "<mark id=\"chars-([0-9-]+)\""));
        // Liu Gang's paragraph: his name and title inside the sentence that names them
        assertEquals("<p class=\"text\"><mark id=\"chars-1346-1640\" class=\"depth-1\">According to <mark id=\"chars-1359-1479\" class=\"depth-2\">"
                + "Liu Gang, <mark id=\"chars-1369-1479\" class=\"depth-3\">chief economist of the China New Generation of Artificial Intelligence "
                + "Development Strategy Research Institute</mark></mark><sup class=\"ref\"><a href=\"#passage-8\">8</a></sup><sup class=\"ref\">"
                + "<a href=\"#passage-9\">9</a></sup>, artificial intelligence realizes the transformation and upgrading of traditional industries "
                + "and improves efficiency, while bringing new industrial development.</mark><sup class=\"ref\"><a href=\"#passage-7\">7</a></sup> "
                + "<mark id=\"chars-1641-1856\" class=\"depth-1\">Finally, it will make China's manufacturing industry stronger and the economic "
                + "structure more optimized, and the economy can truly realize from the traditional extensive economy to the current intensive "
                + "development.</mark><sup class=\"ref\"><a href=\"#passage-10\">10</a></sup> <mark id=\"chars-1857-2090\" class=\"depth-1\">After "
                + "2022, artificial intelligence has entered the general artificial intelligence development stage dominated by large models from "
                + "the special artificial intelligence stage, which will play a very big role in promoting the economy.</mark><sup class=\"ref\">"
                + "<a href=\"#passage-11\">11</a></sup></p>", element(text, "<p class=\"text\"><mark id=\"chars-1346-1640\""));
        // the list of passages, in text order, each with the facts drawn from it
        assertEquals(List.of("102–167", "173–297", "357–633", "667–942", "1081–1215", "1216–1344", "1346–1640", "1359–1479", "1369–1479",
                "1641–1856", "1857–2090"), all(element(html, "<ol class=\"passages\">"), ">characters ([0-9–]+) of the article<"));
        assertEquals("""
                <li id="passage-5" value="5">
                    <p><a href="/doc/passage/taptechnews-2024-06-20-world-intelligence-expo-1081-1215">characters 1081–1215 of the article</a>: \
                <q lang="en">In 2023, the core industrial scale of artificial intelligence in China reached 578.4 billion Chinese yuan with a growth rate of 13.9%.</q></p>
                    <ul class="facts">
                    <li><a href="/doc/observation/cn-ai-core-industry-scale-2023">Scale of the core artificial intelligence industry in China (2023): 578.4 billion CNY</a></li>
                    <li><a href="/doc/observation/cn-ai-core-industry-scale-growth-2023">Year-on-year growth of the scale of the core artificial intelligence industry in China (2023): 13.9 %</a></li>
                    </ul>
                  </li>""", element(html, "<li id=\"passage-5\""));
        assertFalse(html.contains("schema.org/articleBody"), "the body is shown as text, not run together in the property table");
    }

    @Test
    void theArticleListsTheFactsOfTheSource() throws Exception {
        String facts = element(page(ARTICLE), "<section class=\"sources\" id=\"facts\">");
        assertTrue(facts.contains("<h2>Facts from this source</h2>"), facts);
        assertEquals(STATISTICS, all(element(facts, "<table class=\"statistics\">"), "href=\"(/doc/observation/[^\"]+)\""), "in the order of the text");
        assertEquals(List.of("/doc/claim/liu-gang-ai-upgrades-traditional-industries", "/doc/claim/liu-gang-ai-strengthens-manufacturing",
                "/doc/claim/liu-gang-ai-enters-general-ai-stage"), all(facts, "href=\"(/doc/claim/[^\"]+)\""));
        assertEquals(List.of("/doc/event/world-intelligence-expo-2024", "/doc/org/cctv-news", "/doc/place/china", "/doc/org/cingai",
                "/doc/scheme/cn-ai-technology-system", "/doc/person/liu-gang-cingai", REPORT, "/doc/org/taptechnews", "/doc/place/tianjin"),
                all(element(facts, "<ul class=\"things\">"), "href=\"([^\"]+)\""));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {REPORT, "/doc/org/cingai", "/doc/scheme/cn-ai-technology-system", "/doc/place/tianjin", "/doc/person/liu-gang-cingai"})
    void everyEntityListsTheOtherFactsOfItsSourceAsSuchAndNoMore(String path) throws Exception {
        String html = page(path);
        String facts = element(html, "<section class=\"sources\" id=\"facts\">");
        assertTrue(facts.contains("<h2>Other facts from the same source</h2>"), facts);
        assertTrue(facts.contains("<p class=\"source-line\">Source: <a href=\"" + ARTICLE + "\">2024 World Intelligent Industry Expo Held in Tianjin</a> "
                + "<span class=\"byline\">(TapTechNews, 20 June 2024, citing CCTV News)</span></p>"), facts);
        assertEquals(STATISTICS, all(element(facts, "<table class=\"statistics\">"), "href=\"(/doc/observation/[^\"]+)\""));
        assertFalse(facts.contains("href=\"" + path + "\""), "the page's own thing is not among the others");
        assertTrue(facts.contains("<a href=\"" + ARTICLE + "#facts\">all 17 facts of this source →</a>"), facts);
        // the data links the report to no statistic: only the shared source does
        String properties = element(html, "<table class=\"properties\">");
        assertFalse(properties.contains("/doc/observation/"), properties);
    }

    // ---- 5. readable provenance ----

    @Test
    void aStatisticShowsItsFigureInItsSentenceAndWhoPublishedItCitingWhom() throws Exception {
        assertEquals("""
                <blockquote class="evidence">
                  <p lang="en"><mark>In 2023, the core industrial scale of artificial intelligence in China reached <strong class="stated">578.4 billion Chinese yuan</strong> with a growth rate of 13.9%.</mark> The enterprise adoption rate of generative AI in China has reached 15% and the market scale is about 1.44 trillion Chinese yuan.</p>
                  <footer>
                    Source: <a href="/doc/article/taptechnews-2024-06-20-world-intelligence-expo">2024 World Intelligent Industry Expo Held in Tianjin</a>
                     · <a href="/doc/org/taptechnews">TapTechNews</a>, 20 June 2024, citing <a href="/doc/org/cctv-news">CCTV News</a>
                    · <a class="in-article" href="/doc/article/taptechnews-2024-06-20-world-intelligence-expo#chars-1081-1215">characters 1081–1215 of the article</a>
                     · <a class="passage" href="/doc/passage/taptechnews-2024-06-20-world-intelligence-expo-1081-1215">passage details</a>
                  </footer>
                </blockquote>""", element(page(CORE), "<blockquote class=\"evidence\">"));
        String zh = element(page(CORE + "?lang=zh"), "<blockquote class=\"evidence\">");
        assertTrue(zh.contains("<a href=\"/doc/org/taptechnews?lang=zh\">TapTechNews</a>，2024年6月20日，援引<a href=\"/doc/org/cctv-news?lang=zh\">央视新闻</a>"), zh);
        assertTrue(zh.contains(">原文第1081–1215个字符</a>"), zh);
        String growth = page("/doc/observation/cn-ai-core-industry-scale-growth-2023");
        assertTrue(growth.contains("with a growth rate of <strong class=\"stated\">13.9%</strong>.</mark>"), growth);
        String bound = page("/doc/observation/cn-ai-enterprises-2024-06-20");
        assertTrue(bound.contains("has <strong class=\"stated\">exceeded 4,000</strong>, and"), bound);
    }

    @Test
    void aPassageShowsItsSelectorsUnderTheIdsItsLinksName() throws Exception {
        String html = page("/doc/passage/taptechnews-2024-06-20-world-intelligence-expo-1081-1215");
        assertTrue(html.contains("<div class=\"value\"><a href=\"#position\">position</a>"), html);
        assertTrue(html.contains("<div class=\"value\"><a href=\"#quote\">quote</a>"), html);
        String position = element(html, "<section class=\"fragment\" id=\"position\">");
        assertEquals(List.of("1215", "1081"), all(position, "<span>([0-9]+)</span>"), "end, then start (by label)");
        assertTrue(position.contains("<p class=\"note-line\">Offsets count Unicode code points from 0; the end is not included.</p>"));
        String quote = element(html, "<section class=\"fragment\" id=\"quote\">");
        assertTrue(quote.contains("<span>In 2023, the core industrial scale of artificial intelligence in China reached 578.4 billion Chinese yuan "
                + "with a growth rate of 13.9%.</span>"), quote);
        assertTrue(html.contains("<h1>Characters 1081–1215 of the article</h1>"), html);
    }

    // ---- 6. honest charts ----

    @Test
    void theArticlesFiguresAreNeverChartedSinceNoTwoAreComparable() throws Exception {
        // no two share a variable; and for one unit and one stated period there is one figure each:
        // CNY 2023 the core scale, % 2023 the growth, a count on 20 June 2024 the enterprises
        assertFalse(page("/").contains("class=\"chart\""));
        for (String s : STATISTICS) assertFalse(page(s).contains("class=\"chart\""), s);
    }

    @Test
    void chartsCompareOneVariableOverPeriodsOrOneUnitInOnePeriod() throws Exception {
        String home = get(synthetic, "/?lang=en", "text/html").body();
        assertEquals(List.of("Synthetic count A, by period", "Number, 2023"), all(home, "<figcaption>([^<]+)</figcaption>"));
        String page = get(synthetic, "/doc/observation/" + SyntheticStatistics.A_2023 + "?lang=en", "text/html").body();
        String byPeriod = element(page, "<figure class=\"chart\">");
        assertEquals("""
                <figure class="chart">
                  <figcaption>Synthetic count A, by period</figcaption>
                  <table class="chart">
                  <tr>
                    <th scope="row"><a href="/doc/observation/synthetic-count-a-2021?lang=en">2021</a></th>
                    <td><span class="track" aria-hidden="true"><span class="bar exact" style="width: 66.7%"></span></span> <span class="value">10</span></td>
                  </tr>
                  <tr>
                    <th scope="row"><a href="/doc/observation/synthetic-count-a-2022?lang=en">2022</a></th>
                    <td><span class="track" aria-hidden="true"><span class="bar approx" style="width: 80.0%"></span></span> <span class="value">about 12</span></td>
                  </tr>
                  <tr class="current">
                    <th scope="row"><strong>2023</strong> <span class="this">(this statistic)</span></th>
                    <td><span class="track" aria-hidden="true"><span class="bar lower" style="width: 100.0%"></span></span> <span class="value">more than 15</span></td>
                  </tr>
                  </table>
                  <ul class="legend">
                  <li><span class="bar exact" aria-hidden="true"></span>stated figure</li>
                  <li><span class="bar approx" aria-hidden="true"></span>“about”: an approximate figure</li>
                  <li><span class="bar lower" aria-hidden="true"></span>dashed, open end: a lower bound (more than this)</li>
                  </ul>
                </figure>""", byPeriod);
        String rest = page.substring(page.indexOf(byPeriod) + byPeriod.length());
        String samePeriod = element(rest, "<figure class=\"chart\">");
        assertTrue(samePeriod.contains("<figcaption>Number, 2023</figcaption>"), samePeriod);
        assertEquals(List.of("Synthetic count A", "Synthetic count B"), all(samePeriod, "<(?:strong|a href=\"[^\"]+\")>([^<]+)</"));
        String zh = get(synthetic, "/?lang=zh", "text/html").body();
        assertEquals(List.of("合成计数A（按时期）", "个数，2023年"), all(zh, "<figcaption>([^<]+)</figcaption>"));
        String alone = get(synthetic, "/doc/observation/" + SyntheticStatistics.C, "text/html").body();
        assertFalse(alone.contains("class=\"chart\""), "a figure with nothing like it is not charted");
    }

    // A chart has at most 24 bars; a statistic of a larger group is shown among the bars around it,
    // marked, never left out of its own chart.
    @Test
    void aStatisticOfAGroupLargerThanAChartIsAlwaysInItsOwnChart() throws Exception {
        DatasetGraph dsg = org.aikg.TestData.dataset();
        SyntheticStatistics.addManyTo(dsg);
        AikgServer many = AikgServer.builder(org.aikg.TestData.published(dsg)).port(0).build().start();
        try {
            for (int year : List.of(1990, 2000, 2013, 2014, 2019)) {
                String page = get(many, "/doc/observation/synthetic-count-d-" + year + "?lang=en", "text/html").body();
                String chart = element(page, "<figure class=\"chart\">");
                List<String> years = all(chart, "<(?:strong|a href=\"[^\"]+\")>(\\d{4})</");
                assertEquals(24, years.size(), year + ": " + years);
                assertEquals(List.of(Integer.toString(year)), all(chart, "<strong>(\\d{4})</strong>"), year + ": its own bar is not marked");
                // in order of period, a run of 24 years that holds this one: the first 24, or the 24 around it
                int first = Integer.parseInt(years.get(0));
                int expectedFirst = year < 1990 + 24 ? 1990 : Math.min(year - 12, 2019 - 23);
                assertEquals(expectedFirst, first, year + ": " + years);
                for (int i = 0; i < 24; i++) assertEquals(Integer.toString(first + i), years.get(i), year + ": " + years);
            }
        } finally {
            many.stop();
        }
    }

    // ---- 7. every page in the layout and both languages ----

    @Test
    void downloadsAreAPageInTheLayoutWithSizesForPeopleAndPlainTextForOthers() throws Exception {
        String html = page("/download/");
        assertTrue(html.contains("<h1>Downloads</h1>") && html.contains("<header class=\"site\">"), html);
        HttpResponse<byte[]> ttl = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + article.port() + "/download/aikg.ttl")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        long bytes = ttl.body().length;
        assertTrue(html.contains("<td><a href=\"/download/aikg.ttl\">Turtle</a></td><td><code>text/turtle</code></td><td><data value=\"" + bytes + "\">"
                + Numbers.bytes(bytes, "en") + "</data></td>"), html);
        assertTrue(Numbers.bytes(bytes, "en").matches("[0-9.]+ KiB"), "the Turtle file is some KiB: " + bytes);
        String zh = page("/download/?lang=zh");
        assertTrue(zh.contains("<h1>下载</h1>") && zh.contains("<th scope=\"col\">大小</th>"), zh);
        HttpResponse<String> plain = get(article, "/download/", "*/*");
        assertTrue(plain.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(plain.body().contains("/download/aikg.ttl "), plain.body());
    }

    @Test
    void titlesAreWholeAndNamedQueriesSpeakChinese() throws Exception {
        String claim = page("/doc/claim/liu-gang-ai-enters-general-ai-stage");
        String text = "After 2022, artificial intelligence has entered, from the special artificial intelligence stage, the general artificial "
                + "intelligence development stage dominated by large models, which will play a very big role in promoting the economy.";
        assertTrue(claim.contains("<title>" + text + " · AI Industry Knowledge Graph</title>"), claim);
        assertTrue(claim.contains("<h1>" + text + "</h1>"), claim);
        // in Chinese, said in English: marked as English
        assertTrue(page("/doc/claim/liu-gang-ai-enters-general-ai-stage?lang=zh").contains("<h1 lang=\"en\">" + text + "</h1>"));
        assertTrue(page("/?lang=zh").contains("<li><a href=\"/doc/claim/liu-gang-ai-enters-general-ai-stage?lang=zh\">刘刚：<span lang=\"en\">" + text
                + "</span></a></li>"));
        String liu = page("/doc/person/liu-gang-cingai");
        assertTrue(liu.contains(">" + text + "</a>"), "Liu Gang's page shows his claims whole");
        String queries = page("/queries?lang=zh");
        assertTrue(queries.contains("<dt><a href=\"/queries/liu-gang?lang=zh\">刘刚是谁，他说了什么？</a> <code>liu-gang</code></dt>"), queries);
        assertTrue(page("/?lang=zh").contains("<li><a href=\"/queries/statistics?lang=zh\">文章报道了哪些统计数据，原文是如何表述的？</a></li>"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CORE, ARTICLE, "/doc/place/china"})
    void aPagesQueryThisLinkAsksForEveryPropertyOfItsThing(String path) throws Exception {
        List<String> hrefs = all(page(path), "class=\"query-this\" href=\"([^\"]+)\"");
        assertEquals(1, hrefs.size(), path);
        assertTrue(hrefs.get(0).startsWith("/sparql?query="), hrefs.get(0));
        String query = URLDecoder.decode(hrefs.get(0).substring("/sparql?query=".length()), StandardCharsets.UTF_8);
        assertEquals("SELECT ?property ?value WHERE {\n  <" + BASE + "id/" + path.substring("/doc/".length()) + "> ?property ?value .\n}", query);
    }

    // ---- 9. JSON-LD ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/dataset", "/download/"})
    void theDatasetIsDescribedForDatasetSearchEngines(String path) throws Exception {
        Graph g = jsonLd(page(path));
        Node ds = iri("dataset");
        assertTrue(g.contains(ds, Vocab.RDF_type, schema("Dataset")));
        assertTrue(g.contains(ds, Vocab.SCHEMA_name, NodeFactory.createLiteralLang("AI Industry Knowledge Graph", "en")));
        assertTrue(g.contains(ds, Vocab.SCHEMA_name, NodeFactory.createLiteralLang("人工智能产业知识图谱", "zh-Hans")));
        assertTrue(g.contains(ds, schema("license"), iri("https://creativecommons.org/licenses/by/4.0/")));
        assertEquals(12, g.find(ds, schema("distribution"), Node.ANY).toList().size(), "six formats, each also gzip-compressed");
        Node ttl = iri("dataset#download-aikg-ttl");
        assertTrue(g.contains(ttl, schema("contentUrl"), iri("download/aikg.ttl")));
        assertTrue(g.contains(ttl, schema("encodingFormat"), NodeFactory.createLiteralString("text/turtle")));
        assertTrue(g.contains(ds, NodeFactory.createURI(Vocab.VOID + "sparqlEndpoint"), iri("sparql")));
        assertTrue(g.contains(iri("sparql"), NodeFactory.createURI(Vocab.DCAT + "endpointURL"), iri("sparql")));
    }

    @Test
    void aStatisticsJsonLdNamesWhatItLinksToItsQualifierAndItsSource() throws Exception {
        Graph g = jsonLd(page(CORE));
        Node obs = iri("id/observation/cn-ai-core-industry-scale-2023");
        Node passage = iri("id/passage/taptechnews-2024-06-20-world-intelligence-expo-1081-1215");
        assertTrue(g.contains(obs, Vocab.PROV_wasDerivedFrom, passage));
        assertTrue(g.contains(obs, AIKG.valueQualifier, AIKG.Exact));
        assertTrue(g.contains(AIKG.Exact, Vocab.SKOS_prefLabel, NodeFactory.createLiteralLang("exact", "en")) || g.contains(AIKG.Exact, Vocab.RDFS_label,
                NodeFactory.createLiteralLang("exact", "en")), "the qualifier's name");
        assertTrue(g.contains(iri("id/variable/cn-ai-core-industry-scale"), Vocab.SCHEMA_name,
                NodeFactory.createLiteralLang("Scale of the core artificial intelligence industry in China", "en")));
        assertTrue(g.contains(iri("id/place/china"), Vocab.SCHEMA_name, NodeFactory.createLiteralLang("中国", "zh-Hans")));
        assertTrue(g.contains(passage, Vocab.OA_hasSource, iri("id/article/taptechnews-2024-06-20-world-intelligence-expo")));
        assertTrue(g.contains(Node.ANY, Vocab.OA_exact, NodeFactory.createLiteralString(
                "In 2023, the core industrial scale of artificial intelligence in China reached 578.4 billion Chinese yuan with a growth rate of 13.9%.")));
    }

    static List<String> all(String text, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
