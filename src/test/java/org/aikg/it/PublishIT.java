package org.aikg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import com.sun.net.httpserver.HttpServer;
import org.aikg.TestCli;
import org.aikg.corpus.CorpusGenerator;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aikg publish} against a real, separate Fuseki server (jena-fuseki-server, its own JVM, a
 * TDB2 store, updates allowed), on a free port: twice, and across a stop and start of the server
 * in the middle of a publish. Afterwards the remote graphs equal the local ones. Fuseki runs in a
 * temporary working folder (it writes its {@code run/} folder there), never in the repository.
 */
class PublishIT {
    static final Path FUSEKI = Path.of("target/fuseki/fuseki-server.jar").toAbsolutePath();

    @TempDir
    Path tmp;

    int port;
    Process fuseki;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        assertTrue(Files.exists(FUSEKI), "the build copies the Fuseki server jar to " + FUSEKI);
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        fuseki = startFuseki();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (fuseki != null) {
            fuseki.destroy();
            fuseki.waitFor(20, TimeUnit.SECONDS);
        }
    }

    Process startFuseki() throws Exception {
        Path tdb2 = Files.createDirectories(tmp.resolve("tdb2")).toAbsolutePath();
        Path work = Files.createDirectories(tmp.resolve("fuseki-work")).toAbsolutePath();
        Path log = tmp.resolve("fuseki-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", FUSEKI.toString(),
                "--port", Integer.toString(port), "--localhost", "--update", "--tdb2", "--loc", tdb2.toString(), "/ds")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IllegalStateException("Fuseki stopped: " + Files.readString(log));
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(endpoint() + "?query=" + q("ASK {}"))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return p;
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("Fuseki did not start on port " + port);
    }

    String endpoint() {
        return "http://localhost:" + port + "/ds";
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Every named graph of the remote store, via its SPARQL endpoint. */
    DatasetGraph remote() throws Exception {
        String query = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }";
        DatasetGraph dsg = DatasetGraphFactory.createGeneral();
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ds/get"))
                .header("Accept", "application/n-quads").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        RDFParser.source(new java.io.ByteArrayInputStream(r.body())).lang(Lang.NQUADS).parse(dsg);
        return dsg;
    }

    /** The folder of publish's records: in the test's temporary folder, never the repository. */
    String state() {
        return tmp.resolve("state").toString();
    }

    DatasetGraph local(Path data) {
        Path nq = tmp.resolve("local-" + System.nanoTime() + ".nq");
        assertEquals(0, TestCli.run("convert", data.toString(), "-o", nq.toString()).code());
        return RDFDataMgr.loadDatasetGraph(nq.toString());
    }

    @Test
    void publishingTwiceLeavesTheRemoteGraphsEqualToTheLocalOnes() throws Exception {
        TestCli.Run first = TestCli.run("publish", "--state", state(), "--endpoint", endpoint(), "data");
        assertEquals(0, first.code(), first::toString);
        assertTrue(first.err().startsWith("published 2 graphs, 312 triples, to " + endpoint()), first::toString);
        DatasetGraph once = remote();
        assertTrue(IsoMatcher.isomorphic(local(Path.of("data")), once));
        TestCli.Run second = TestCli.run("publish", "--state", state(), "--endpoint", endpoint(), "data");
        assertEquals(0, second.code(), second::toString);
        assertTrue(IsoMatcher.isomorphic(once, remote()), "publishing again changed the store");
    }

    /**
     * The publish is held by a proxy after its fifth graph; Fuseki is stopped while it waits, so
     * that the next PUT meets a stopped store for certain, and started again once it has. No step
     * rests on timing: latches say when each thing has happened, every wait has a generous deadline.
     */
    @Test
    void publishSurvivesTheStoreStoppingAndStartingInTheMiddle() throws Exception {
        Path corpus = tmp.resolve("corpus");
        CorpusGenerator.generate(corpus, 150, 9);
        try (HoldingProxy proxy = new HoldingProxy(port, 5)) {
            CompletableFuture<TestCli.Run> run = CompletableFuture.supplyAsync(
                    () -> TestCli.run("publish", "--state", state(), "--endpoint", proxy.url(), "--retries", "20", corpus.toString()));
            assertTrue(proxy.holding.await(2, TimeUnit.MINUTES), "the publish did not reach its sixth graph");
            fuseki.destroy();
            assertTrue(fuseki.waitFor(60, TimeUnit.SECONDS), "Fuseki did not stop");
            waitUntilPortIsFree();
            proxy.gate.countDown();
            assertTrue(proxy.metStoppedStore.await(2, TimeUnit.MINUTES), "no PUT reached the stopped store");
            fuseki = startFuseki();
            TestCli.Run r = run.get(5, TimeUnit.MINUTES);
            assertEquals(0, r.code(), r::toString);
            assertTrue(r.err().contains("published 151 graphs"), r::toString);
            assertTrue(!r.err().contains("(0 retries)"), "the restart should have cost retries: " + r.err());
        }
        assertTrue(IsoMatcher.isomorphic(local(corpus), remote()), "the remote graphs differ from the local ones");
    }

    /**
     * A publish writes only the graphs of its sources: a graph someone else put in the store survives it, and
     * an endpoint whose fragment would have sent every graph to the dataset itself (a PUT replaces it whole)
     * is refused before anything is sent.
     */
    @Test
    void otherGraphsOfTheStoreSurviveAndAUrlThatWouldReplaceTheStoreIsRefused() throws Exception {
        String other = "http://example.org/someone-elses-graph";
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(endpoint() + "?graph=" + q(other))).header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<http://example.org/s> <http://example.org/p> \"kept\" .")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(put.statusCode() == 200 || put.statusCode() == 201, put.body());
        for (String bad : java.util.List.of(endpoint() + "#", endpoint() + "?x=1")) {
            TestCli.Run refused = TestCli.run("publish", "--state", state(), "--endpoint", bad, "data");
            assertEquals(2, refused.code(), refused::toString);
        }
        TestCli.Run r = TestCli.run("publish", "--state", state(), "--endpoint", endpoint(), "data");
        assertEquals(0, r.code(), r::toString);
        DatasetGraph after = remote();
        var kept = after.getGraph(org.apache.jena.graph.NodeFactory.createURI(other));
        assertEquals(1, kept.size(), "someone else's graph survived");
        DatasetGraph ours = local(Path.of("data"));
        for (var it = ours.listGraphNodes(); it.hasNext();) {
            var g = it.next();
            assertTrue(IsoMatcher.isomorphic(ours.getGraph(g), after.getGraph(g)), g.toString());
        }
    }

    @Test
    void aTurtleFileIsPublishedToTheDefaultGraph() throws Exception {
        Path ttl = tmp.resolve("dump.ttl");
        assertEquals(0, TestCli.run("convert", "data", "-o", ttl.toString()).code());
        TestCli.Run r = TestCli.run("publish", "--state", state(), "--endpoint", endpoint(), ttl.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().startsWith("published 1 graph, 312 triples"), r::toString);
        HttpResponse<byte[]> g = http.send(HttpRequest.newBuilder(URI.create(endpoint() + "?default")).header("Accept", "application/n-triples").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        var remote = org.apache.jena.sparql.graph.GraphFactory.createGraphMem();
        RDFParser.source(new java.io.ByteArrayInputStream(g.body())).lang(Lang.NTRIPLES).parse(remote);
        assertTrue(IsoMatcher.isomorphic(RDFDataMgr.loadGraph(ttl.toString()), remote));
    }

    @Test
    void aStoreThatRefusesGetsItsAnswerAndExit3() {
        TestCli.Run r = TestCli.run("publish", "--state", state(), "--endpoint", "http://localhost:" + port + "/no-such-dataset", "data");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains("the store refused") && r.err().contains("405 Method Not Allowed"), r::toString);
        assertTrue(r.err().contains("a Graph Store URL that takes writes?"), r::toString);
    }

    @Test
    void credentialsAreNeverTakenFromTheCommandLine() {
        TestCli.Run r = TestCli.run("publish", "--state", state(), "--endpoint", endpoint(), "--password", "secret", "data");
        assertEquals(2, r.code(), r::toString);
    }

    /**
     * Only the change is sent: after a first publish of a corpus, publishing again sends nothing; one sheet edited is one
     * PUT; one sheet removed is one DELETE and the dataset's graph (which lists the sources); a dry run sends nothing; a
     * graph someone else changed in the store is refused, left as they made it, and overwritten with --force. The counts
     * are publish's own summary line; after each step the store holds the local conversion, compared as datasets. 30
     * sources, not the issue's 1,500: on this 2-core machine Fuseki (TDB2) takes a PUT in about 0.2 s, so the first publish
     * of 300 sources took 60 s (of 1,500, five minutes), and each publish converts the whole corpus again (about 25 s for
     * 1,500); the whole build must stay under 10 minutes, and 30 sources show the same (one PUT among 31 graphs).
     */
    @Test
    void onlyTheChangeIsSentAndAGraphSomeoneElseChangedIsNotOverwritten() throws Exception {
        int sources = 30;
        Path corpus = tmp.resolve("corpus");
        CorpusGenerator.generate(corpus, sources, 23);
        String graphs = "https://w3id.org/ai-industry-kg/graph/";
        long start = System.nanoTime();
        TestCli.Run first = publish(corpus);
        assertTrue(first.err().startsWith("published " + (sources + 1) + " graphs, "), first::toString);
        System.out.printf("PublishIT: first publish of %d sources %.1f s%n", sources, (System.nanoTime() - start) / 1e9);
        DatasetGraph once = remote();
        assertTrue(IsoMatcher.isomorphic(local(corpus), once), "after the first publish");

        start = System.nanoTime();
        TestCli.Run second = publish(corpus);
        assertTrue(second.err().startsWith("nothing to publish: the " + (sources + 1) + " graphs are as last sent to " + endpoint()), second::toString);
        System.out.printf("PublishIT: publish with nothing changed %.1f s%n", (System.nanoTime() - start) / 1e9);
        assertTrue(IsoMatcher.isomorphic(once, remote()), "publishing again changed the store");

        edit(corpus, "syn-00007", "revised");
        start = System.nanoTime();
        TestCli.Run edited = publish(corpus);
        assertTrue(edited.err().startsWith("published 1 graph, ") && edited.err().contains("; 0 deleted, " + sources + " unchanged"), edited::toString);
        System.out.printf("PublishIT: publish of one edited sheet %.1f s%n", (System.nanoTime() - start) / 1e9);
        assertTrue(IsoMatcher.isomorphic(local(corpus), remote()), "after an edit");

        Files.delete(corpus.resolve("part-000/syn-00003.yaml"));
        Files.delete(corpus.resolve("part-000/syn-00003.txt"));
        TestCli.Run removed = publish(corpus);
        assertTrue(removed.err().startsWith("published 1 graph, ") && removed.err().contains("; 1 deleted, " + (sources - 1) + " unchanged"),
                removed::toString);
        DatasetGraph afterRemoval = remote();
        assertTrue(IsoMatcher.isomorphic(local(corpus), afterRemoval), "after a removal");
        assertTrue(!afterRemoval.containsGraph(org.apache.jena.graph.NodeFactory.createURI(graphs + "syn-00003")), "the removed source's graph");

        edit(corpus, "syn-00011", "revised");
        TestCli.Run dry = TestCli.run("publish", "--state", state(), "--endpoint", endpoint(), "--dry-run", corpus.toString());
        assertEquals(0, dry.code(), dry::toString);
        assertEquals("PUT changed " + graphs + "syn-00011\n" + (sources - 1) + " unchanged\n", dry.out());
        assertTrue(IsoMatcher.isomorphic(afterRemoval, remote()), "a dry run sent something");

        // someone else adds a triple to the graph aikg is about to replace, through the Graph Store Protocol
        HttpResponse<String> theirs = http.send(HttpRequest.newBuilder(URI.create(endpoint() + "?graph=" + q(graphs + "syn-00011")))
                .header("Content-Type", "text/turtle").POST(HttpRequest.BodyPublishers.ofString("<http://example.org/s> <http://example.org/p> \"theirs\" ."))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(theirs.statusCode() == 200 || theirs.statusCode() == 204, theirs::body);
        DatasetGraph withTheirs = remote();
        TestCli.Run refused = TestCli.run("publish", "--state", state(), "--endpoint", endpoint(), corpus.toString());
        assertEquals(1, refused.code(), refused::toString);
        assertTrue(refused.err().startsWith("aikg: the store's graph " + graphs + "syn-00011 at " + endpoint() + " is not what aikg put there"),
                refused::toString);
        assertTrue(IsoMatcher.isomorphic(withTheirs, remote()), "the refused publish changed the store");
        TestCli.Run forced = TestCli.run("publish", "--state", state(), "--endpoint", endpoint(), "--force", corpus.toString());
        assertEquals(0, forced.code(), forced::toString);
        assertTrue(forced.err().startsWith("published 1 graph, "), forced::toString);
        assertTrue(IsoMatcher.isomorphic(local(corpus), remote()), "after --force");
    }

    /**
     * A release published as its RDF Patch: release 1.0's dump is published, one sheet is edited, release 1.1 is made, and
     * {@code --patch} sends 1.1's patch to Fuseki's patch service in one request: the store then holds exactly 1.1's quads
     * (Jena's reader of the dump is the oracle). Sent again, nothing is sent; a store that does not hold the release the
     * patch starts from (its record names other graphs) gets nothing.
     */
    @Test
    void aReleaseIsPublishedAsItsPatchInOneRequestAndTheStoreThenHoldsTheRelease() throws Exception {
        Path corpus = tmp.resolve("corpus");
        CorpusGenerator.generate(corpus, 12, 29);
        Path releases = tmp.resolve("releases");
        assertEquals(0, TestCli.run("release", "1.0", corpus.toString(), "-o", releases.toString(), "--date", "2024-06-20").code());
        publish(releases.resolve("1.0/aikg.nq"));
        assertTrue(IsoMatcher.isomorphic(RDFDataMgr.loadDatasetGraph(releases.resolve("1.0/aikg.nq").toString()), remote()), "release 1.0 published");

        edit(corpus, "syn-00004", "revised");
        assertEquals(0, TestCli.run("release", "1.1", corpus.toString(), "-o", releases.toString(), "--date", "2024-07-01").code());
        TestCli.Run patched = TestCli.run("publish", "--state", state(), "--endpoint", endpoint(), "--patch", releases.toString());
        assertEquals(0, patched.code(), patched::toString);
        long bytes = Files.size(releases.resolve("1.1/changes.rdfp"));
        assertTrue(patched.err().startsWith(String.format("published release 1.1 as its patch (%,d bytes, one request to %s/patch)", bytes, endpoint())),
                patched::toString);
        assertTrue(IsoMatcher.isomorphic(RDFDataMgr.loadDatasetGraph(releases.resolve("1.1/aikg.nq").toString()), remote()), "release 1.1 by its patch");

        TestCli.Run again = TestCli.run("publish", "--state", state(), "--endpoint", endpoint(), "--patch", releases.toString());
        assertEquals(0, again.code(), again::toString);
        assertEquals("nothing to publish: the record says " + endpoint() + " holds release 1.1 already\n", again.err());

        // another store, whose record is empty: it does not hold 1.0, so 1.1's patch is not sent
        TestCli.Run elsewhere = TestCli.run("publish", "--state", tmp.resolve("other-state").toString(), "--endpoint", endpoint(), "--patch",
                releases.toString());
        assertEquals(1, elsewhere.code(), elsewhere::toString);
        assertTrue(elsewhere.err().contains("is not the release this patch starts from"), elsewhere::toString);
    }

    TestCli.Run publish(Path data) {
        TestCli.Run r = TestCli.run("publish", "--state", state(), "--endpoint", endpoint(), data.toString());
        assertEquals(0, r.code(), r::toString);
        return r;
    }

    /** Changes the headline of one sheet of the corpus. */
    static void edit(Path corpus, String id, String word) throws IOException {
        Path sheet = corpus.resolve("part-000/" + id + ".yaml");
        String before = Files.readString(sheet);
        String after = before.replace("Synthetic document " + id, "Synthetic document " + id + ", " + word);
        assertTrue(!after.equals(before), "the edit must change the sheet");
        Files.writeString(sheet, after);
    }

    private void waitUntilPortIsFree() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(true);
                s.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
                return;
            } catch (IOException stillTaken) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("port " + port + " still taken after Fuseki stopped");
                Thread.sleep(100);
            }
        }
    }

    /**
     * An HTTP proxy in front of the store that forwards every request, holds the PUT after the
     * first {@code passFirst} until {@link #gate} opens, and answers 502 (as a reverse proxy in front
     * of a stopped store does) when the store cannot be reached.
     */
    static final class HoldingProxy implements AutoCloseable {
        final CountDownLatch holding = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);
        final CountDownLatch metStoppedStore = new CountDownLatch(1);
        private final AtomicInteger puts = new AtomicInteger();
        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        HoldingProxy(int storePort, int passFirst) throws IOException {
            server = HttpServer.create(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(threads);
            server.createContext("/", exchange -> {
                try (exchange) {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    if (exchange.getRequestMethod().equals("PUT") && puts.incrementAndGet() == passFirst + 1) {
                        holding.countDown();
                        if (!gate.await(5, TimeUnit.MINUTES)) throw new IOException("the gate was never opened");
                    }
                    HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create("http://localhost:" + storePort + exchange.getRequestURI()))
                            .timeout(Duration.ofMinutes(1))
                            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                    String type = exchange.getRequestHeaders().getFirst("Content-Type");
                    if (type != null) forward.header("Content-Type", type);
                    HttpResponse<byte[]> answer;
                    try {
                        answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                    } catch (IOException storeDown) {
                        metStoppedStore.countDown();
                        exchange.sendResponseHeaders(502, -1);
                        return;
                    }
                    byte[] out = answer.body();
                    exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
                    exchange.getResponseBody().write(out);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
        }

        String url() {
            return "http://localhost:" + server.getAddress().getPort() + "/ds";
        }

        @Override
        public void close() {
            gate.countDown();
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
