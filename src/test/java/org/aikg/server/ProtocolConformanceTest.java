package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.aikg.store.Datasets;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The query side of the W3C SPARQL 1.1 Protocol tests and the SPARQL 1.2 Protocol additions
 * (w3c/rdf-tests, {@code sparql/sparql11/protocol} and {@code sparql/sparql12/protocol}), each case
 * written here from the protocol and the case's description, run against {@code /sparql} and against
 * Fuseki's query URLs of the dataset ({@code /ds/sparql}, {@code /ds/query}, {@code /ds}), on each
 * store: in memory and TDB2 (every case on every path of every store). The data is the tests' own:
 * three graphs, each saying that a document is a {@code foaf:Document}. The
 * update-side cases must be refused, this server being read-only: 405 with a valid {@code Allow}.
 * The manifest asks for a class of status (2xx, 4xx); the exact status asserted is aikg's choice
 * within it (README: "The SPARQL endpoint").
 */
class ProtocolConformanceTest {
    static final String DATA = "http://kasei.us/2009/09/sparql/data/";
    static final List<String> ENDPOINTS = List.of("/sparql", "/ds/sparql", "/ds/query", "/ds");
    /** RFC 9110: Allow = #method, a comma-separated list of tokens. */
    static final String ALLOW = "[A-Z]+(, [A-Z]+)*";

