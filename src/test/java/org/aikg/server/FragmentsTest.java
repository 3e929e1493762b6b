package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.aikg.TestData;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Triple Pattern Fragments at any size: a page costs its own triples and a bounded look past them, so on
 * a pattern of 100,000 matches the first page's count is a lower bound (10,101: the page, the 10,000
 * counted past it and the one that shows there are more), said to be one in the controls; a page that reaches the end makes the count exact,
 * and kept for the pattern. The metadata of a quads answer is its own graph, named as the fragment's
 * primary topic first of all, as the LDF server does and Comunica looks for.
 */
class FragmentsTest {
    static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    static final String STAR = "http://example.org/p";
    static final String FEW = "http://example.org/few";
    static DatasetGraph served;
    static AikgServer server;
    static String url;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        DatasetGraph dsg = TestData.dataset();
        Node g = NodeFactory.createURI("urn:test:star");
        for (int i = 0; i < 100_000; i++) {
            dsg.add(Quad.create(g, NodeFactory.createURI("http://example.org/hub"), NodeFactory.createURI(STAR), NodeFactory.createURI("http://example.org/n" + i)));
        }
        for (int i = 0; i < 150; i++) {
            dsg.add(Quad.create(g, NodeFactory.createURI(FEW), NodeFactory.createURI("http://example.org/q"), NodeFactory.createLiteralString("v" + i)));
        }
        served = dsg;
        server = AikgServer.builder(TestData.published(dsg)).port(0).build().start();
        url = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<String> get(String query, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + "/fragments" + query)).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    static DatasetGraph trig(String query) throws Exception {
        HttpResponse<String> r = get(query, "application/trig");
        assertEquals(200, r.statusCode(), r.body());
        DatasetGraph d = DatasetGraphFactory.create();
        RDFParser.create().source(new StringReader(r.body())).lang(Lang.TRIG).parse(d);
        return d;
    }

    static long number(Graph g, Node s, String p) {
        return ((Number) g.find(s, NodeFactory.createURI(p), Node.ANY).next().getObject().getLiteralValue()).longValue();
    }

    @Test
    void aLargePatternsFirstPageCountsOnlyABoundedWayPastItself() throws Exception {
        DatasetGraph d = trig("?subject=http%3A%2F%2Fexample.org%2Fhub");
        Node fragment = NodeFactory.createURI(url + "/fragments?subject=http%3A%2F%2Fexample.org%2Fhub");
        Node metadata = NodeFactory.createURI(fragment.getURI() + "#metadata");
        assertEquals(100, d.getDefaultGraph().size(), "one page of data");
        Graph meta = d.getGraph(metadata);
        assertEquals(10_101, number(meta, fragment, HYDRA + "totalItems"), "the page, 10,000 past it and one more, not all 100,000");
        assertTrue(meta.contains(fragment, NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#comment"), Node.ANY), "the controls say it is a lower bound");
        assertTrue(meta.contains(metadata, NodeFactory.createURI("http://xmlns.com/foaf/0.1/primaryTopic"), fragment));
        assertTrue(meta.contains(fragment, NodeFactory.createURI(HYDRA + "next"), NodeFactory.createURI(fragment.getURI() + "&page=2")));
    }

    @Test
    void thePageThatReachesTheEndMakesTheCountExactForEveryPage() throws Exception {
        DatasetGraph last = trig("?predicate=http%3A%2F%2Fexample.org%2Fp&page=1000");
        Node lastPage = NodeFactory.createURI(url + "/fragments?predicate=http%3A%2F%2Fexample.org%2Fp&page=1000");
        assertEquals(100, last.getDefaultGraph().size());
        Graph meta = last.getGraph(NodeFactory.createURI(lastPage.getURI() + "#metadata"));
        assertEquals(100_000, number(meta, lastPage, HYDRA + "totalItems"));
        assertFalse(meta.contains(lastPage, NodeFactory.createURI(HYDRA + "next"), Node.ANY), "the last page has no next");
        Node first = NodeFactory.createURI(url + "/fragments?predicate=http%3A%2F%2Fexample.org%2Fp");
        Graph firstMeta = trig("?predicate=http%3A%2F%2Fexample.org%2Fp").getGraph(NodeFactory.createURI(first.getURI() + "#metadata"));
        assertEquals(100_000, number(firstMeta, first, HYDRA + "totalItems"), "kept for the pattern");
        assertFalse(firstMeta.contains(first, NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#comment"), Node.ANY));
        assertEquals(404, get("?predicate=http%3A%2F%2Fexample.org%2Fp&page=1001", "text/turtle").statusCode(), "past the end");
    }

    @Test
    void aPatternsMetadataGraphIsNamedAsItsTopicBeforeAnyOtherQuadOfIt() throws Exception {
        HttpResponse<String> r = get("?predicate=" + URLEncoder.encode("http://schema.org/name", StandardCharsets.UTF_8), "application/n-quads");
        String first = r.body().lines().filter(l -> l.endsWith("#metadata> .")).findFirst().orElseThrow();
        assertTrue(first.contains("<http://xmlns.com/foaf/0.1/primaryTopic>"), first);
    }

    /**
     * The matches of a pattern, counted apart from the code under test: a SPARQL COUNT of the distinct triples of
     * every graph of the served data (the default graph is their union).
     */
    static long counted(String filter) {
        String q = "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX schema: <http://schema.org/> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> "
                + "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } " + filter + " } }";
        try (org.apache.jena.sparql.exec.QueryExec e = org.apache.jena.sparql.exec.QueryExec.dataset(served).query(q).build()) {
            return ((Number) e.select().next().get("n").getLiteralValue()).longValue();
        }
    }

    /**
     * A pattern's hydra:totalItems is its exact number of matches, said to be exact (no lower-bound comment), on
     * every page: the figure is counted by SPARQL over the same data, and by hand from the article (five statistics;
     * one English name "Tianjin"; two things published on 2024-06-20, the article and the report) or from the 150
     * triples of example.org/few added here.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            predicate=rdf:type&object=schema:Observation     | FILTER(?p = rdf:type && ?o = schema:Observation)     | 5   | 5
            object="Tianjin"@en                              | FILTER(sameTerm(?o, "Tianjin"@en))                    | 1   | 1
            predicate=schema:datePublished&object="2024-06-20"^^xsd:date | FILTER(?p = schema:datePublished && sameTerm(?o, "2024-06-20"^^xsd:date)) | 2 | 2
            object="v7"                                      | FILTER(sameTerm(?o, "v7"))                            | 1   | 1
            predicate=http://example.org/nothing             | FILTER(?p = <http://example.org/nothing>)             | 0   | 0
            subject=http://example.org/few                   | FILTER(?s = <http://example.org/few>)                 | 150 | 100
            subject=http://example.org/few&page=2            | FILTER(?s = <http://example.org/few>)                 | 150 | 50
            """)
    void aPatternsTotalItemsIsItsExactNumberOfMatches(String query, String filter, long byHand, long onThePage) throws Exception {
        assertEquals(byHand, counted(filter), "the SPARQL count agrees with the figure counted by hand");
        StringBuilder q = new StringBuilder();
        for (String part : query.split("&")) {
            String[] kv = part.split("=", 2);
            String v = kv[1].replace("rdf:", "http://www.w3.org/1999/02/22-rdf-syntax-ns#").replace("schema:", "http://schema.org/")
                    .replace("xsd:", "http://www.w3.org/2001/XMLSchema#");
            q.append(q.length() == 0 ? "?" : "&").append(kv[0]).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }
        DatasetGraph d = trig(q.toString());
        Node fragment = NodeFactory.createURI(url + "/fragments" + q);
        Graph meta = d.getGraph(NodeFactory.createURI(fragment.getURI() + "#metadata"));
        assertEquals(1, meta.find(Node.ANY, NodeFactory.createURI(HYDRA + "totalItems"), Node.ANY).toList().size(), () -> "one count in\n" + meta);
        assertEquals(byHand, number(meta, fragment, HYDRA + "totalItems"), () -> "totalItems of " + query + " in\n" + meta);
        assertEquals(byHand, number(meta, fragment, "http://rdfs.org/ns/void#triples"), "void:triples of " + query);
        assertFalse(meta.contains(fragment, NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#comment"), Node.ANY), "exact, not a lower bound");
        assertEquals(onThePage, d.getDefaultGraph().size(), "the page's own matches");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%D9%A5", "+2", "2.0", "0", "1e3", "%EF%BC%92"})
    void aPageNumberIsAsciiDigits(String page) throws Exception {
        HttpResponse<String> r = get("?page=" + page, "text/turtle");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("bad page number"), r.body());
    }
}
