package org.aikg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.aikg.TestCli;
import org.aikg.corpus.CorpusGenerator;
import org.aikg.input.Graphs;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Tdb2StoreTest {
    @TempDir
    Path tmp;

    /** A copy of the store's quads, read in a transaction and the store released. */
    static DatasetGraph contents(Path store) {
        DatasetGraph copy = DatasetGraphFactory.createGeneral();
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
        Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(copy::add));
        return copy;
    }

    @Test
    void loadingTwiceGivesTheSameStoreAsTheConvertedGraphs() {
        Path store = tmp.resolve("store");
        assertEquals(0, TestCli.run("load", "--tdb2", store.toString(), "data").code());
        DatasetGraph once = contents(store);
        TestCli.Run again = TestCli.run("load", "--tdb2", store.toString(), "data");
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.err().startsWith("loaded 2 graphs, 312 quads"), again::toString);
        DatasetGraph twice = contents(store);
        assertTrue(IsoMatcher.isomorphic(once, twice), "a second load changed the store");
        DatasetGraph golden = RDFDataMgr.loadDatasetGraph("src/test/resources/golden/article/expected.trig");
        assertTrue(IsoMatcher.isomorphic(golden, twice), "the store does not hold the converted graphs");
    }

    @Test
    void aStoreWrittenOutsideALoadIsWrittenWholeByTheNextLoadAndServesNothingKeptOfItsOldContent() {
        Path store = tmp.resolve("store");
        assertEquals(0, TestCli.run("load", "--tdb2", store.toString(), "data").code());
        assertTrue(Tdb2Store.open(store).version().isPresent());
        Tdb2Store.changedElsewhere(store);  // what serve --watch records before it writes a change into the store
        Published changed = Tdb2Store.open(store);
        assertEquals(Optional.empty(), changed.version(), "no counts or downloads kept of the old content");
        assertEquals(Optional.empty(), changed.searchIndex(), "no search index of the old content");
        Tdb2Store.Stats again = Tdb2Store.load(store, Graphs.of(List.of(Path.of("data"))));
        assertEquals(2, again.graphs());
        assertEquals(0, again.unchanged(), "every graph written again");
        // the search index is made again; the store gets no version (it may hold graphs no load wrote), so starts count it afresh
        assertTrue(Tdb2Store.open(store).searchIndex().isPresent());
    }

    @Test
    void loadWritesTheSearchIndexBesideTheStore() {
        Path store = tmp.resolve("store");
        assertEquals(0, TestCli.run("load", "--tdb2", store.toString(), "data").code());
        try (org.aikg.search.SearchIndex index = org.aikg.search.SearchIndex.open(Tdb2Store.searchIndex(store))) {
            assertEquals("https://w3id.org/ai-industry-kg/id/place/tianjin", index.search("天津", 5).get(0).thing().getURI());
        }
    }

    @Test
    void aFailedLoadLeavesTheStoreAsItWas() throws IOException {
        Path store = tmp.resolve("store");
        Path corpus = tmp.resolve("corpus");
        CorpusGenerator.generate(corpus, 6, 7);
        assertEquals(0, TestCli.run("load", "--tdb2", store.toString(), "data").code());
        DatasetGraph before = contents(store);
        // the fifth sheet quotes a sentence its text does not have: nothing of the other five may land
        Path bad = corpus.resolve("part-000/syn-00004.yaml");
        Files.writeString(bad, Files.readString(bad).replace("was held in", "was hosted in"));
        TestCli.Run run = TestCli.run("load", "--tdb2", store.toString(), corpus.toString());
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("syn-00004.yaml:"), run::toString);
        assertTrue(IsoMatcher.isomorphic(before, contents(store)), "the failed load changed the store");
    }

    @Test
    void keepGoingLoadsTheGoodSourcesAndListsTheBad() throws IOException {
        Path store = tmp.resolve("store");
        Path corpus = tmp.resolve("corpus");
        CorpusGenerator.generate(corpus, 5, 11);
        Path bad = corpus.resolve("part-000/syn-00002.yaml");
        Files.writeString(bad, Files.readString(bad).replace("unit: NUM", "unit: NUMS"));
        TestCli.Run run = TestCli.run("load", "--tdb2", store.toString(), corpus.toString(), "--keep-going");
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("left out: ") && run.err().contains("syn-00002.yaml:"), run::toString);
        DatasetGraph loaded = contents(store);
        assertEquals(5, count(loaded), "4 sources and the dataset's graph");
    }

    @Test
    void anEmptyStoreLoadedInBulkHoldsTheQuadsOfAStoreWhoseEveryGraphWasReplaced() {
        Path corpus = tmp.resolve("corpus");
        Path earlier = tmp.resolve("earlier");
        CorpusGenerator.generate(corpus, 8, 7);
        CorpusGenerator.generate(earlier, 8, 8);  // the same sources' names, other content
        Path bulk = tmp.resolve("bulk");
        TestCli.Run fresh = TestCli.run("load", "--tdb2", bulk.toString(), corpus.toString());
        assertEquals(0, fresh.code(), fresh::toString);
        Path replaced = tmp.resolve("replaced");
        assertEquals(0, TestCli.run("load", "--tdb2", replaced.toString(), earlier.toString()).code());
        TestCli.Run again = TestCli.run("load", "--tdb2", replaced.toString(), corpus.toString());
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.err().contains("(8 written, 1 unchanged)"), again::toString);  // the dataset's graph is the same
        DatasetGraph loaded = contents(bulk);
        assertTrue(IsoMatcher.isomorphic(contents(replaced), loaded), "the store loaded in bulk differs from the store whose graphs were replaced");
        Path nq = tmp.resolve("corpus.nq");
        assertEquals(0, TestCli.run("convert", corpus.toString(), "-o", nq.toString()).code());
        assertTrue(IsoMatcher.isomorphic(RDFDataMgr.loadDatasetGraph(nq.toString()), loaded), "the store loaded in bulk does not hold the converted graphs");
        // the search index entered as the quads went by, and the one read back from the store: the same things found
        // (not the same scores, nor so the same best name of each: the replaced store's index still counts its deleted entries)
        try (var a = org.aikg.search.SearchIndex.open(Tdb2Store.searchIndex(bulk));
                var b = org.aikg.search.SearchIndex.open(Tdb2Store.searchIndex(replaced))) {
            for (String text : List.of("syn", "Synthetic document syn-00003", "synthetic", "合成", "ai")) {
                assertEquals(found(b, text), found(a, text), text);
            }
            assertEquals(8, found(a, "Synthetic document").stream().filter(h -> h.contains("/id/article/")).count(), "each source's article");
        }
    }

    private static java.util.Set<String> found(org.aikg.search.SearchIndex index, String text) {
        return index.search(text, 100_000).stream().map(h -> h.thing().getURI()).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aLoadIntoAnEmptyStoreThatFailsHalfWayLeavesItEmptyAndLoadable() throws IOException {
        Path nq = tmp.resolve("dump.nq");
        assertEquals(0, TestCli.run("convert", "data", "-o", nq.toString()).code());
        Path bad = tmp.resolve("bad.nq");
        Files.writeString(bad, Files.readString(nq) + "<https://example.org/s> not a quad .\n");
        Path store = tmp.resolve("store");
        TestCli.Run run = TestCli.run("load", "--tdb2", store.toString(), bad.toString());
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains(bad + ": not valid N-Quads"), run::toString);
        assertEquals(0, contents(store).stream().count(), "the failed load left quads in the store");
        try (org.aikg.search.SearchIndex index = org.aikg.search.SearchIndex.open(Tdb2Store.searchIndex(store))) {
            assertEquals(List.of(), index.search("天津", 5), "the failed load left names in the search index");
        }
        TestCli.Run good = TestCli.run("load", "--tdb2", store.toString(), nq.toString());
        assertEquals(0, good.code(), good::toString);
        assertTrue(IsoMatcher.isomorphic(RDFDataMgr.loadDatasetGraph(nq.toString()), contents(store)), "the load after the failed one");
        try (org.aikg.search.SearchIndex index = org.aikg.search.SearchIndex.open(Tdb2Store.searchIndex(store))) {
            assertEquals("https://w3id.org/ai-industry-kg/id/place/tianjin", index.search("天津", 5).get(0).thing().getURI());
        }
    }

    private static long count(DatasetGraph dsg) {
        long n = 0;
        for (var it = dsg.listGraphNodes(); it.hasNext(); it.next()) n++;
        return n;
    }

    @Test
    void loadsAnNQuadsDump() {
        Path nq = tmp.resolve("dump.nq");
        assertEquals(0, TestCli.run("convert", "data", "-o", nq.toString()).code());
        Path store = tmp.resolve("store");
        TestCli.Run run = TestCli.run("load", "--tdb2", store.toString(), nq.toString());
        assertEquals(0, run.code(), run::toString);
        assertTrue(IsoMatcher.isomorphic(RDFDataMgr.loadDatasetGraph(nq.toString()), contents(store)));
    }

    @Test
    void servingTheStoreServesTheSameGraphAsServingTheData() throws Exception {
        Path store = tmp.resolve("store");
        assertEquals(0, TestCli.run("load", "--tdb2", store.toString(), "data").code());
        var memory = org.aikg.server.AikgServer.builder(Datasets.open(org.aikg.input.Graphs.of(List.of(Path.of("data"))))).port(0).build().start();
        var tdb2 = org.aikg.server.AikgServer.builder(Tdb2Store.open(store)).port(0).build().start();
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            for (String path : List.of("/download/aikg.ttl", "/download/aikg.nq", "/doc/observation/cn-ai-core-industry-scale-2023.ttl",
                    "/doc/place/china?lang=zh", "/queries/statistics")) {
                byte[][] bodies = new byte[2][];
                int i = 0;
                for (var server : List.of(memory, tdb2)) {
                    var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + server.port() + path))
                            .header("Accept", "text/html").build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                    assertEquals(200, r.statusCode(), path);
                    bodies[i++] = r.body();
                }
                assertEquals(new String(bodies[0], java.nio.charset.StandardCharsets.UTF_8), new String(bodies[1], java.nio.charset.StandardCharsets.UTF_8), path);
            }
            // the dataset's description, counts included, is the same graph (Jena's pretty Turtle orders it as each graph iterates)
            org.apache.jena.graph.Graph[] voids = new org.apache.jena.graph.Graph[2];
            int i = 0;
            for (var server : List.of(memory, tdb2)) {
                voids[i++] = RDFDataMgr.loadGraph("http://localhost:" + server.port() + "/dataset.ttl");
            }
            assertTrue(IsoMatcher.isomorphic(voids[0], voids[1]), "/dataset differs");
        } finally {
            memory.stop();
            tdb2.stop();
        }
    }

    @Test
    void aTurtleFileLoadsIntoAGraphOfItsOwnAndIsServed() throws Exception {
        Path ttl = tmp.resolve("dump.ttl");
        assertEquals(0, TestCli.run("convert", "data", "-o", ttl.toString()).code());
        Path store = tmp.resolve("store");
        assertEquals(0, TestCli.run("load", "--tdb2", store.toString(), ttl.toString()).code());
        DatasetGraph dsg = Tdb2Store.open(store).dsg();
        Txn.executeRead(dsg, () -> assertTrue(IsoMatcher.isomorphic(RDFDataMgr.loadGraph(ttl.toString()), dsg.getUnionGraph())));
        var inMemory = Datasets.read(org.aikg.input.Graphs.of(List.of(ttl)));
        var out = new java.io.ByteArrayOutputStream();
        org.aikg.convert.DatasetWriter.write(inMemory, org.aikg.format.Formats.TURTLE, out, java.util.Map.of());
        var reread = org.apache.jena.sparql.graph.GraphFactory.createGraphMem();
        org.apache.jena.riot.RDFParser.source(new java.io.ByteArrayInputStream(out.toByteArray())).lang(org.apache.jena.riot.Lang.TURTLE).parse(reread);
        assertTrue(IsoMatcher.isomorphic(RDFDataMgr.loadGraph(ttl.toString()), reread), "the download of a served Turtle file is its graph");
    }

    @Test
    void servingAStoreNeedsOneThatExists() {
        TestCli.Run run = TestCli.run("serve", "--tdb2", tmp.resolve("nothing-here").toString(), "--port", "0");
        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("no TDB2 store at"), run::toString);
    }
}