    @TempDir
    static Path tmp;
    /** The server of each store: "memory", "tdb2". */
    static final java.util.Map<String, AikgServer> servers = new java.util.LinkedHashMap<>();
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What a case expects: a status and, for a 2xx, the kind of result (and ASK's answer). */
    enum Result { BOOLEAN_TRUE, TABULAR, RDF, NONE }

    record Case(String name, String method, String query, String contentType, byte[] body, int status, Result result) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        StringBuilder trig = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            String doc = DATA + "data" + i + ".rdf";
            trig.append('<').append(doc).append("> { <").append(doc).append("> a <http://xmlns.com/foaf/0.1/Document> . }\n");
        }
        Path file = tmp.resolve("protocol-tests.trig");
        Files.writeString(file, trig);
        // a file of the W3C's tests, not aikg's: it describes no dataset, so the test gives the base
        org.aikg.input.Description description = new org.aikg.input.Description("https://w3id.org/ai-industry-kg/", java.util.Map.of(), "");
        servers.put("memory", AikgServer.builder(org.aikg.store.Published.inMemory(Datasets.read(org.aikg.input.Graphs.of(List.of(file))), description))
                .port(0).build().start());
        org.apache.jena.sparql.core.DatasetGraph tdb2 = org.apache.jena.tdb2.TDB2Factory.connectDataset(tmp.resolve("tdb2").toString()).asDatasetGraph();
        org.apache.jena.system.Txn.executeWrite(tdb2, () -> RDFParser.source(file).lang(Lang.TRIG).parse(tdb2));
        tdb2.getContext().set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true);
        servers.put("tdb2", AikgServer.builder(new org.aikg.store.Published(tdb2, description, java.util.Optional.empty(), java.util.Optional.empty(),
                java.time.Instant.now())).port(0).build().start());
    }

    @AfterAll
    static void stop() {
        servers.values().forEach(AikgServer::stop);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String g(int n) {
        return enc(DATA + "data" + n + ".rdf");
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Case ok(String name, String method, String query, String contentType, String body, Result result) {
        return new Case(name, method, query, contentType, body == null ? null : utf8(body), 200, result);
    }

    static Case bad(String name, int status, String method, String query, String contentType, byte[] body) {
        return new Case(name, method, query, contentType, body, status, Result.NONE);
    }

    static final String FORM = "application/x-www-form-urlencoded";
    static final String DIRECT = "application/sparql-query";
    static final String UPDATE = "application/sparql-update";
    static final String ASK_BOTH_DEFAULT = "ASK { <" + DATA + "data1.rdf> a ?type . <" + DATA + "data2.rdf> a ?type . }";
    static final String ASK_BOTH_NAMED = "ASK { GRAPH ?g1 { <" + DATA + "data1.rdf> a ?type } GRAPH ?g2 { <" + DATA + "data2.rdf> a ?type } }";

    static List<Case> queryCases() {
        return List.of(
                // SPARQL 1.1 Protocol, query side
                ok("query_post_form", "POST", "?default-graph-uri=" + g(0), FORM, "query=ASK%20%7B%7D", Result.BOOLEAN_TRUE),
                ok("query_dataset_default_graphs_get", "GET", "?query=" + enc(ASK_BOTH_DEFAULT) + "&default-graph-uri=" + g(1) + "&default-graph-uri=" + g(2),
                        null, null, Result.BOOLEAN_TRUE),
                ok("query_dataset_default_graphs_post", "POST", "?default-graph-uri=" + g(1) + "&default-graph-uri=" + g(2), DIRECT, ASK_BOTH_DEFAULT,
                        Result.BOOLEAN_TRUE),
                ok("query_dataset_named_graphs_post", "POST", "?named-graph-uri=" + g(1) + "&named-graph-uri=" + g(2), DIRECT, ASK_BOTH_NAMED,
                        Result.BOOLEAN_TRUE),
                ok("query_dataset_named_graphs_get", "GET", "?query=" + enc(ASK_BOTH_NAMED) + "&named-graph-uri=" + g(1) + "&named-graph-uri=" + g(2),
                        null, null, Result.BOOLEAN_TRUE),
                ok("query_dataset_full", "POST", "?default-graph-uri=" + g(3) + "&named-graph-uri=" + g(1) + "&named-graph-uri=" + g(2), DIRECT,
                        "ASK {\n  <" + DATA + "data3.rdf> a ?type\n  GRAPH ?g1 { <" + DATA + "data1.rdf> a ?type }\n  GRAPH ?g2 { <" + DATA
                                + "data2.rdf> a ?type }\n}", Result.BOOLEAN_TRUE),
                ok("query_multiple_dataset", "POST", "?named-graph-uri=" + g(1) + "&named-graph-uri=" + g(2), DIRECT,
                        "ASK FROM <" + DATA + "data3.rdf> { GRAPH ?g1 { <" + DATA + "data1.rdf> a ?type } GRAPH ?g2 { <" + DATA + "data2.rdf> a ?type } }",
                        Result.BOOLEAN_TRUE),
                ok("query_get", "GET", "?query=ASK%20%7B%7D&default-graph-uri=" + g(0), null, null, Result.BOOLEAN_TRUE),
                ok("query_content_type_select", "POST", "?default-graph-uri=" + g(0), DIRECT, "SELECT (1 AS ?value) {}", Result.TABULAR),
                ok("query_content_type_ask", "POST", "?default-graph-uri=" + g(0), DIRECT, "ASK {}", Result.BOOLEAN_TRUE),
                ok("query_content_type_describe", "POST", "?default-graph-uri=" + g(0), DIRECT, "DESCRIBE <http://example.org/>", Result.RDF),
                ok("query_content_type_construct", "POST", "?default-graph-uri=" + g(0), DIRECT, "CONSTRUCT { <s> <p> 1 } WHERE {}", Result.RDF),
                ok("query_post_direct", "POST", "", DIRECT, "ASK {}", Result.BOOLEAN_TRUE),
                bad("bad_query_method", 405, "PUT", "?query=ASK%20%7B%7D&default-graph-uri=" + g(0), FORM, null),
                bad("bad_multiple_queries", 400, "GET", "?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D", null, null),
                bad("bad_query_wrong_media_type", 415, "POST", "", "text/plain", utf8("ASK {}")),
                bad("bad_query_missing_form_type", 400, "POST", "", null, utf8("query=ASK%20%7B%7D")),
                bad("bad_query_missing_direct_type", 400, "POST", "", null, utf8("ASK {}")),
                bad("bad_query_non_utf8", 415, "POST", "", DIRECT + "; charset=UTF-16", "ASK {}".getBytes(Charset.forName("UTF-16"))),
                bad("bad_query_syntax", 400, "GET", "?query=ASK%20%7B", null, null),
                // SPARQL 1.2 Protocol additions, query side
                ok("query_get_with_version", "GET", "?query=ASK%20%7B%7D&version=1.2&default-graph-uri=" + g(1), null, null, Result.BOOLEAN_TRUE),
                ok("query_post_direct_with_version_param", "POST", "?default-graph-uri=" + g(1), DIRECT + "; version=1.2", "ASK {}", Result.BOOLEAN_TRUE),
                bad("bad_query_multiple_versions", 400, "GET", "?query=ASK%20%7B%7D&version=1.1&version=1.2&default-graph-uri=" + g(1), null, null),
                // the protocol's rules that the manifests do not cover on their own
                bad("form_post_with_two_queries", 400, "POST", "", FORM, utf8("query=ASK%20%7B%7D&query=ASK%20%7B%7D")),
                bad("get_with_a_body", 400, "GET", "?query=ASK%20%7B%7D", DIRECT, utf8("ASK {}")),
                bad("direct_post_not_utf8", 400, "POST", "", DIRECT, new byte[] {'A', 'S', 'K', ' ', '{', (byte) 0xC3, '}'}));
    }

    static List<Case> updateCases() {
        String insert = "PREFIX dc: <http://purl.org/dc/terms/> INSERT { <" + DATA + "data1.rdf> dc:title \"A new title\" } WHERE { }";
        return List.of(
                bad("update_dataset_default_graph", 405, "POST", "?using-graph-uri=" + g(1), UPDATE, utf8(insert)),
                bad("update_dataset_default_graphs", 405, "POST", "?using-graph-uri=" + g(1) + "&using-graph-uri=" + g(2), UPDATE, utf8(insert)),
                bad("update_dataset_named_graphs", 405, "POST", "?using-named-graph-uri=" + g(1) + "&using-named-graph-uri=" + g(2), UPDATE, utf8(insert)),
                bad("update_dataset_full", 405, "POST", "?using-graph-uri=" + g(1) + "&using-named-graph-uri=" + g(2), UPDATE, utf8(insert)),
                bad("update_post_form", 405, "POST", "", FORM, utf8("update=CLEAR+ALL")),
                bad("update_post_direct", 405, "POST", "", UPDATE, utf8("CLEAR ALL")),
                bad("update_base_uri", 405, "POST", "", UPDATE, utf8("CLEAR SILENT GRAPH <http://example.org/protocol-base-test/> ; INSERT DATA { <s> <p> <o> }")),
                bad("bad_update_get", 405, "GET", "?update=CLEAR%20ALL", null, null),
                bad("bad_multiple_updates", 405, "POST", "", FORM, utf8("update=CLEAR%20NAMED&update=CLEAR%20DEFAULT")),
                bad("bad_update_wrong_media_type", 415, "POST", "", "text/plain", utf8("CLEAR NAMED")),
                bad("bad_update_missing_form_type", 400, "POST", "", null, utf8("update=CLEAR%20NAMED")),
                bad("bad_update_non_utf8", 405, "POST", "", UPDATE + "; charset=UTF-16", "CLEAR NAMED".getBytes(Charset.forName("UTF-16"))),
                bad("bad_update_syntax", 405, "POST", "", FORM, utf8("update=CLEAR%20XYZ")),
                bad("bad_update_dataset_conflict", 405, "POST", "?using-named-graph-uri=" + enc("http://example/people"), UPDATE,
                        utf8("PREFIX foaf: <http://xmlns.com/foaf/0.1/> WITH <http://example/addresses> DELETE { ?person foaf:givenName 'Bill' } "
                                + "INSERT { ?person foaf:givenName 'William' } WHERE { ?person foaf:givenName 'Bill' }")),
                bad("update_post_direct_with_version_param", 405, "POST", "", UPDATE + "; version=1.2", utf8("CLEAR ALL")),
                bad("update_post_form_with_version", 405, "POST", "", FORM, utf8("update=CLEAR%20ALL&version=1.2")),
                bad("bad_update_multiple_versions", 405, "POST", "", FORM, utf8("update=CLEAR%20ALL&version=1.1&version=1.2")));
    }

    static Stream<Arguments> everyEndpoint(List<Case> cases) {
        List<Arguments> out = new ArrayList<>();
        for (String store : List.of("memory", "tdb2")) for (String endpoint : ENDPOINTS) for (Case c : cases) out.add(Arguments.of(store, endpoint, c));
        return out.stream();
    }

    static Stream<Arguments> queries() {
        return everyEndpoint(queryCases());
    }

    static Stream<Arguments> updates() {
        return everyEndpoint(updateCases());
    }

    static HttpResponse<byte[]> send(String store, String endpoint, Case c) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + servers.get(store).port() + endpoint + c.query()))
                .timeout(Duration.ofSeconds(30))
                .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (c.contentType() != null) b.header("Content-Type", c.contentType());
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("queries")
    void queryCaseOfTheW3cProtocolTests(String store, String endpoint, Case c) throws Exception {
        HttpResponse<byte[]> r = send(store, endpoint, c);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(c.status(), r.statusCode(), store + " " + endpoint + " " + c + ": " + body);
        String type = r.headers().firstValue("Content-Type").orElse("");
        String mediaType = type.split(";")[0].trim();
        switch (c.result()) {
            case BOOLEAN_TRUE -> {
                Lang lang = RDFLanguages.contentTypeToLang(mediaType);
                assertTrue(lang == ResultSetLang.RS_JSON || lang == ResultSetLang.RS_XML, "ASK answers XML or JSON results, not " + type);
                assertTrue(ResultSetMgr.readBoolean(new ByteArrayInputStream(r.body()), lang), body);
            }
            case TABULAR -> {
                Lang lang = RDFLanguages.contentTypeToLang(mediaType);
                assertTrue(List.of(ResultSetLang.RS_JSON, ResultSetLang.RS_XML, ResultSetLang.RS_CSV, ResultSetLang.RS_TSV).contains(lang), type);
                ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body()), lang);
                assertEquals("1", rs.next().get("value").asLiteral().getLexicalForm(), body);
            }
            case RDF -> {
                Lang lang = RDFLanguages.contentTypeToLang(mediaType);
                assertTrue(List.of(Lang.RDFXML, Lang.TURTLE, Lang.NTRIPLES).contains(lang), "a graph answers RDF/XML, Turtle or N-Triples, not " + type);
                RDFParser.source(new ByteArrayInputStream(r.body())).lang(lang).parse(GraphFactory.createGraphMem());
            }
            case NONE -> assertTrue(body.startsWith(c.status() + " "), "a one-line reason: " + body);
        }
        if (c.status() == 405) assertAllow(r);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("updates")
    void updateCaseOfTheW3cProtocolTestsIsRefusedOnThisReadOnlyServer(String store, String endpoint, Case c) throws Exception {
        HttpResponse<byte[]> r = send(store, endpoint, c);
        assertEquals(c.status(), r.statusCode(), store + " " + endpoint + " " + c + ": " + new String(r.body(), StandardCharsets.UTF_8));
        if (c.status() == 405) assertAllow(r);
    }

    static void assertAllow(HttpResponse<byte[]> r) {
        String allow = r.headers().firstValue("Allow").orElse(null);
        assertNotNull(allow, "a 405 says what is allowed");
        assertTrue(allow.matches(ALLOW), "a valid Allow value: " + allow);
    }
}
