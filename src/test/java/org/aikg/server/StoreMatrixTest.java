package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.aikg.TestCli;
import org.aikg.TestData;
import org.aikg.store.Tdb2Store;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One behaviour in every configuration: each store (in memory, and TDB2 as {@code aikg load} makes it)
 * answers on every path that takes queries ({@code /sparql}, {@code /ds}, {@code /ds/query},
 * {@code /ds/sparql}) and every Graph Store read ({@code /ds/get?default}, {@code ?graph=}, the whole
 * dataset at {@code /ds/get} and {@code /ds}) with the article's data as converted in memory, compared as
 * graphs and counted: the oracle is the conversion, not the server.
 */
@ExtendWith(NoStackTraceLogged.class)
class StoreMatrixTest {
    static final List<String> QUERY_PATHS = List.of("/sparql", "/ds", "/ds/query", "/ds/sparql");
    static final String SOURCE_GRAPH = "https://w3id.org/ai-industry-kg/graph/taptechnews-2024-06-20-world-intelligence-expo";
    static final Map<String, AikgServer> servers = new LinkedHashMap<>();
    static final DatasetGraph expected = TestData.dataset();
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start(@TempDir Path tmp) {
        Path store = tmp.resolve("store");
        assertEquals(0, TestCli.run("load", "--tdb2", store.toString(), "data").code());
        servers.put("memory", AikgServer.builder(TestData.published()).port(0).build().start());
        servers.put("tdb2", AikgServer.builder(Tdb2Store.open(store)).port(0).build().start());
    }

    @AfterAll
    static void stop() {
        servers.values().forEach(AikgServer::stop);
    }

    static HttpResponse<byte[]> get(String store, String pathAndQuery, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + servers.get(store).port() + pathAndQuery)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static Stream<Arguments> storesAndPaths() {
        List<Arguments> out = new ArrayList<>();
        for (String store : List.of("memory", "tdb2")) for (String path : QUERY_PATHS) out.add(Arguments.of(store, path));
        return out.stream();
    }

    static Stream<String> stores() {
        return Stream.of("memory", "tdb2");
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("storesAndPaths")
    void everyPathOfEveryStoreAnswersWhatTheConversionHolds(String store, String path) throws Exception {
        HttpResponse<byte[]> count = get(store, path + "?query=" + q("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"), "application/sparql-results+json");
        assertEquals(200, count.statusCode(), new String(count.body(), StandardCharsets.UTF_8));
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(count.body()), ResultSetLang.RS_JSON);
        assertEquals(expected.getUnionGraph().size(), rs.next().getLiteral("n").getLong(), "the default graph is the union of the sources' graphs");

        HttpResponse<byte[]> all = get(store, path + "?query=" + q("CONSTRUCT WHERE { ?s ?p ?o }"), "application/n-triples");
        assertEquals(200, all.statusCode());
        assertTrue(IsoMatcher.isomorphic(expected.getUnionGraph(), parse(all.body(), Lang.NTRIPLES)), store + " " + path);

        HttpResponse<byte[]> from = get(store, path + "?query=" + q("SELECT (COUNT(*) AS ?n) FROM <" + SOURCE_GRAPH + "> { ?s ?p ?o }"),
                "application/sparql-results+json");
        assertEquals(200, from.statusCode(), new String(from.body(), StandardCharsets.UTF_8));
        long inGraph = expected.getGraph(org.apache.jena.graph.NodeFactory.createURI(SOURCE_GRAPH)).size();
        assertEquals(inGraph, ResultSetMgr.read(new ByteArrayInputStream(from.body()), ResultSetLang.RS_JSON).next().getLiteral("n").getLong());

        HttpResponse<byte[]> named = get(store, path + "?query=" + q("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }") + "&default-graph-uri=" + q(SOURCE_GRAPH),
                "application/sparql-results+json");
        assertEquals(200, named.statusCode(), new String(named.body(), StandardCharsets.UTF_8));
        assertEquals(inGraph, ResultSetMgr.read(new ByteArrayInputStream(named.body()), ResultSetLang.RS_JSON).next().getLiteral("n").getLong());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void graphStoreReadsOfEveryStoreAreTheConversionsGraphs(String store) throws Exception {
        HttpResponse<byte[]> dflt = get(store, "/ds/get?default", "text/turtle");
        assertEquals(200, dflt.statusCode());
        Graph union = parse(dflt.body(), Lang.TURTLE);
        assertEquals(expected.getUnionGraph().size(), union.size(), "?default is the union, on every store");
        assertTrue(IsoMatcher.isomorphic(expected.getUnionGraph(), union));

        HttpResponse<byte[]> one = get(store, "/ds/get?graph=" + q(SOURCE_GRAPH), "application/n-triples");
        assertEquals(200, one.statusCode());
        assertTrue(IsoMatcher.isomorphic(expected.getGraph(org.apache.jena.graph.NodeFactory.createURI(SOURCE_GRAPH)), parse(one.body(), Lang.NTRIPLES)));

        assertEquals(404, get(store, "/ds/get?graph=" + q("https://example.org/no-such-graph"), "text/turtle").statusCode());

        for (String path : List.of("/ds/get", "/ds")) {
            HttpResponse<byte[]> whole = get(store, path, "application/n-quads");
            assertEquals(200, whole.statusCode());
            DatasetGraph d = DatasetGraphFactory.create();
            RDFParser.source(new ByteArrayInputStream(whole.body())).lang(Lang.NQUADS).parse(d);
            long quads = 0;
            for (var it = expected.listGraphNodes(); it.hasNext();) {
                Node g = it.next();
                quads += expected.getGraph(g).size();
                assertTrue(IsoMatcher.isomorphic(expected.getGraph(g), d.getGraph(g)), store + " " + path + " " + g);
            }
            assertEquals(quads, org.apache.jena.atlas.iterator.Iter.count(d.find()), store + " " + path);
            assertTrue(d.getDefaultGraph().isEmpty(), "the named graphs, not their union beside them");
        }
    }

    static Graph parse(byte[] body, Lang lang) {
        Graph g = GraphFactory.createGraphMem();
        RDFParser.source(new ByteArrayInputStream(body)).lang(lang).parse(g);
        return g;
    }
}
