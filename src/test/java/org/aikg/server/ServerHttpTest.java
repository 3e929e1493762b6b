package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.aikg.server.page.Views;
import org.aikg.server.sparql.ServiceDescription;
import org.aikg.store.Datasets;
import org.aikg.vocab.Vocab;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The web side over real HTTP, against a server on a free port serving the article's data. */
class ServerHttpTest {
    static final String EXPO = "/doc/event/world-intelligence-expo-2024";
    static final String BASE = "https://w3id.org/ai-industry-kg/";
    static final Node XSS = NodeFactory.createURI(BASE + "id/event/escaping-test");
    static final int REFERRERS = 60;
    static AikgServer server;
    static String url;
    static DatasetGraph dsg;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        org.aikg.input.Graphs graphs = org.aikg.input.Graphs.of(List.of(Path.of("data")));
        dsg = Datasets.read(graphs);
        // a literal holding markup, to check that pages escape what the data says
        Node g = NodeFactory.createURI(BASE + "graph/escaping-test");
        for (Quad q : List.of(Quad.create(g, XSS, Vocab.RDF_type, NodeFactory.createURI(Vocab.SCHEMA + "Event")),
                Quad.create(g, XSS, Vocab.SCHEMA_name, NodeFactory.createLiteralLang("<script>alert('x')</script>", "en")))) {
            dsg.add(q);
        }
        // 60 more things in China: the "referenced by" list of China then runs to two pages
        for (int i = 0; i < REFERRERS; i++) {
            Node event = NodeFactory.createURI(BASE + "id/event/paging-test-" + String.format("%02d", i));
            dsg.add(Quad.create(g, event, Vocab.RDF_type, NodeFactory.createURI(Vocab.SCHEMA + "Event")));
            dsg.add(Quad.create(g, event, NodeFactory.createURI(Vocab.SCHEMA + "location"), NodeFactory.createURI(BASE + "id/place/china")));
        }
        server = AikgServer.builder(org.aikg.store.Published.inMemory(dsg, graphs.description())).port(0).queryTimeout(Duration.ofSeconds(2)).build().start();
        url = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static String header(HttpResponse<byte[]> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    static Graph parse(byte[] body, Lang lang) {
        Graph g = GraphFactory.createGraphMem();
        RDFParser.source(new ByteArrayInputStream(body)).lang(lang).parse(g);
        return g;
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---- linked data ----

    @Test
    void thingIriAnswers303ToItsDocument() throws Exception {
        HttpResponse<byte[]> r = get("/id/event/world-intelligence-expo-2024");
        assertEquals(303, r.statusCode());
        assertEquals(EXPO, header(r, "Location"));
    }

    @ParameterizedTest(name = "Accept: {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | text/html
            */*                                                             | text/turtle
            NONE                                                            | text/turtle
            text/turtle                                                     | text/turtle
            application/n-triples                                           | application/n-triples
            application/ld+json                                             | application/ld+json
            application/rdf+xml                                             | application/rdf+xml
            application/rdf+xml, text/html                                  | text/html
            text/html;q=0.5, text/turtle                                    | text/turtle
            application/json                                                | application/ld+json
            """)
    void documentNegotiatesTheRepresentation(String accept, String expected) throws Exception {
        HttpResponse<byte[]> r = accept == null ? get(EXPO) : get(EXPO, "Accept", accept);
        assertEquals(200, r.statusCode());
        assertEquals(expected + "; charset=utf-8", header(r, "Content-Type").replace(";charset", "; charset"));
        assertTrue(header(r, "Vary").contains("Accept"));
        String suffix = expected.equals("text/html") ? "html" : org.aikg.server.http.Offers.PAGE.named(expected).orElseThrow().suffix();
        assertEquals(EXPO + "." + suffix, header(r, "Content-Location"), "the variant that was chosen");
    }

    @Test
    void unacceptableTypeGets406ListingWhatIsOffered() throws Exception {
        HttpResponse<byte[]> r = get(EXPO, "Accept", "image/png");
        assertEquals(406, r.statusCode());
        assertTrue(text(r).contains("text/turtle") && text(r).contains("application/ld+json"), text(r));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ttl", "nt", "jsonld", "rdf"})
    void everyRdfFormatOfAPageParsesToTheSameGraphBySuffixAndByParameter(String ext) throws Exception {
        Graph turtle = parse(get(EXPO + ".ttl").body(), Lang.TURTLE);
        assertTrue(turtle.contains(XSS_SUBJECT_EXPO(), Vocab.SCHEMA_startDate, Node.ANY));
        HttpResponse<byte[]> bySuffix = get(EXPO + "." + ext);
        HttpResponse<byte[]> byParam = get(EXPO + "?format=" + ext, "Accept", "text/html");
        Lang lang = RDFLanguages.fileExtToLang(ext);
        assertTrue(IsoMatcher.isomorphic(turtle, parse(bySuffix.body(), lang)), ext + " by suffix");
        assertTrue(IsoMatcher.isomorphic(turtle, parse(byParam.body(), lang)), ext + " by ?format=");
    }

    private static Node XSS_SUBJECT_EXPO() {
        return NodeFactory.createURI(BASE + "id/event/world-intelligence-expo-2024");
    }

    @Test
    void documentSendsLinkCorsEtagAnd304() throws Exception {
        HttpResponse<byte[]> r = get(EXPO, "Accept", "text/turtle");
        String link = header(r, "Link");
        assertTrue(link.contains("<" + BASE + "id/event/world-intelligence-expo-2024>; rel=\"canonical\""), link);
        assertTrue(link.contains("<" + EXPO + ".jsonld>; rel=\"alternate\"; type=\"application/ld+json\""), link);
        assertEquals("*", header(r, "Access-Control-Allow-Origin"));
        String etag = header(r, "ETag");
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), etag);
        HttpResponse<byte[]> again = get(EXPO, "Accept", "text/turtle", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        HttpResponse<byte[]> html = get(EXPO, "Accept", "text/html");
        assertFalse(etag.equals(header(html, "ETag")), "each variant has its own ETag");
        assertTrue(header(html, "Vary").contains("Accept-Language"));
    }

    /**
     * If-None-Match is 304 only when it names the current version (RFC 9110 §13.1.2: weak comparison, any tag of a list,
     * or "*"); any other tag gets the whole 200 again, the same bytes and ETag. On a page, a download and a query answer.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {EXPO, "/download/aikg.ttl", "/sparql?query=ASK%20%7B%7D"})
    void ifNoneMatchIs304OnlyWhenItNamesTheCurrentVersion(String path) throws Exception {
        HttpResponse<byte[]> first = get(path, "Accept", "*/*");
        assertEquals(200, first.statusCode());
        String etag = header(first, "ETag");
        String bare = etag.substring(1, etag.length() - 1);
        for (String other : List.of("\"0000000000000000\"", "\"" + bare + "0\"", bare, "W/\"x\", \"y\"", "\"*\"")) {
            HttpResponse<byte[]> r = get(path, "Accept", "*/*", "If-None-Match", other);
            assertEquals(200, r.statusCode(), other);
            assertEquals(etag, header(r, "ETag"), other);
            assertEquals(new String(first.body(), StandardCharsets.UTF_8), new String(r.body(), StandardCharsets.UTF_8), other);
        }
        for (String same : List.of(etag, "W/" + etag, "\"x\", " + etag, "*")) {
            HttpResponse<byte[]> r = get(path, "Accept", "*/*", "If-None-Match", same);
            assertEquals(304, r.statusCode(), same);
            assertEquals(etag, header(r, "ETag"), same);
            assertEquals(0, r.body().length, same);
        }
    }

    @Test
    void headAndOptionsAreAnswered() throws Exception {
        HttpResponse<byte[]> head = send("HEAD", EXPO, null, null);
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        HttpResponse<byte[]> options = send("OPTIONS", EXPO, null, null);
        assertEquals(204, options.statusCode());
        assertEquals("GET, HEAD, OPTIONS", header(options, "Allow"));
    }

    @Test
    void unknownResourceGets404WithAPageNeverAStackTrace() throws Exception {
        HttpResponse<byte[]> html = get("/doc/event/no-such-event", "Accept", "text/html");
        assertEquals(404, html.statusCode());
        assertTrue(text(html).contains("<h1>Not found</h1>"), text(html));
        HttpResponse<byte[]> rdf = get("/id/event/no-such-event", "Accept", "text/turtle");
        assertEquals(404, rdf.statusCode());
        HttpResponse<byte[]> other = get("/no/such/page");
        assertEquals(404, other.statusCode());
        for (HttpResponse<byte[]> r : List.of(html, rdf, other)) assertFalse(text(r).contains("at org."), text(r));
    }

    @Test
    void literalHoldingMarkupIsEscapedInHtml() throws Exception {
        HttpResponse<byte[]> r = get("/doc/event/escaping-test", "Accept", "text/html");
        assertEquals(200, r.statusCode());
        String body = text(r);
        assertFalse(body.contains("<script>alert"), body);
        assertTrue(body.contains("&lt;script&gt;alert("), body);
    }

    @Test
    void pageShowsFigureInTheReadersLanguageAndTheHighlightedSentence() throws Exception {
        String en = text(get("/doc/observation/cn-ai-core-industry-scale-2023", "Accept", "text/html"));
        assertTrue(en.contains("<p class=\"figure\">578.4 billion CNY</p>"), en);
        assertTrue(en.contains("<mark>In 2023, the core industrial scale of artificial intelligence in China reached <strong class=\"stated\">578.4 billion Chinese yuan</strong> with a growth rate of 13.9%.</mark>"), en);
        assertTrue(en.contains("TapTechNews") && en.contains("2024-06-20"));
        String zh = text(get("/doc/observation/cn-ai-core-industry-scale-2023", "Accept", "text/html", "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5"));
        assertTrue(zh.contains("<p class=\"figure\">5784亿元</p>"), zh);
        assertTrue(zh.contains("中国人工智能核心产业规模"), zh);
        String bound = text(get("/doc/observation/cn-ai-enterprises-2024-06-20?lang=en", "Accept", "text/html"));
        assertTrue(bound.contains("<p class=\"figure\">more than 4,000</p>"), bound);
        String pct = text(get("/doc/observation/cn-ai-core-industry-scale-growth-2023?lang=en", "Accept", "text/html"));
        assertTrue(pct.contains("<p class=\"figure\">13.9 %</p>"), pct);
    }

    /**
     * The page's language is the one Accept-Language weighs highest (q, 1 when not given; 0 is "not this one"), wherever
     * it stands in the list; a tie, or neither language, is English. The language shows in the page's own lang and in
     * the wording of the figure.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en;q=0.3, zh;q=0.9          | zh
            zh;q=0.2, en;q=0.8          | en
            en-GB;q=0.4, zh-Hans;q=0.5  | zh
            en-US, zh;q=0.9             | en
            fr, de;q=0.9, zh;q=0.1      | zh
            zh;q=0, en;q=0.1            | en
            zh;q=0                      | en
            zh;q=0.5, en;q=0.5          | en
            zh-TW;q=1.0, en;q=0.999     | zh
            fr                          | en
            """)
    void theLanguageIsTheOneAcceptLanguageWeighsHighest(String acceptLanguage, String lang) throws Exception {
        String page = text(get("/doc/observation/cn-ai-core-industry-scale-2023", "Accept", "text/html", "Accept-Language", acceptLanguage));
        assertEquals(lang.equals("zh") ? "zh-Hans" : "en", page.replaceAll("(?s).*?<html lang=\"([^\"]*)\".*", "$1"), page);
        assertTrue(page.contains(lang.equals("zh") ? "<p class=\"figure\">5784亿元</p>" : "<p class=\"figure\">578.4 billion CNY</p>"), page);
    }

    @Test
    void pageEmbedsSchemaOrgJsonLdAndAlternates() throws Exception {
        String body = text(get(EXPO, "Accept", "text/html"));
        int start = body.indexOf("<script type=\"application/ld+json\">");
        assertTrue(start > 0, body);
        String json = body.substring(start + "<script type=\"application/ld+json\">".length(), body.indexOf("</script>", start));
        Graph g = parse(json.getBytes(StandardCharsets.UTF_8), Lang.JSONLD);
        assertTrue(g.contains(XSS_SUBJECT_EXPO(), Vocab.SCHEMA_name, NodeFactory.createLiteralLang("2024 World Intelligence Expo", "en")), json);
        assertTrue(body.contains("<link rel=\"canonical\" href=\"" + BASE + "id/event/world-intelligence-expo-2024\">"));
        assertTrue(body.contains("<link rel=\"alternate\" type=\"text/turtle\" href=\"" + EXPO + ".ttl\""));
        assertTrue(body.contains("<title>2024 World Intelligence Expo · "));
        assertTrue(body.contains("href=\"/sparql?query="));
    }

    @Test
    void inverseLinksAreCountedAndPaged() throws Exception {
        String first = text(get("/doc/place/china?lang=en", "Accept", "text/html"));
        assertTrue(first.contains("Referenced by"), first);
        assertTrue(first.contains("<span class=\"count\">(5)</span>"), "5 observations are about China");
        assertTrue(first.contains("<span class=\"count\">(" + REFERRERS + ")</span>"), "60 events are located in China");
        long onFirst = first.lines().filter(l -> l.contains("/doc/event/paging-test-")).count();
        assertEquals(Views.PAGE_SIZE, onFirst, "the first page lists one page of them");
        assertTrue(first.contains("href=\"/doc/place/china?page=2&amp;lang=en\"") || first.contains("href=\"/doc/place/china?page=2&lang=en\""), first);
        String second = text(get("/doc/place/china?page=2&lang=en", "Accept", "text/html"));
        long onSecond = second.lines().filter(l -> l.contains("/doc/event/paging-test-")).count();
        assertEquals(REFERRERS - Views.PAGE_SIZE, onSecond, "the second page lists the rest");
        assertTrue(second.contains("paging-test-59") && !second.contains("paging-test-00\""), second);
        assertEquals(404, get("/doc/place/china?page=3", "Accept", "text/html").statusCode(), "past the last page");
        assertEquals(400, get("/doc/place/china?page=0").statusCode());
    }

    @Test
    void classPagesArePagedLikeReferrers() throws Exception {
        // 61 events: the 60 added above and the escaping test's
        String first = text(get("/class/Event?lang=en", "Accept", "text/html"));
        assertTrue(first.contains("<p class=\"count-line\">61 things · page 1 of 2</p>"), first);
        assertEquals(Views.PAGE_SIZE, first.lines().filter(l -> l.contains("href=\"/doc/event/")).count());
        assertTrue(first.contains("<a rel=\"next\" href=\"/class/Event?page=2&amp;lang=en\">next page →</a>"), first);
        String second = text(get("/class/Event?page=2&lang=en", "Accept", "text/html"));
        assertEquals(REFERRERS + 1 - Views.PAGE_SIZE, second.lines().filter(l -> l.contains("href=\"/doc/event/")).count());
        assertTrue(second.contains("<a rel=\"prev\" href=\"/class/Event?lang=en\">← previous page</a>"), second);
        assertEquals(404, get("/class/Event?page=3", "Accept", "text/html").statusCode(), "past the last page");
        assertEquals(400, get("/class/Event?page=0").statusCode());
    }

    // ---- paths outside the served set ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/doc/../../etc/passwd", "/static/../../pom.xml", "/static/..%2f..%2fpom.xml", "/download/..%2F..%2Fpom.xml",
            "//etc/passwd", "/doc/event/%2e%2e/x", "/static/%2e%2e/%2e%2e/pom.xml", "/id/event/world-intelligence-expo-2024/../../../pom.xml"})
    void traversalAttemptsGet404(String rawPath) throws Exception {
        try (Socket s = new Socket("localhost", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 404"), response);
            assertFalse(response.contains("<project") || response.contains("root:"), response);
        }
    }

    // ---- read-only ----

    @Test
    void updatesAndGraphStoreWritesAreRefusedAndChangeNothing() throws Exception {
        long before = dsg.getDefaultGraph().size();
        String turtle = "<http://example.org/s> <http://example.org/p> <http://example.org/o> .";
        assertEquals(405, send("PUT", "/ds?default", "text/turtle", turtle).statusCode());
        assertEquals(405, send("PUT", "/ds/data?default", "text/turtle", turtle).statusCode());
        assertEquals(405, send("POST", "/ds/data?default", "text/turtle", turtle).statusCode());
        assertEquals(405, send("DELETE", "/ds?default", null, null).statusCode());
        assertEquals(405, send("POST", "/ds/update", "application/sparql-update", "CLEAR ALL").statusCode());
        assertEquals(405, send("POST", "/ds", "application/x-www-form-urlencoded", "update=" + q("CLEAR ALL")).statusCode());
        assertEquals(405, send("POST", "/sparql", "application/x-www-form-urlencoded", "update=" + q("CLEAR ALL")).statusCode());
        assertEquals(405, send("POST", "/sparql", "application/sparql-update", "CLEAR ALL").statusCode());
        assertEquals(405, send("DELETE", EXPO, null, null).statusCode());
        assertEquals(405, send("PUT", "/download/aikg.ttl", "text/turtle", turtle).statusCode());
        assertEquals(before, dsg.getDefaultGraph().size());
        assertTrue(text(send("PUT", "/ds?default", "text/turtle", turtle)).contains("read-only"));
    }

    // ---- SPARQL ----

    @Test
    void sparqlAnswersGetPostFormAndPostDirect() throws Exception {
        String query = "PREFIX schema: <http://schema.org/> SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n } ORDER BY ?n";
        HttpResponse<byte[]> get = get("/sparql?query=" + q(query), "Accept", "application/sparql-results+json");
        HttpResponse<byte[]> form = send("POST", "/sparql", "application/x-www-form-urlencoded", "query=" + q(query));
        HttpResponse<byte[]> direct = send("POST", "/sparql", "application/sparql-query", query);
        for (HttpResponse<byte[]> r : List.of(get, form, direct)) {
            assertEquals(200, r.statusCode(), text(r));
            assertTrue(text(r).contains("刘刚") && text(r).contains("Liu Gang"), text(r));
        }
        assertTrue(header(get, "Content-Type").startsWith("application/sparql-results+json"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            application/sparql-results+json | "vars"
            application/sparql-results+xml  | <sparql
            text/csv                        | n
            text/tab-separated-values       | ?n
            text/plain                      | Liu Gang
            text/html                       | <table class="results"
            """)
    void sparqlOffersEveryResultFormat(String accept, String expected) throws Exception {
        String query = "PREFIX schema: <http://schema.org/> SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }";
        HttpResponse<byte[]> r = get("/sparql?query=" + q(query), "Accept", accept);
        assertEquals(200, r.statusCode());
        assertTrue(header(r, "Content-Type").startsWith(accept), header(r, "Content-Type"));
        assertTrue(text(r).contains(expected), text(r));
    }

    @Test
    void fusekisOwnEndpointsAnswerReadOnly() throws Exception {
        String query = "ASK { ?s ?p ?o }";
        for (String path : List.of("/ds/query", "/ds/sparql", "/ds")) {
            HttpResponse<byte[]> r = get(path + "?query=" + q(query), "Accept", "application/sparql-results+json");
            assertEquals(200, r.statusCode(), path);
            assertTrue(text(r).contains("true"), path);
        }
        HttpResponse<byte[]> gsp = get("/ds/get?default", "Accept", "text/turtle");
        assertEquals(200, gsp.statusCode());
        assertEquals(dsg.getDefaultGraph().size(), parse(gsp.body(), Lang.TURTLE).size());
    }

    static final String CONSTRUCT_PEOPLE = "PREFIX schema: <http://schema.org/> CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml", "application/rdf+thrift",
            "application/rdf+protobuf", "application/trig", "application/n-quads"})
    void constructAnswersInEveryGraphFormatFusekiOffers(String accept) throws Exception {
        Graph expected = parse(get("/sparql?query=" + q(CONSTRUCT_PEOPLE), "Accept", "text/turtle").body(), Lang.TURTLE);
        assertEquals(2, expected.size(), "Liu Gang's name in English and Chinese");
        HttpResponse<byte[]> r = get("/sparql?query=" + q(CONSTRUCT_PEOPLE), "Accept", accept);
        assertEquals(200, r.statusCode(), text(r));
        assertEquals(accept, header(r, "Content-Type").split(";")[0]);
        DatasetGraph d = DatasetGraphFactory.createGeneral();
        RDFParser.source(new ByteArrayInputStream(r.body())).lang(RDFLanguages.contentTypeToLang(accept)).parse(d);
        assertTrue(IsoMatcher.isomorphic(expected, d.getDefaultGraph()), accept);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            application/sparql-results+json     | SPARQL-Results-JSON
            application/sparql-results+xml      | SPARQL-Results-XML
            text/csv                            | CSV
            text/tab-separated-values           | TSV
            application/sparql-results+thrift   | SPARQL-Results-Thrift
            application/sparql-results+protobuf | SPARQL-Results-Protobuf
            """)
    void selectAnswersInEveryResultFormatFusekiOffers(String accept, String langName) throws Exception {
        String query = "PREFIX schema: <http://schema.org/> SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n } ORDER BY ?n";
        HttpResponse<byte[]> r = get("/sparql?query=" + q(query), "Accept", accept);
        assertEquals(200, r.statusCode(), text(r));
        assertEquals(accept, header(r, "Content-Type").split(";")[0]);
        var rs = org.apache.jena.riot.ResultSetMgr.read(new ByteArrayInputStream(r.body()), RDFLanguages.nameToLang(langName));
        List<String> names = new java.util.ArrayList<>();
        rs.forEachRemaining(b -> names.add(b.get("n").asLiteral().getLexicalForm()));
        assertEquals(List.of("Liu Gang", "刘刚"), names);
    }

    @Test
    void selectAskedForRdfIsTheResultSetInTheW3cResultSetVocabulary() throws Exception {
        String rs = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#";
        String query = "PREFIX schema: <http://schema.org/> SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }";
        Graph g = parse(get("/sparql?query=" + q(query), "Accept", "text/turtle").body(), Lang.TURTLE);
        assertTrue(g.contains(Node.ANY, Vocab.RDF_type, NodeFactory.createURI(rs + "ResultSet")), "a rs:ResultSet");
        assertTrue(g.contains(Node.ANY, NodeFactory.createURI(rs + "value"), NodeFactory.createLiteralLang("Liu Gang", "en")), "with Liu Gang's name");
        Graph ask = parse(get("/sparql?query=" + q("ASK { ?s ?p ?o }"), "Accept", "application/rdf+xml").body(), Lang.RDFXML);
        assertTrue(ask.contains(Node.ANY, NodeFactory.createURI(rs + "boolean"), NodeFactory.createLiteralByValue(true)), "ASK's true");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            CONSTRUCT | format=xml&output=xml&results=xml                                   | application/rdf+xml
            CONSTRUCT | format=json&output=json&results=json                                | application/ld+json
            CONSTRUCT | format=rdf%2Bxml&format=application%2Frdf%2Bxml&output=rdf%2Bxml     | application/rdf+xml
            CONSTRUCT | format=turtle                                                       | text/turtle
            CONSTRUCT | output=n-quads                                                      | application/n-quads
            SELECT    | format=xml&output=xml&results=xml                                   | application/sparql-results+xml
            SELECT    | format=json                                                         | application/sparql-results+json
            SELECT    | format=tsv&format=text%2Ftab-separated-values                       | text/tab-separated-values
            SELECT    | format=text%2Fcsv                                                   | text/csv
            SELECT    | format=turtle&output=turtle                                         | text/turtle
            SELECT    | format=rdf                                                          | application/rdf+xml
            SELECT    | format=n3&format=                                                   | text/turtle
            SELECT    | format=nonsense                                                     | application/sparql-results+json
            ASK       | results=xml                                                         | application/sparql-results+xml
            ASK       | format=csv                                                          | text/csv
            """)
    void formatParametersAreReadPerQueryFormAsFusekiReadsThem(String form, String params, String expected) throws Exception {
        String query = switch (form) {
            case "CONSTRUCT" -> CONSTRUCT_PEOPLE;
            case "SELECT" -> "SELECT * WHERE { ?s ?p ?o } LIMIT 1";
            default -> "ASK { ?s ?p ?o }";
        };
        HttpResponse<byte[]> r = get("/sparql?query=" + q(query) + "&" + params, "Accept", "*/*");
        assertEquals(200, r.statusCode(), text(r));
        assertEquals(expected, header(r, "Content-Type").split(";")[0]);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/ds", "/ds/get", "/ds/data"})
    void fusekisDatasetIsTheSameQuadsInEveryFormat(String path) throws Exception {
        DatasetGraph trig = DatasetGraphFactory.createGeneral();
        RDFParser.source(new ByteArrayInputStream(get(path, "Accept", "application/trig").body())).lang(Lang.TRIG).parse(trig);
        long named = 0;
        for (var it = dsg.listGraphNodes(); it.hasNext();) named += dsg.getGraph(it.next()).size();
        assertEquals(named, Iter.count(trig.find()), "the named graphs, the union default graph not printed beside them");
        assertTrue(trig.getDefaultGraph().isEmpty());
        for (String accept : List.of("application/n-quads", "application/ld+json", "application/rdf+thrift")) {
            HttpResponse<byte[]> r = get(path, "Accept", accept);
            assertEquals(200, r.statusCode(), accept);
            DatasetGraph other = DatasetGraphFactory.createGeneral();
            Lang lang = RDFLanguages.contentTypeToLang(header(r, "Content-Type").split(";")[0]);
            assertTrue(RDFLanguages.isQuads(lang), "a quads format: " + header(r, "Content-Type"));
            RDFParser.source(new ByteArrayInputStream(r.body())).lang(lang).parse(other);
            assertTrue(IsoMatcher.isomorphic(trig, other), accept);
        }
    }

    @Test
    void badSparqlGets400WithTheParsersMessageAndPosition() throws Exception {
        HttpResponse<byte[]> r = get("/sparql?query=" + q("SELECT ?x WHERE { ?x ?y }"), "Accept", "application/sparql-results+json");
        assertEquals(400, r.statusCode());
        assertTrue(text(r).contains("line 1, column"), text(r));
    }

    @Test
    void overLongGetGets414TellingToPost() throws Exception {
        String query = "SELECT * WHERE { ?s ?p ?o } # " + "x".repeat(10_000);
        HttpResponse<byte[]> r = get("/sparql?query=" + q(query));
        assertEquals(414, r.statusCode());
        assertTrue(text(r).contains("POST"), text(r));
        assertEquals(200, send("POST", "/sparql", "application/sparql-query", query).statusCode());
    }

    @Test
    void sparqlWithoutQueryGivesTheEditorToABrowserAndTheServiceDescriptionToRdfClients() throws Exception {
        HttpResponse<byte[]> html = get("/sparql", "Accept", "text/html");
        assertEquals(200, html.statusCode());
        assertTrue(text(html).contains("<textarea id=\"query\""), "the plain form, for browsers without JavaScript: " + text(html));
        assertTrue(text(html).contains("value=\"statistics\""), "the named queries are preloaded");
        Matcher script = Pattern.compile("<script src=\"(/static/yasgui/yasgui\\.min\\.[0-9a-f]{16}\\.js)\">")
                .matcher(text(html));
        assertTrue(script.find(), "YASGUI, served here under its content's name: " + text(html));
        assertEquals(200, get(script.group(1)).statusCode());
        HttpResponse<byte[]> sd = get("/sparql", "Accept", "text/turtle");
        Graph g = parse(sd.body(), Lang.TURTLE);
        assertTrue(g.contains(Node.ANY, NodeFactory.createURI(ServiceDescription.SD + "endpoint"), NodeFactory.createURI(BASE + "sparql")),
                "the endpoint's canonical address, never one made from the request's Host");
        assertEquals(200, get("/static/yasgui/yasgui.min.js").statusCode());
        assertEquals(200, get("/static/yasgui/yasgui.min.css").statusCode());
        HttpResponse<byte[]> prefixes = get("/prefixes.json");
        assertEquals(200, prefixes.statusCode());
        assertTrue(text(prefixes).contains("\"schema\"") && text(prefixes).contains("\"http://schema.org/\""), text(prefixes));
    }

    @Test
    void oddPathsAndParametersGetAPlainAnswerNotAServerError() throws Exception {
        assertEquals(404, get("/doc/event/" + "a-".repeat(4000) + "!").statusCode());
        assertEquals(404, get("/doc/place/china?page=99", "Accept", "text/html").statusCode());
        assertEquals(404, get("/static/no-such-file.css").statusCode());
        HttpResponse<byte[]> q0 = get(EXPO, "Accept", "text/html;Q=0, text/turtle;q=0.5");
        assertTrue(header(q0, "Content-Type").startsWith("text/turtle"), header(q0, "Content-Type"));
        HttpResponse<byte[]> anyApp = get(EXPO, "Accept", "application/*");
        assertTrue(header(anyApp, "Content-Type").startsWith("application/n-triples"), header(anyApp, "Content-Type"));
        assertTrue(header(get("/sparql"), "Content-Type").startsWith("text/turtle"), "*/* gets the service description in Turtle");
        assertTrue(header(get("/def"), "Content-Type").startsWith("text/turtle"));
    }

    // ---- search ----

    @Test
    void searchFindsTianjinByItsChineseNameAsAPageAndAsJson() throws Exception {
        String page = text(get("/search?q=" + q("天津"), "Accept", "text/html"));
        assertTrue(page.contains("href=\"/doc/place/tianjin\""), page);
        HttpResponse<byte[]> json = get("/search?q=" + q("天津"), "Accept", "application/json");
        assertEquals(200, json.statusCode());
        assertTrue(header(json, "Content-Type").startsWith("application/json"));
        var hits = org.apache.jena.atlas.json.JSON.parseAny(text(json)).getAsArray();
        var first = hits.get(0).getAsObject();
        assertEquals("天津", first.getString("label"));
        assertEquals("/doc/place/tianjin", first.getString("href"));
        assertEquals(BASE + "id/place/tianjin", first.getString("iri"));
    }

    @Test
    void searchTextIsEscapedAndRepeatedQueriesAreRefused() throws Exception {
        String page = text(get("/search?q=" + q("<script>alert(1)</script>"), "Accept", "text/html"));
        assertFalse(page.contains("<script>alert(1)"), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)"), page);
        assertEquals(400, get("/search?q=a&q=b").statusCode());
        assertEquals(0, org.apache.jena.atlas.json.JSON.parseAny(text(get("/search?q=", "Accept", "application/json"))).getAsArray().size());
    }

    @Test
    void everyPageHasTheSearchBox() throws Exception {
        for (String path : List.of("/", EXPO, "/sparql", "/queries", "/def", "/dataset", "/search")) {
            String body = text(get(path, "Accept", "text/html"));
            assertTrue(body.contains("<form class=\"search\" role=\"search\" method=\"get\" action=\"/search\">"), path);
        }
    }

    // ---- downloads ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nt", "jsonld", "rdf", "trig", "nq"})
    void everyDownloadParsesToTheGraphOfTheTurtleDownload(String ext) throws Exception {
        Graph turtle = parse(get("/download/aikg.ttl").body(), Lang.TURTLE);
        assertEquals(dsg.getDefaultGraph().size(), turtle.size());
        Lang lang = RDFLanguages.fileExtToLang(ext);
        for (String name : List.of("aikg." + ext, "aikg." + ext + ".gz")) {
            HttpResponse<byte[]> r = get("/download/" + name);
            assertEquals(200, r.statusCode(), name);
            byte[] body = name.endsWith(".gz") ? new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes() : r.body();
            Graph g;
            if (ext.equals("trig") || ext.equals("nq")) {
                DatasetGraph d = DatasetGraphFactory.createGeneral();
                RDFParser.source(new ByteArrayInputStream(body)).lang(lang).parse(d);
                g = d.getUnionGraph();
                assertTrue(d.listGraphNodes().hasNext(), name + " keeps the named graphs");
            } else {
                g = parse(body, lang);
            }
            assertTrue(IsoMatcher.isomorphic(turtle, g), name);
        }
    }

    @Test
    void downloadsCarryDispositionEtagLastModifiedAndAnswerHeadAnd304() throws Exception {
        HttpResponse<byte[]> r = get("/download/aikg.ttl");
        assertEquals("attachment; filename=\"aikg.ttl\"", header(r, "Content-Disposition"));
        assertNotNull(header(r, "Last-Modified"));
        String etag = header(r, "ETag");
        assertEquals(304, get("/download/aikg.ttl", "If-None-Match", etag).statusCode());
        HttpResponse<byte[]> head = send("HEAD", "/download/aikg.ttl.gz", null, null);
        assertEquals(200, head.statusCode());
        assertEquals("application/gzip", header(head, "Content-Type"));
        assertEquals(0, head.body().length);
        assertEquals(404, get("/download/aikg.xyz").statusCode());
    }

    // ---- metadata, ontology, queries, home ----

    @Test
    void datasetDescriptionGivesVoidAndDcatWithEveryDownloadAndTheEndpoint() throws Exception {
        for (String path : List.of("/dataset", "/.well-known/void")) {
            HttpResponse<byte[]> r = get(path, "Accept", "text/turtle");
            assertEquals(200, r.statusCode());
            Graph g = parse(r.body(), Lang.TURTLE);
            Node ds = NodeFactory.createURI(BASE + "dataset");
            assertTrue(g.contains(ds, NodeFactory.createURI(Vocab.VOID + "triples"), Node.ANY));
            assertTrue(g.contains(ds, NodeFactory.createURI(Vocab.VOID + "sparqlEndpoint"), NodeFactory.createURI(BASE + "sparql")));
            assertTrue(g.contains(ds, Vocab.DCT_license, NodeFactory.createURI("https://creativecommons.org/licenses/by/4.0/")));
            assertTrue(g.contains(ds, Vocab.DCT_source, NodeFactory.createURI(BASE + "id/article/taptechnews-2024-06-20-world-intelligence-expo")));
            for (String f : List.of("ttl", "nt", "jsonld", "rdf", "trig", "nq", "ttl.gz", "nq.gz")) {
                assertTrue(g.contains(Node.ANY, NodeFactory.createURI(Vocab.DCAT + "downloadURL"), NodeFactory.createURI(BASE + "download/aikg." + f)), f);
            }
        }
    }

    @Test
    void datasetDescriptionIsAlsoAPageAndEveryFormatBySuffix() throws Exception {
        String html = text(get("/dataset", "Accept", "text/html"));
        assertTrue(html.contains("<h1>AI Industry Knowledge Graph</h1>"), html);
        Graph turtle = parse(get("/dataset.ttl").body(), Lang.TURTLE);
        for (String ext : List.of("nt", "jsonld", "rdf")) {
            assertTrue(IsoMatcher.isomorphic(turtle, parse(get("/dataset." + ext).body(), RDFLanguages.fileExtToLang(ext))), ext);
        }
        assertEquals(404, get("/dataset.xyz").statusCode());
        assertEquals(404, get("/dataset/more").statusCode());
    }

    @Test
    void ontologyIsAPageOrTurtle() throws Exception {
        HttpResponse<byte[]> html = get("/def", "Accept", "text/html");
        assertTrue(text(html).contains("aikg:valueQualifier"), text(html));
        HttpResponse<byte[]> ttl = get("/def", "Accept", "text/turtle");
        assertTrue(parse(ttl.body(), Lang.TURTLE).contains(NodeFactory.createURI(org.aikg.vocab.AIKG.NS + "MoreThan"), Vocab.RDF_type, Node.ANY));
        assertEquals(200, get("/def.ttl").statusCode());
    }

    @Test
    void namedQueriesAreListedAndRunnable() throws Exception {
        String list = text(get("/queries"));
        assertTrue(list.contains("href=\"/queries/statistics\""), list);
        HttpResponse<byte[]> html = get("/queries/statistics", "Accept", "text/html");
        assertTrue(text(html).contains("578400000000.0"), text(html));
        HttpResponse<byte[]> json = get("/queries/statistics", "Accept", "application/sparql-results+json");
        assertTrue(header(json, "Content-Type").startsWith("application/sparql-results+json"));
        assertEquals(404, get("/queries/no-such-query").statusCode());
    }

    @Test
    void homeSaysWhatTheDatasetIsHowBigAndWhereToGo() throws Exception {
        HttpResponse<byte[]> r = get("/", "Accept", "text/html");
        assertEquals(200, r.statusCode());
        String body = text(r);
        assertTrue(body.contains("<strong>" + dsg.getDefaultGraph().size() + "</strong>"), body);
        for (String s : List.of(EXPO, "/doc/report/cn-ai-technology-industry-development-report-2024", "/doc/observation/cn-ai-core-industry-scale-2023",
                "/doc/claim/liu-gang-ai-enters-general-ai-stage", "/download/aikg.ttl", "/sparql", "/queries/statistics", "/class/City")) {
            assertTrue(body.contains(s), s);
        }
        String zh = text(get("/?lang=zh"));
        assertTrue(zh.contains("2024世界智能产业博览会"), zh);
    }
}
