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

    @ParameterizedTest
    @ValueSource(strings = {"%D9%A5", "+2", "2.0", "0", "1e3", "%EF%BC%92"})
    void aPageNumberIsAsciiDigits(String page) throws Exception {
        HttpResponse<String> r = get("?page=" + page, "text/turtle");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("bad page number"), r.body());
    }
}
