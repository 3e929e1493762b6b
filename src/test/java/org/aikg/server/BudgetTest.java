package org.aikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.aikg.TestData;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One budget per request, whatever road the work takes: every route to a regular expression, a path
 * closure, DESCRIBE, CONSTRUCT, the writing of the answer and the values a query makes end in the same
 * 503 (time, with Retry-After) or 422 (rows, bytes, value size), and the thread that served the request
 * is in no query code once the refusal has arrived (a thread dump says so; no clock is read). The server
 * here has a 1 s time limit, 100 rows, 64 KiB of answer (so 16 Ki characters of value), one query at a
 * time (four more may wait for it) and a star of 100,000 edges beside the article for the paths.
 */
@ExtendWith(NoStackTraceLogged.class)
class BudgetTest {
    static final String FN = "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> PREFIX sp: <http://www.w3.org/ns/sparql#> "
            + "PREFIX apf: <http://jena.apache.org/ARQ/property#> PREFIX math: <http://www.w3.org/2005/xpath-functions/math#> "
            + "PREFIX schema: <http://schema.org/> ";
    /** A text and a pattern whose match backtracks for hours: ^(.*a){25}$ over 44 a's and a b. */
    static final String TEXT = "\"" + "a".repeat(44) + "b\"";
    static final String PATTERN = "\"^(.*a){25}$\"";
    static AikgServer server;
    static String url;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        DatasetGraph dsg = TestData.dataset();
        Node star = NodeFactory.createURI("urn:test:star");
        Node p = NodeFactory.createURI("urn:p");
        for (int i = 0; i < 100_000; i++) dsg.add(Quad.create(star, NodeFactory.createURI("urn:hub"), p, NodeFactory.createURI("urn:n" + i)));
        server = AikgServer.builder(TestData.published(dsg)).port(0).queryTimeout(Duration.ofSeconds(1)).maxRows(100).maxBytes(64 * 1024)
                .maxQueries(1).build().start();
        url = "http://localhost:" + server.port();
    }

    /** The same limits on a TDB2 store of the article (made by {@code aikg load}): its own query engine, the same budget. */
    static AikgServer tdb2;
    static String tdb2Url;

    @BeforeAll
    static void startTdb2(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        java.nio.file.Path store = tmp.resolve("store");
        assertEquals(0, org.aikg.TestCli.run("load", "--tdb2", store.toString(), "data").code());
        tdb2 = AikgServer.builder(org.aikg.store.Tdb2Store.open(store)).port(0).queryTimeout(Duration.ofSeconds(1)).maxRows(100).maxBytes(64 * 1024)
                .maxQueries(1).build().start();
        tdb2Url = "http://localhost:" + tdb2.port();
    }

    @AfterAll
    static void stop() {
        server.stop();
        tdb2.stop();
    }

    static Stream<Arguments> tdb2Routes() {
        return Stream.of(
                Arguments.of("fn:matches", FN + "SELECT * { ?s ?p ?o FILTER(fn:matches(" + TEXT + ", " + PATTERN + ")) }", 503, "time limit of 1 s"),
                Arguments.of("apf:strSplit", FN + "SELECT * { ?x apf:strSplit (" + TEXT + " " + PATTERN + ") }", 503, "time limit of 1 s"),
                Arguments.of("a path over the store", "SELECT (COUNT(*) AS ?n) { ?a (<http://schema.org/about>|^<http://schema.org/about>|<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>|"
                        + "^<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>)* ?b . ?c ?d ?e . ?f ?g ?h }", 503, "time limit of 1 s"),
                Arguments.of("DESCRIBE of everything", "DESCRIBE ?s WHERE { ?s ?p ?o }", 422, "more than 100"),
                Arguments.of("a GROUP_CONCAT", "SELECT (GROUP_CONCAT(STR(?o)) AS ?all) { ?s ?p ?o . ?a ?b ?c }", 422, "a value made by the query is longer than"),
                Arguments.of("a CSV past the byte cap", "PREFIX schema: <http://schema.org/> SELECT ?b { ?a schema:articleBody ?b . ?x ?y ?z } LIMIT 99", 422,
                        "the answer is larger than 65536 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tdb2Routes")
    void aTdb2StoreIsHeldToTheSameBudget(String route, String query, int status, String reason) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(tdb2Url + "/sparql")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/sparql-query").header("Accept", query.startsWith("DESCRIBE") ? "text/turtle" : "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(status, r, reason);
        assertNoThreadInAQuery();
    }

    static HttpResponse<String> post(String query, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + "/sparql")).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/sparql-query")
                .header("Accept", accept).POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String query) throws Exception {
        return post(query, "application/sparql-results+json");
    }

    static void assertRefused(int status, HttpResponse<String> r, String reason) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().startsWith(status + " ") && r.body().contains(reason), r.body());
        if (status == 503) assertEquals("5", r.headers().firstValue("Retry-After").orElse(null), "a 503 says when to try again");
    }

    /** No thread but this one is evaluating a query: Jena's engine, a path, a regular expression, aikg's answer. */
    static void assertNoThreadInAQuery() {
        List<String> busy = new ArrayList<>();
        for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            if (t.getThreadId() == Thread.currentThread().getId()) continue;
            boolean inQuery = Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("java.util.regex.")
                    || f.getClassName().startsWith("org.apache.jena.sparql.engine.") || f.getClassName().startsWith("org.apache.jena.sparql.path.")
                    || f.getClassName().startsWith("org.aikg.server.sparql.Answers") || f.getClassName().startsWith("org.aikg.server.sparql.Bounded"));
            if (inQuery) busy.add(t.getThreadName() + ": " + Arrays.toString(t.getStackTrace()));
        }
        assertTrue(busy.isEmpty(), "threads still in a query after its refusal arrived: " + busy);
    }

    static Stream<Arguments> regexRoutes() {
        return Stream.of(
                Arguments.of("REGEX", "SELECT * { BIND(" + TEXT + " AS ?x) FILTER(REGEX(?x, " + PATTERN + ")) }"),
                Arguments.of("REPLACE", "SELECT * { BIND(REPLACE(" + TEXT + ", " + PATTERN + ", 'x') AS ?y) }"),
                Arguments.of("fn:matches", FN + "SELECT * { BIND(" + TEXT + " AS ?x) FILTER(fn:matches(?x, " + PATTERN + ")) }"),
                Arguments.of("fn:replace", FN + "SELECT * { BIND(fn:replace(" + TEXT + ", " + PATTERN + ", 'x') AS ?y) }"),
                Arguments.of("sparql:regex", FN + "SELECT * { BIND(sp:regex(" + TEXT + ", " + PATTERN + ") AS ?y) }"),
                Arguments.of("sparql:replace", FN + "SELECT * { BIND(sp:replace(" + TEXT + ", " + PATTERN + ", 'x') AS ?y) }"),
                Arguments.of("apf:strSplit", FN + "SELECT * { ?x apf:strSplit (" + TEXT + " " + PATTERN + ") }"),
                Arguments.of("REGEX in EXISTS", "ASK { FILTER EXISTS { FILTER(REGEX(" + TEXT + ", " + PATTERN + ")) } }"),
                Arguments.of("REGEX in ORDER BY", "SELECT ?x { VALUES ?x { " + TEXT + " 'b' } } ORDER BY (REGEX(?x, " + PATTERN + "))"),
                Arguments.of("REGEX in an aggregate", "SELECT (COUNT(REGEX(?x, " + PATTERN + ")) AS ?n) { VALUES ?x { " + TEXT + " } }"),
                Arguments.of("REGEX in HAVING", "SELECT ?x { VALUES ?x { " + TEXT + " } } GROUP BY ?x HAVING (REGEX(?x, " + PATTERN + "))"),
                Arguments.of("REGEX in a CONSTRUCT", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(REGEX(" + TEXT + ", " + PATTERN + ")) }"),
                Arguments.of("property path", "SELECT (COUNT(*) AS ?n) { ?a (<urn:p>|^<urn:p>)* ?b }"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regexRoutes")
    void everyRouteToRunawayWorkEndsIn503AndFreesItsThread(String route, String query) throws Exception {
        assertRefused(503, post(query, query.startsWith("CONSTRUCT") ? "text/turtle" : "application/sparql-results+json"), "time limit of 1 s");
        assertNoThreadInAQuery();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<java:org.apache.jena.sparql.function.library.wait>(100000)", "fn:tokenize('a b', ' ')",
            "fn:apply('http://www.w3.org/2005/xpath-functions#concat', 'a')", "<http://jena.apache.org/ARQ/function#sprintf>('%999999999d', 1)",
            "<http://jena.apache.org/ARQ/function#wait>(100000)"})
    void functionsThatCannotBeBoundedAreNotOffered(String call) throws Exception {
        assertRefused(400, post(FN + "SELECT * { BIND(" + call + " AS ?x) }"), "is not offered on this server");
    }

    static String nestedExists(int depth) {
        return "ASK { ?s0 ?p ?o " + Stream.iterate(1, i -> i + 1).limit(depth).map(i -> "FILTER NOT EXISTS { ?s" + i + " ?p ?o ").reduce("", String::concat)
                + "}".repeat(depth) + " }";
    }

    @Test
    void existsNestedPastWhatCanBePlannedIsRefusedBeforeThePlannerRuns() throws Exception {
        assertEquals(200, post(nestedExists(8)).statusCode(), "eight levels are planned and answered");
        assertRefused(400, post(nestedExists(9)), "EXISTS / NOT EXISTS are nested 9 deep; at most 8");
        assertRefused(400, post(nestedExists(24)), "nested 24 deep");
        String flat = "ASK { ?s ?p ?o " + "FILTER NOT EXISTS { ?a ?b ?c } ".repeat(65) + "}";
        assertRefused(400, post(flat), "the query has 65 EXISTS / NOT EXISTS; at most 64");
    }

    @Test
    void describeOfEverythingStopsAtTheCapNotAfterDescribingAll() throws Exception {
        assertRefused(422, post("DESCRIBE ?s WHERE { ?s ?p ?o }", "text/turtle"), "more than 100");
        assertNoThreadInAQuery();
        HttpResponse<String> one = post("DESCRIBE <https://w3id.org/ai-industry-kg/id/place/china>", "application/n-triples");
        assertEquals(200, one.statusCode(), one.body());
        assertTrue(one.body().contains("<https://w3id.org/ai-industry-kg/id/place/china> <http://schema.org/sameAs> <http://www.wikidata.org/entity/Q148>"),
                one.body());
    }

    @Test
    void constructOfManyBlankNodesStopsAtTheCap() throws Exception {
        assertRefused(422, post("CONSTRUCT { _:a <urn:p> _:b . _:b <urn:q> ?o } WHERE { ?s ?p ?o }", "text/turtle"), "more than 100 triples");
    }

    @Test
    void answerPastTheByteCapIs422BeforeAnyByteIsSent() throws Exception {
        // 99 copies of the article's text (about 5 KB each) in CSV: far past 64 KiB, within 100 rows
        HttpResponse<String> r = post("PREFIX schema: <http://schema.org/> SELECT ?b { ?a schema:articleBody ?b . ?x ?y ?z } LIMIT 99", "text/csv");
        assertRefused(422, r, "the answer is larger than 65536 bytes");
    }

    @Test
    void groupConcatPastTheValueLimitIsRefusedLikeTheRowCap() throws Exception {
        HttpResponse<String> r = post("PREFIX schema: <http://schema.org/> SELECT (GROUP_CONCAT(?b) AS ?all) { ?a schema:articleBody ?b . ?x ?y ?z }");
        assertRefused(422, r, "a value made by the query is longer than 16384 characters");
        HttpResponse<String> distinct = post("SELECT (GROUP_CONCAT(DISTINCT STR(?z); separator='|') AS ?all) { ?x ?y ?z }");
        assertRefused(422, distinct, "a value made by the query is longer than 16384 characters");
    }

    @Test
    void valuesThatGrowPastTheLimitAreRefusedBeforeTheyAreMade() throws Exception {
        String tenfold = "BIND(CONCAT(?a,?a,?a,?a,?a,?a,?a,?a,?a,?a) AS ?b) BIND(CONCAT(?b,?b,?b,?b,?b,?b,?b,?b,?b,?b) AS ?c) "
                + "BIND(CONCAT(?c,?c,?c,?c,?c,?c,?c,?c,?c,?c) AS ?d) BIND(CONCAT(?d,?d,?d,?d,?d,?d,?d,?d,?d,?d) AS ?e)";
        assertRefused(422, post("SELECT (STRLEN(?e) AS ?n) { BIND('abcdefghij' AS ?a) " + tenfold + " }"), "a value made by the query is longer than");
        assertRefused(422, post(FN + "SELECT ?y { BIND('ab' AS ?a) BIND(REPLACE(REPLACE(REPLACE(?a, 'a', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'), 'a', "
                + "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'), 'a', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa') AS ?y) }"), "a value made by the query is longer than");
        assertRefused(422, post(FN + "SELECT ?y { BIND(math:pow(10, 100000000) AS ?y) }"), "more than 10000 digits");
        assertRefused(422, post(FN + "SELECT ?y { BIND(math:exp10(100000000) AS ?y) }"), "more than 10000 digits");
        String big = "1" + "0".repeat(6_000);
        assertRefused(422, post("SELECT ?y { BIND(" + big + " * " + big + " AS ?y) }"), "more than 10000 digits");
        HttpResponse<String> small = post(FN + "SELECT ?y { BIND(math:pow(2, 10) * 3 AS ?y) }");
        assertEquals(200, small.statusCode(), small.body());
        assertTrue(small.body().contains("\"3072\""), small.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml", "application/trig", "application/n-quads",
            "application/rdf+thrift", "application/rdf+protobuf"})
    void anOrderedAnswerIsTheSameBytesAndETagEachTime(String type) throws Exception {
        for (String query : List.of("SELECT ?s ?o { ?s <http://schema.org/name> ?o } ORDER BY ?s ?o LIMIT 20",
                "CONSTRUCT { _:n <http://example.org/named> ?o } WHERE { ?s <http://schema.org/name> ?o } ORDER BY ?o LIMIT 20")) {
            if (query.startsWith("SELECT") && (type.contains("trig") || type.contains("quads") || type.contains("thrift") || type.contains("protobuf"))) continue;
            HttpResponse<byte[]> a = http.send(HttpRequest.newBuilder(URI.create(url + "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                    .header("Accept", type).build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> b = http.send(HttpRequest.newBuilder(URI.create(url + "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                    .header("Accept", type).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, a.statusCode(), new String(a.body(), StandardCharsets.UTF_8));
            assertEquals(a.headers().firstValue("ETag"), b.headers().firstValue("ETag"), type + " " + query);
            assertTrue(Arrays.equals(a.body(), b.body()), type + " " + query);
        }
    }

    @Test
    void anAnswerRdfXmlCannotWriteIs406NotA500() throws Exception {
        HttpResponse<String> r = post("CONSTRUCT { ?s <urn:named> ?o } WHERE { ?s <http://schema.org/name> ?o }", "application/rdf+xml");
        assertRefused(406, r, "this answer cannot be written as RDF/XML");
        assertEquals(200, post("CONSTRUCT { ?s <urn:named> ?o } WHERE { ?s <http://schema.org/name> ?o }", "text/turtle").statusCode());
    }

    @Test
    void queriesPastTheLaneAreRefusedAtOnceAndPagesNeverWaitBehindThem() throws Exception {
        String runaway = "SELECT (COUNT(*) AS ?n) { ?a (<urn:p>|^<urn:p>)* ?b }";
        List<CompletableFuture<HttpResponse<String>>> heavy = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            heavy.add(http.sendAsync(HttpRequest.newBuilder(URI.create(url + "/sparql")).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(runaway)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        // pages and static files are answered while every place in the query lane is taken
        int pages = 0;
        while (heavy.stream().filter(CompletableFuture::isDone).count() < 8 && pages < 50) {
            for (String path : List.of("/class", "/doc/place/china", "/static/aikg.css", "/search?q=tian")) {
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url + path)).header("Accept", "text/html").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, page.statusCode(), path);
            }
            pages++;
        }
        List<String> reasons = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> f : heavy) {
            HttpResponse<String> r = f.get();
            assertEquals(503, r.statusCode(), r.body());
            assertEquals("5", r.headers().firstValue("Retry-After").orElse(null));
            reasons.add(r.body());
        }
        long timedOut = reasons.stream().filter(b -> b.contains("time limit")).count();
        long turnedAway = reasons.stream().filter(b -> b.contains("as many queries as it can (1 at once)")).count();
        assertEquals(12, timedOut + turnedAway, String.join("\n", reasons));
        assertTrue(timedOut >= 1 && timedOut <= 5, "one runs, up to four wait for its place: " + reasons);
        assertTrue(turnedAway >= 7, "the rest are refused at once: " + reasons);
        assertTrue(pages >= 1);
        assertNoThreadInAQuery();
    }
}
