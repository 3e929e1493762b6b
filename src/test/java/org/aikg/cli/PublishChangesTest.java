package org.aikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.aikg.FakeGraphStore;
import org.aikg.TestCli;
import org.aikg.TestCli.Run;
import org.aikg.corpus.CorpusGenerator;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aikg publish} sends only the change since it last published to a store: against an in-memory Graph Store on
 * loopback ({@link FakeGraphStore}) that logs every request, with a corpus of 30 sources. What the store holds
 * afterwards is compared, as a dataset (isomorphism), with what {@code aikg convert} makes of the same data.
 */
class PublishChangesTest {
    static final String GRAPHS = "https://w3id.org/ai-industry-kg/graph/";
    static final String EDITED = GRAPHS + "syn-00007";
    static final String REMOVED = GRAPHS + "syn-00003";
    static final String DATASET = GRAPHS + "dataset";
    static final int SOURCES = 30;

    @TempDir
    Path tmp;

    Path corpus;
    Path state;
    FakeGraphStore store;

    @BeforeEach
    void publishOnce() throws IOException {
        corpus = tmp.resolve("corpus");
        CorpusGenerator.generate(corpus, SOURCES, 17);
        state = tmp.resolve("state");
        store = new FakeGraphStore();
        Run first = publish();
        assertEquals(0, first.code(), first::toString);
        assertEquals(SOURCES + 1, store.count("PUT"), "the first publish puts every graph");
        assertEquals(List.of(), store.log().stream().filter(l -> !l.startsWith("PUT ")).toList(), "nothing recorded yet, so nothing to check");
        store.clearLog();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    Run publish(String... options) {
        List<String> args = new ArrayList<>(List.of("publish", "--endpoint", store.url(), "--state", state.toString()));
        args.addAll(List.of(options));
        args.add(corpus.toString());
        return TestCli.run(args.toArray(String[]::new));
    }

    void editSheet() throws IOException {
        Path sheet = corpus.resolve("part-000/syn-00007.yaml");
        String before = Files.readString(sheet);
        String after = before.replace("Synthetic document syn-00007", "Synthetic document syn-00007, revised");
        assertFalse(after.equals(before), "the edit must change the sheet");
        Files.writeString(sheet, after);
    }

    void removeSheet() throws IOException {
        Files.delete(corpus.resolve("part-000/syn-00003.yaml"));
        Files.delete(corpus.resolve("part-000/syn-00003.txt"));
    }

    DatasetGraph local() {
        Path nq = tmp.resolve("local-" + System.nanoTime() + ".nq");
        Run convert = TestCli.run("convert", corpus.toString(), "-o", nq.toString());
        assertEquals(0, convert.code(), convert::toString);
        return RDFDataMgr.loadDatasetGraph(nq.toString());
    }

    void assertStoreHoldsTheLocalConversion() {
        assertTrue(IsoMatcher.isomorphic(local(), store.copy()), "the store's graphs differ from the local conversion");
    }

    @Test
    void aSecondPublishSendsNothingAndSaysSo() {
        Run again = publish();
        assertEquals(0, again.code(), again::toString);
        assertEquals(List.of(), store.log(), "requests");
        assertTrue(again.err().startsWith("nothing to publish: the " + (SOURCES + 1) + " graphs are as last sent to " + store.url() + " ("),
                again::toString);
    }

    @Test
    void oneEditedSheetIsOnePutAfterReadingBackTheGraphItReplaces() throws IOException {
        editSheet();
        Run run = publish();
        assertEquals(0, run.code(), run::toString);
        assertEquals(List.of("GET " + EDITED, "PUT " + EDITED), store.log());
        assertTrue(run.err().startsWith("published 1 graph, ") && run.err().contains("; 0 deleted, " + SOURCES + " unchanged"), run::toString);
        assertStoreHoldsTheLocalConversion();
    }

    @Test
    void oneRemovedSheetIsOneDeleteAndTheDatasetGraphThatListedIt() throws IOException {
        removeSheet();
        Run run = publish();
        assertEquals(0, run.code(), run::toString);
        assertEquals(1, store.count("DELETE"), store.log()::toString);
        assertTrue(store.log().contains("DELETE " + REMOVED), store.log()::toString);
        assertEquals(List.of("PUT " + DATASET), store.log().stream().filter(l -> l.startsWith("PUT ")).toList(), "the dataset's graph lists the sources");
        assertTrue(run.err().startsWith("published 1 graph, ") && run.err().contains("; 1 deleted, " + (SOURCES - 1) + " unchanged"), run::toString);
        assertFalse(store.graphs().contains(NodeFactory.createURI(REMOVED)), "the removed source's graph is gone");
        assertStoreHoldsTheLocalConversion();
    }

    @Test
    void aDryRunPrintsThePlanAndSendsNothingThenThePublishSendsThatPlan() throws IOException {
        editSheet();
        removeSheet();
        DatasetGraph before = store.copy();
        Run dry = publish("--dry-run");
        assertEquals(0, dry.code(), dry::toString);
        assertEquals(List.of(), store.log(), "a dry run sends nothing, not even a read");
        assertTrue(IsoMatcher.isomorphic(before, store.copy()));
        assertEquals(List.of("DELETE removed " + REMOVED, "PUT changed " + DATASET, "PUT changed " + EDITED, (SOURCES - 2) + " unchanged"),
                sortedPlan(dry.out()));
        assertTrue(dry.err().startsWith("dry run: 2 PUTs and 1 DELETE for " + store.url() + ", " + (SOURCES - 2) + " graphs unchanged; nothing sent"),
                dry::toString);
        Run run = publish();
        assertEquals(0, run.code(), run::toString);
        assertEquals(List.of("DELETE " + REMOVED, "PUT " + DATASET, "PUT " + EDITED),
                store.log().stream().filter(l -> !l.startsWith("GET ")).sorted().toList(), "what the plan said");
        assertStoreHoldsTheLocalConversion();
    }

    /** The plan's lines with its PUTs and DELETEs sorted (it lists them in the order the data gives them), the count last. */
    static List<String> sortedPlan(String out) {
        List<String> lines = out.lines().toList();
        List<String> changes = new ArrayList<>(lines.subList(0, lines.size() - 1));
        changes.sort(null);
        changes.add(lines.get(lines.size() - 1));
        return changes;
    }

    @Test
    void aGraphSomeoneElseChangedIsNotOverwrittenUntilForced() throws IOException {
        Node edited = NodeFactory.createURI(EDITED);
        store.dataset().add(edited, SSE.parseNode("<http://example.org/s>"), SSE.parseNode("<http://example.org/p>"), SSE.parseNode("'theirs'"));
        DatasetGraph theirs = store.copy();
        editSheet();
        Run refused = publish();
        assertEquals(1, refused.code(), refused::toString);
        assertEquals(List.of("GET " + EDITED), store.log(), "read back, and nothing sent");
        assertTrue(IsoMatcher.isomorphic(theirs, store.copy()), "the store was changed");
        assertEquals("aikg: the store's graph " + EDITED + " at " + store.url() + " is not what aikg put there: it holds "
                + theirs.getGraph(edited).size() + " triples, aikg put " + (theirs.getGraph(edited).size() - 1) + " triples (recorded in "
                + recordFile() + "); someone else changed it. Nothing more was sent. To replace it with the data's all the same, publish with "
                + "--force\n", refused.err());

        Run forced = publish("--force");
        assertEquals(0, forced.code(), forced::toString);
        assertEquals(List.of("GET " + EDITED, "PUT " + EDITED), store.log(), "--force reads nothing back");
        assertStoreHoldsTheLocalConversion();
    }

    @Test
    void aGraphSomeoneElseRemovedIsReportedGone() throws IOException {
        store.dataset().getGraph(NodeFactory.createURI(EDITED)).clear();
        editSheet();
        Run refused = publish();
        assertEquals(1, refused.code(), refused::toString);
        assertTrue(refused.err().startsWith("aikg: the store's graph " + EDITED + " at " + store.url() + " is gone: aikg put "), refused::toString);
        assertTrue(refused.err().endsWith(". To put it back all the same, publish with --force\n"), refused::toString);
        assertEquals(List.of("GET " + EDITED), store.log());
    }

    @Test
    void fullSendsEveryGraphAndForceSkipsTheReadsBack() {
        Run full = publish("--full");
        assertEquals(0, full.code(), full::toString);
        assertEquals(SOURCES + 1, store.count("PUT"));
        assertEquals(SOURCES + 1, store.count("GET"), "each graph is read back before it is replaced");
        store.clearLog();
        Run forced = publish("--full", "--force");
        assertEquals(0, forced.code(), forced::toString);
        assertEquals(SOURCES + 1, store.count("PUT"));
        assertEquals(0, store.count("GET"));
        assertStoreHoldsTheLocalConversion();
    }

    @Test
    void aPublishCutShortRecordsWhatWasSentAndTheNextSendsTheRest() throws IOException {
        editSheet();
        Files.writeString(corpus.resolve("part-000/syn-00011.yaml"), Files.readString(corpus.resolve("part-000/syn-00011.yaml"))
                .replace("Synthetic document syn-00011", "Synthetic document syn-00011, revised"));
        removeSheet();
        store.refusing(EDITED);
        Run cut = publish();
        assertEquals(3, cut.code(), cut::toString);
        assertTrue(cut.err().contains("the store refused " + EDITED + ": 400 refused for the test"), cut::toString);
        long sentBefore = store.log().stream().filter(l -> l.startsWith("PUT ") && !l.equals("PUT " + EDITED)).count();
        store.refusing(null);
        store.clearLog();
        Run rest = publish();
        assertEquals(0, rest.code(), rest::toString);
        assertEquals(3 - sentBefore, store.count("PUT"), "the PUTs the cut-short publish had not made: " + store.log());
        assertEquals(1, store.count("DELETE"), store.log()::toString);
        assertStoreHoldsTheLocalConversion();
        store.clearLog();
        assertEquals(0, publish().code());
        assertEquals(List.of(), store.log());
    }

    @Test
    void graphsNoLongerInTheDataAreKeptWhenSourcesWereLeftOut() throws IOException {
        removeSheet();
        Path sheet = corpus.resolve("part-000/syn-00012.yaml");
        Files.writeString(sheet, Files.readString(sheet).replace("source:", "source: [broken"));
        Run run = publish("--keep-going");
        assertEquals(1, run.code(), run::toString);
        assertEquals(0, store.count("DELETE"), store.log()::toString);
        assertTrue(run.err().contains("; 2 graphs no longer in the data kept, as sources were left out"), run::toString);
    }

    /**
     * The record is a text file, one per store, that says for each graph the SHA-256 of its triples as sorted N-Triples
     * lines. The expected hashes are made here from {@code aikg convert}'s N-Quads: each graph's lines, the graph's name
     * cut off, sorted, hashed (the corpus's literals are already in canonical form).
     */
    @Test
    void theRecordHoldsTheSha256OfEachGraphsSortedNTriplesLines() throws Exception {
        Path nq = tmp.resolve("all.nq");
        assertEquals(0, TestCli.run("convert", corpus.toString(), "-o", nq.toString()).code());
        Map<String, List<String>> lines = new TreeMap<>();
        for (String line : Files.readAllLines(nq, StandardCharsets.UTF_8)) {
            int graph = line.lastIndexOf(" <");
            String name = line.substring(graph + 2, line.length() - 3);
            lines.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(0, graph) + " .\n");
        }
        List<String> expected = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : lines.entrySet()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            e.getValue().stream().sorted().forEach(l -> sha.update(l.getBytes(StandardCharsets.UTF_8)));
            expected.add(HexFormat.of().formatHex(sha.digest()) + "\t" + e.getValue().size() + "\t" + e.getKey());
        }
        List<String> record;
        try (Stream<Path> files = Files.list(state)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all::toString);
            record = Files.readAllLines(all.get(0), StandardCharsets.UTF_8);
        }
        assertTrue(record.get(0).startsWith("# aikg publish: "), record.get(0));
        assertEquals("store\t" + store.url(), record.get(1));
        assertEquals(expected, record.subList(2, record.size()));
    }

    @Test
    void eachStoreHasItsOwnRecord() throws IOException {
        try (FakeGraphStore other = new FakeGraphStore()) {
            Run run = TestCli.run("publish", "--endpoint", other.url(), "--state", state.toString(), corpus.toString());
            assertEquals(0, run.code(), run::toString);
            assertEquals(SOURCES + 1, other.count("PUT"), "a store with no record gets every graph");
            assertEquals(List.of(), store.log());
        }
        try (Stream<Path> files = Files.list(state)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void aRecordThatIsNotOneIsRefusedNamingItsLine() throws IOException {
        Path record = recordFile();
        List<String> lines = new ArrayList<>(Files.readAllLines(record));
        lines.set(3, "not a line of a record");
        Files.write(record, lines);
        Run run = publish();
        assertEquals(3, run.code(), run::toString);
        assertEquals("aikg: " + record + ":4: not a publish record aikg wrote: expected \"SHA-256<tab>TRIPLES<tab>GRAPH\" or \"store<tab>URL\"; "
                + "remove it to publish everything again\n", run.err());
        assertEquals(List.of(), store.log());
    }

    Path recordFile() throws IOException {
        try (Stream<Path> files = Files.list(state)) {
            return files.findFirst().orElseThrow();
        }
    }
}
