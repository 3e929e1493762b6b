package org.aikg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.aikg.TestCli;
import org.aikg.corpus.CorpusGenerator;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aikg publish} to a store that is not Jena: Virtuoso Open Source (Debian's
 * {@code virtuoso-opensource}), started here with its own configuration and database in a
 * temporary folder, listening on free loopback ports. Its Graph Store endpoint
 * ({@code /sparql-graph-crud-auth}) takes writes only with HTTP Digest authentication (the new
 * database's {@code dba}/{@code dba}). Published twice, the store holds exactly the quads of the
 * local conversion, read back through Virtuoso's own Graph Store reads and SPARQL.
 */
class VirtuosoPublishIT {
    static final Path VIRTUOSO = Path.of("/usr/bin/virtuoso-t");
    static final String GRAPHS = "https://w3id.org/ai-industry-kg/graph/";

    @TempDir
    Path tmp;

    Process virtuoso;
    int http;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        if (!Files.isExecutable(VIRTUOSO)) {
            String msg = VIRTUOSO + " is missing (apt-get install virtuoso-opensource)";
            if ("true".equals(System.getenv("CI"))) fail("CI must install Virtuoso for the publish test: " + msg);
            Assumptions.assumeTrue(false, "Virtuoso publish test skipped: " + msg);
        }
        int sql = freePort();
        http = freePort();
        Path db = Files.createDirectories(tmp.resolve("virtuoso")).toAbsolutePath();
        Path root = Files.createDirectories(db.resolve("www"));
        Files.writeString(db.resolve("virtuoso.ini"), String.join("\n",
                "[Database]", "DatabaseFile = " + db.resolve("virtuoso.db"), "ErrorLogFile = " + db.resolve("virtuoso.log"),
                "LockFile = " + db.resolve("virtuoso.lck"), "TransactionFile = " + db.resolve("virtuoso.trx"),
                "xa_persistent_file = " + db.resolve("virtuoso.pxa"), "ErrorLogLevel = 7", "FileExtend = 200", "Striping = 0",
                "TempStorage = TempDatabase",
                "[TempDatabase]", "DatabaseFile = " + db.resolve("virtuoso-temp.db"), "TransactionFile = " + db.resolve("virtuoso-temp.trx"),
                "Striping = 0",
                "[Parameters]", "ServerPort = 127.0.0.1:" + sql, "DisableUnixSocket = 1", "CheckpointInterval = 0",
                "NumberOfBuffers = 10000", "MaxDirtyBuffers = 6000", "DirsAllowed = .",
                "[HTTPServer]", "ServerPort = 127.0.0.1:" + http, "ServerRoot = " + root, "ServerThreads = 4", "Charset = UTF-8",
                "[SPARQL]", "ResultSetMaxRows = 1000000", ""));
        virtuoso = new ProcessBuilder(VIRTUOSO.toString(), "-f", "-c", db.resolve("virtuoso.ini").toString()).directory(db.toFile())
                .redirectErrorStream(true).redirectOutput(db.resolve("stdout.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!virtuoso.isAlive()) throw new IllegalStateException("Virtuoso stopped: " + Files.readString(db.resolve("stdout.log")));
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base() + "/sparql?query=" + q("ASK {}"))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Virtuoso did not start on port " + http + ": " + Files.readString(db.resolve("stdout.log")));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (virtuoso != null) {
            virtuoso.destroy();
            if (!virtuoso.waitFor(30, TimeUnit.SECONDS)) virtuoso.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    String base() {
        return "http://127.0.0.1:" + http;
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** aikg's graphs in the store: their names from SPARQL, each graph read through the Graph Store protocol. */
    Set<Quad> remote() throws Exception {
        String query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"" + GRAPHS + "\")) }";
        HttpResponse<String> names = client.send(HttpRequest.newBuilder(URI.create(base() + "/sparql?query=" + q(query)))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, names.statusCode(), names::body);
        DatasetGraph dsg = DatasetGraphFactory.createGeneral();
        for (String line : names.body().lines().skip(1).toList()) {
            String g = line.replace("\"", "").strip();
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base() + "/sparql-graph-crud?graph=" + q(g)))
                    .header("Accept", "application/n-triples").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), g);
            org.apache.jena.graph.Graph graph = dsg.getGraph(org.apache.jena.graph.NodeFactory.createURI(g));
            RDFParser.source(new java.io.ByteArrayInputStream(r.body())).lang(Lang.NTRIPLES).parse(graph);
        }
        Set<Quad> all = new HashSet<>();
        dsg.find().forEachRemaining(all::add);
        return all;
    }

    Set<Quad> local(Path data) {
        Path nq = tmp.resolve("local-" + System.nanoTime() + ".nq");
        assertEquals(0, TestCli.run("convert", data.toString(), "-o", nq.toString()).code());
        Set<Quad> all = new HashSet<>();
        RDFDataMgr.loadDatasetGraph(nq.toString()).find().forEachRemaining(all::add);
        return all;
    }

    TestCli.Run publish(Path data, String... options) throws IOException {
        return publish(data, tmp.resolve("state"), options);
    }

    /** Publishes {@code data} with publish's record in {@code state}. */
    TestCli.Run publish(Path data, Path state, String... options) throws IOException {
        Path credentials = tmp.resolve("credentials");
        Files.writeString(credentials, "dba:dba\n");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("publish", "--endpoint", base() + "/sparql-graph-crud-auth",
                "--credentials", credentials.toString(), "--state", state.toString()));
        args.addAll(java.util.List.of(options));
        args.add(data.toString());
        return TestCli.run(args.toArray(String[]::new));
    }

    /**
     * Virtuoso keeps an xsd:decimal as a number, not as written: "3.0" comes back as "3". The
     * quads are compared with each decimal in one form (its value, trailing zeros dropped); every
     * other term as it is.
     */
    static Set<Quad> decimalsByValue(Set<Quad> quads) {
        Set<Quad> out = new HashSet<>();
        for (Quad q : quads) {
            org.apache.jena.graph.Node o = q.getObject();
            if (o.isLiteral() && o.getLiteralDatatypeURI().equals(org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal.getURI())) {
                String value = new java.math.BigDecimal(o.getLiteralLexicalForm()).stripTrailingZeros().toPlainString();
                o = org.apache.jena.graph.NodeFactory.createLiteralDT(value, org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal);
            }
            out.add(Quad.create(q.getGraph(), q.getSubject(), q.getPredicate(), o));
        }
        return out;
    }

    static void assertSameQuads(Set<Quad> expectedQuads, Set<Quad> actualQuads, String what) {
        Set<Quad> expected = decimalsByValue(expectedQuads);
        Set<Quad> actual = decimalsByValue(actualQuads);
        Set<String> missing = new TreeSet<>();
        expected.stream().filter(q -> !actual.contains(q)).limit(5).forEach(q -> missing.add(q.toString()));
        Set<String> extra = new TreeSet<>();
        actual.stream().filter(q -> !expected.contains(q)).limit(5).forEach(q -> extra.add(q.toString()));
        assertTrue(missing.isEmpty() && extra.isEmpty() && expected.size() == actual.size(),
                what + ": " + expected.size() + " quads expected, " + actual.size() + " found; missing " + missing + "; extra " + extra);
    }

    @Test
    void publishingTwiceWithDigestLeavesVirtuosoHoldingTheLocalQuads() throws Exception {
        Path corpus = tmp.resolve("corpus");
        CorpusGenerator.generate(corpus, 12, 5);
        // two datasets in one store, each published with its own record (one record would take the second for the first
        // one changed, and delete the graphs of the sources it lacks)
        for (Path data : java.util.List.of(Path.of("data"), corpus)) {
            TestCli.Run first = publish(data, tmp.resolve("state-" + data.getFileName()));
            assertEquals(0, first.code(), first::toString);
            assertTrue(first.err().contains(" graphs, ") && first.err().contains("(0 retries)"), first::toString);
        }
        Set<Quad> expected = local(Path.of("data"));
        expected.addAll(local(corpus));
        // the two datasets share the dataset's graph: the corpus, published last, holds it
        expected.removeIf(q -> q.getGraph().getURI().equals(GRAPHS + "dataset"));
        local(corpus).stream().filter(q -> q.getGraph().getURI().equals(GRAPHS + "dataset")).forEach(expected::add);
        Set<Quad> once = remote();
        assertSameQuads(expected, once, "after the first publish");
        TestCli.Run again = publish(corpus, tmp.resolve("state-" + corpus.getFileName()), "--full");
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.err().startsWith("published 13 graphs"), again::toString);
        assertSameQuads(once, remote(), "publishing again changed the store");
    }

    /**
     * Only the change is sent, to Virtuoso with Digest: as PublishIT's test of the same name, the graphs read back through
     * Virtuoso's authenticated Graph Store (which keeps decimals as numbers: the hashes compare canonical literals).
     * "Someone else" is a colleague who publishes their edit of a sheet from a copy of the data and of the record. 30 sources, not
     * the 1,500, for the build's time (see PublishIT's test).
     */
    @Test
    void onlyTheChangeIsSentAndAGraphSomeoneElseChangedIsNotOverwritten() throws Exception {
        int sources = 30;
        Path corpus = tmp.resolve("corpus");
        CorpusGenerator.generate(corpus, sources, 23);
        long start = System.nanoTime();
        TestCli.Run first = publish(corpus);
        assertEquals(0, first.code(), first::toString);
        assertTrue(first.err().startsWith("published " + (sources + 1) + " graphs, "), first::toString);
        System.out.printf("VirtuosoPublishIT: first publish of %d sources %.1f s%n", sources, (System.nanoTime() - start) / 1e9);
        Set<Quad> once = remote();
        assertSameQuads(local(corpus), once, "after the first publish");

        start = System.nanoTime();
        TestCli.Run second = publish(corpus);
        assertEquals(0, second.code(), second::toString);
        assertTrue(second.err().startsWith("nothing to publish: the " + (sources + 1) + " graphs are as last sent to "), second::toString);
        System.out.printf("VirtuosoPublishIT: publish with nothing changed %.1f s%n", (System.nanoTime() - start) / 1e9);

        PublishIT.edit(corpus, "syn-00007", "revised");
        start = System.nanoTime();
        TestCli.Run edited = publish(corpus);
        assertEquals(0, edited.code(), edited::toString);
        assertTrue(edited.err().startsWith("published 1 graph, ") && edited.err().contains("; 0 deleted, " + sources + " unchanged"), edited::toString);
        System.out.printf("VirtuosoPublishIT: publish of one edited sheet %.1f s%n", (System.nanoTime() - start) / 1e9);
        assertSameQuads(local(corpus), remote(), "after an edit");

        Files.delete(corpus.resolve("part-000/syn-00003.yaml"));
        Files.delete(corpus.resolve("part-000/syn-00003.txt"));
        TestCli.Run removed = publish(corpus);
        assertEquals(0, removed.code(), removed::toString);
        assertTrue(removed.err().startsWith("published 1 graph, ") && removed.err().contains("; 1 deleted, " + (sources - 1) + " unchanged"),
                removed::toString);
        Set<Quad> afterRemoval = remote();
        assertSameQuads(local(corpus), afterRemoval, "after a removal");

        // a colleague has a copy of the data and of the record (say, from the same CI cache)
        Path theirs = tmp.resolve("theirs");
        Path theirState = tmp.resolve("their-state");
        copy(corpus, theirs);
        copy(tmp.resolve("state"), theirState);

        PublishIT.edit(corpus, "syn-00011", "revised");
        TestCli.Run dry = publish(corpus, "--dry-run");
        assertEquals(0, dry.code(), dry::toString);
        assertEquals("PUT changed " + GRAPHS + "syn-00011\n" + (sources - 1) + " unchanged\n", dry.out());
        assertSameQuads(afterRemoval, remote(), "a dry run sent something");

        // and publishes their own edit of that sheet first
        PublishIT.edit(theirs, "syn-00011", "theirs");
        TestCli.Run colleague = publish(theirs, theirState);
        assertEquals(0, colleague.code(), colleague::toString);
        assertTrue(colleague.err().startsWith("published 1 graph, "), colleague::toString);
        Set<Quad> withTheirs = remote();
        TestCli.Run refused = publish(corpus);
        assertEquals(1, refused.code(), refused::toString);
        assertTrue(refused.err().startsWith("aikg: the store's graph " + GRAPHS + "syn-00011 at " + base() + "/sparql-graph-crud-auth is not what "
                + "aikg put there"), refused::toString);
        assertSameQuads(withTheirs, remote(), "the refused publish changed the store");
        TestCli.Run forced = publish(corpus, "--force");
        assertEquals(0, forced.code(), forced::toString);
        assertTrue(forced.err().startsWith("published 1 graph, "), forced::toString);
        assertSameQuads(local(corpus), remote(), "after --force");
    }

    static void copy(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
    }

    @Test
    void wrongCredentialsAreRefusedWithExitThree() throws Exception {
        Path credentials = tmp.resolve("wrong");
        Files.writeString(credentials, "dba:not-the-password\n");
        TestCli.Run run = TestCli.run("publish", "--endpoint", base() + "/sparql-graph-crud-auth", "--credentials", credentials.toString(),
                "--state", tmp.resolve("state").toString(), "data");
        assertEquals(3, run.code(), run::toString);
        assertTrue(run.err().contains("401") && run.err().contains("check the credentials"), run::toString);
    }
}
