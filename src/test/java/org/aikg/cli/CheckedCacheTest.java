package org.aikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.aikg.TestCli;
import org.aikg.TestCli.Run;
import org.aikg.corpus.CorpusGenerator;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The convert cache is checked, never trusted: a cached graph that is not what convert wrote (swapped,
 * edited, cut short, replaced by a FIFO, a folder or a link) is converted again from its sheet, with a
 * note, and the output is a clean rebuild's; a link or a special file at the cache's own path is
 * refused, and nothing outside the output's folder is written or removed. Every case runs the command
 * line as a user does; the oracle is a rebuild from nothing into another folder, compared as a dataset.
 * The tests that meet a FIFO have a timeout: a regression that opens one blocks, and must fail rather than hang.
 */
class CheckedCacheTest {
    private static final int SHEETS = 12;

    @TempDir
    Path tmp;

    Path corpus;
    Path out;
    Path cache;
    /** A folder beside the output's, where links point: what is in it must be left as it is. */
    Path elsewhere;

    @BeforeEach
    void aCorpusAndAFolderElsewhere() throws IOException {
        corpus = tmp.resolve("corpus");
        CorpusGenerator.generate(corpus, SHEETS, 5);
        out = Files.createDirectory(tmp.resolve("out")).resolve("out.trig");
        cache = out.getParent().resolve(".out.trig.aikg-cache");
        elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("manifest.delta"), "not the cache's\n");
        Files.createDirectory(elsewhere.resolve("graphs"));
        Files.writeString(elsewhere.resolve("graphs/0123.rt"), "not the cache's either\n");
    }

    Run convert(String... more) {
        List<String> args = new ArrayList<>(List.of("convert", corpus.toString(), "-o", out.toString()));
        args.addAll(List.of(more));
        return TestCli.run(args.toArray(new String[0]));
    }

    /** The first run, which fills the cache. */
    void fillTheCache() {
        Run first = convert();
        assertEquals(0, first.code(), first::toString);
        assertTrue(Files.isRegularFile(cache.resolve("manifest")), "the first run made no cache");
    }

    // ---- a damaged graph file

    /** What a damage does to the graph file of syn-00003, given the graph file of syn-00004. */
    @FunctionalInterface
    interface Damage {
        void apply(CheckedCacheTest test, Path graph, Path other) throws Exception;
    }

    static Stream<Arguments> damages() {
        return Stream.of(
                damage("swapped for another sheet's graph", "does not match the hash its manifest records",
                        (t, graph, other) -> Files.copy(other, graph, java.nio.file.StandardCopyOption.REPLACE_EXISTING)),
                damage("edited (a headline changed, a valid graph of as many triples)", "does not match the hash its manifest records",
                        (t, graph, other) -> Files.write(graph, edited(graph))),
                damage("one byte flipped", "does not match the hash its manifest records", (t, graph, other) -> flipAByte(graph)),
                damage("truncated", "does not match the hash its manifest records",
                        (t, graph, other) -> Files.write(graph, java.util.Arrays.copyOf(Files.readAllBytes(graph), (int) Files.size(graph) * 2 / 3))),
                damage("missing", "is missing", (t, graph, other) -> Files.delete(graph)),
                damage("a folder", "is a folder, not a file convert wrote", (t, graph, other) -> {
                    Files.delete(graph);
                    Files.createDirectory(graph);
                    Files.writeString(graph.resolve("inside"), "a file in the folder\n");
                }),
                damage("a FIFO", "is a FIFO (named pipe), not a file convert wrote", (t, graph, other) -> {
                    Files.delete(graph);
                    t.mkfifo(graph);
                }),
                damage("a link to another sheet's graph outside", null, (t, graph, other) -> {
                    Path target = Files.copy(other, t.elsewhere.resolve("other.rt"));
                    Files.delete(graph);
                    Files.createSymbolicLink(graph, target);
                }));
    }

    private static Arguments damage(String name, String reason, Damage d) {
        return Arguments.of(Named.of(name, d), reason);
    }

    @ParameterizedTest(name = "a graph file {0}")
    @MethodSource("damages")
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aDamagedGraphFileIsConvertedAgainWithANoteAndTheOutputIsAsACleanRebuild(Damage damage, String reason) throws Exception {
        fillTheCache();
        Path graph = graphFileOf("syn-00003");
        damage.apply(this, graph, graphFileOf("syn-00004"));
        if (reason == null) reason = "is a symbolic link (to " + elsewhere.resolve("other.rt") + "), not a file convert wrote";
        Map<String, String> outside = contents(elsewhere);

        Run again = convert();
        assertEquals(0, again.code(), again::toString);
        assertEquals(List.of("aikg: note: the cache's graph of " + corpus.resolve("part-000/syn-00003.yaml") + " (" + graph + ") " + reason
                + "; the sheet was converted again"), notes(again), again::toString);
        assertTrue(again.err().contains("(" + (SHEETS - 1) + " unchanged sheets from the cache)"), again::toString);
        assertIsACleanRebuild(again);
        assertEquals(outside, contents(elsewhere), "a file outside the output's folder was written or removed");

        Run third = convert();
        assertEquals(List.of(), notes(third), "the cache entry was not written again: " + third);
        assertTrue(third.err().contains("(" + SHEETS + " unchanged sheets from the cache)"), third::toString);
        assertTrue(Files.isRegularFile(graph, java.nio.file.LinkOption.NOFOLLOW_LINKS), "the damaged graph file was not replaced");
        assertIsACleanRebuild(third);
    }

    /** load converts through a cache of its own (DIR/aikg/cache), checked alike, and says so. */
    @Test
    void loadConvertsADamagedGraphAgainAndSaysSo() throws Exception {
        Path first = tmp.resolve("first");
        Run load = TestCli.run("load", "--tdb2", first.toString(), corpus.toString());
        assertEquals(0, load.code(), load::toString);
        Path second = tmp.resolve("second");
        copyFolder(first.resolve("aikg/cache"), Files.createDirectories(second.resolve("aikg")).resolve("cache"));
        cache = second.resolve("aikg/cache");
        Path graph = graphFileOf("syn-00003");
        flipAByte(graph);

        Run again = TestCli.run("load", "--tdb2", second.toString(), corpus.toString());
        assertEquals(0, again.code(), again::toString);
        assertEquals(List.of("aikg: note: the cache's graph of " + corpus.resolve("part-000/syn-00003.yaml") + " (" + graph + ") "
                + "does not match the hash its manifest records; the sheet was converted again"), notes(again), again::toString);
        DatasetGraph a = org.aikg.store.Tdb2Store.open(first).dsg();
        DatasetGraph b = org.aikg.store.Tdb2Store.open(second).dsg();
        org.apache.jena.system.Txn.executeRead(a, () -> org.apache.jena.system.Txn.executeRead(b,
                () -> assertTrue(org.apache.jena.sparql.util.IsoMatcher.isomorphic(a, b), "the second store is not the first's")));
    }

    // ---- links and special files at the cache's path and inside it

    @Test
    void aLinkAtTheCachePathIsRefusedNotFollowedAndWhatItPointsToIsLeftAlone() throws IOException {
        Files.createSymbolicLink(cache, elsewhere);
        Map<String, String> outside = contents(elsewhere);
        Run run = convert();
        assertEquals(2, run.code(), run::toString);
        assertEquals("aikg: the cache " + cache + " is a symbolic link (to " + elsewhere + "); convert does not follow links: remove the link, "
                + "and the next run makes the cache afresh\n", run.err());
        assertEquals(outside, contents(elsewhere), "a file the link points to was written or removed");
        assertEquals(elsewhere, Files.readSymbolicLink(cache), "the link was changed");
        assertFalse(Files.exists(out), "an output was written");
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoAtTheCachePathIsRefusedAndLeftAFifo() throws Exception {
        mkfifo(cache);
        Run run = convert();
        assertEquals(2, run.code(), run::toString);
        assertEquals("aikg: the cache " + cache + " is a FIFO (named pipe), not a folder; remove it, and the next run makes the cache afresh\n",
                run.err());
        assertEquals(0010000, (Integer) Files.getAttribute(cache, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS) & 0170000);
        assertFalse(Files.exists(out), "an output was written");
    }

    // The folder of graphs made a link to a copy elsewhere, one graph in it swapped: followed, that
    // sheet would take the other's triples, and the unused graphs there would be removed.
    @Test
    void aLinkInPlaceOfTheFolderOfGraphsIsNotFollowedAndEverySheetIsConvertedAgain() throws IOException {
        fillTheCache();
        Path graphs = cache.resolve("graphs");
        Path copy = elsewhere.resolve("graphs-copy");
        copyFolder(graphs, copy);
        Files.copy(graphFileOf("syn-00004"), copy.resolve(graphFileOf("syn-00003").getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        removeFolder(graphs);
        Files.createSymbolicLink(graphs, copy);
        Map<String, String> outside = contents(elsewhere);

        Run again = convert();
        assertEquals(0, again.code(), again::toString);
        assertEquals(List.of("aikg: note: the cache's folder " + graphs + " is a symbolic link (to " + copy + "), not a folder convert made; "
                + "every sheet was converted again"), notes(again), again::toString);
        assertFalse(again.err().contains("from the cache"), again::toString);
        assertIsACleanRebuild(again);
        assertEquals(outside, contents(elsewhere), "a file outside the output's folder was written or removed");
        assertTrue(Files.isDirectory(graphs, java.nio.file.LinkOption.NOFOLLOW_LINKS), "the link was not replaced by a folder");

        Run third = convert();
        assertEquals(List.of(), notes(third), third::toString);
        assertTrue(third.err().contains("(" + SHEETS + " unchanged sheets from the cache)"), third::toString);
    }

    // A manifest that is a FIFO: reading it would wait for a writer that never comes.
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoInPlaceOfTheManifestIsNotOpenedAndEverySheetIsConvertedAgain() throws Exception {
        fillTheCache();
        Path manifest = cache.resolve("manifest");
        Files.delete(manifest);
        mkfifo(manifest);
        Run again = convert();
        assertEquals(0, again.code(), again::toString);
        assertEquals(List.of("aikg: note: the cache's manifest " + manifest + " is a FIFO (named pipe), not a file convert wrote; every sheet "
                + "was converted again"), notes(again), again::toString);
        assertFalse(again.err().contains("from the cache"), again::toString);
        assertIsACleanRebuild(again);
        assertTrue(Files.isRegularFile(manifest, java.nio.file.LinkOption.NOFOLLOW_LINKS), "the FIFO was not replaced by a manifest");
    }

    // The manifest names the text of syn-00003, which is now a FIFO: hashing it to see whether it
    // changed would wait for a writer. The sheet is read again instead, and refused as a clean run refuses it.
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aTextTheManifestNamesThatIsNowAFifoIsNotOpenedAndItsSheetIsLeftOutAsInACleanRun() throws Exception {
        fillTheCache();
        Path text = corpus.resolve("part-000/syn-00003.txt");
        Files.delete(text);
        mkfifo(text);
        Run again = convert("--keep-going");
        assertEquals(1, again.code(), again::toString);
        Run fresh = rebuild("--keep-going");
        assertEquals(1, fresh.code(), fresh::toString);
        assertEquals(leftOut(fresh), leftOut(again));
        assertEquals(1, leftOut(again).size(), again::toString);
        assertTrue(again.err().contains("(" + (SHEETS - 1) + " unchanged sheets from the cache)"), again::toString);
        assertSameDataset(again, fresh);
    }

    // ---- the oracle

    /** Converts the corpus into a fresh folder, with no cache. */
    Run rebuild(String... more) throws IOException {
        Path fresh = tmp.resolve("fresh");
        if (Files.exists(fresh)) removeFolder(fresh);
        Path freshOut = Files.createDirectory(fresh).resolve("out.trig");
        List<String> args = new ArrayList<>(List.of("convert", corpus.toString(), "-o", freshOut.toString()));
        args.addAll(List.of(more));
        return TestCli.run(args.toArray(new String[0]));
    }

    void assertIsACleanRebuild(Run run) throws IOException {
        Run fresh = rebuild();
        assertEquals(0, fresh.code(), fresh::toString);
        assertSameDataset(run, fresh);
    }

    /** The output is the rebuild's, as a dataset; both summaries count the quads the output holds. */
    void assertSameDataset(Run run, Run fresh) {
        DatasetGraph written = RDFDataMgr.loadDatasetGraph(out.toString(), Lang.TRIG);
        DatasetGraph expected = RDFDataMgr.loadDatasetGraph(tmp.resolve("fresh/out.trig").toString(), Lang.TRIG);
        assertTrue(IsoMatcher.isomorphic(expected, written), "the output differs from a clean rebuild's");
        long quads = org.apache.jena.atlas.iterator.Iter.count(written.find());
        assertEquals("converted " + (SHEETS - leftOut(fresh).size()) + " sources, " + quads + " triples", counts(fresh.err()), fresh::toString);
        assertEquals(counts(fresh.err()), counts(run.err()), "the summary does not count what was written");
    }

    // ---- helpers

    /** The graph file of the sheet whose id is {@code id}: the one whose graph holds its headline. */
    Path graphFileOf(String id) throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve("graphs"))) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(".rt"))
                    .filter(f -> RDFDataMgr.loadGraph(f.toString(), Lang.RDFTHRIFT).find().toList().stream()
                            .anyMatch(t -> t.getObject().equals(NodeFactory.createLiteralLang("Synthetic document " + id, "en"))))
                    .toList();
            assertEquals(1, found.size(), "graph files of " + id + ": " + found);
            return found.get(0);
        }
    }

    /** The graph of {@code file} with its headline changed: as many triples, all valid. */
    static byte[] edited(Path file) {
        Graph g = RDFDataMgr.loadGraph(file.toString(), Lang.RDFTHRIFT);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        StreamRDF w = StreamRDFWriter.getWriterStream(b, RDFFormat.RDF_THRIFT_VALUES);
        w.start();
        for (Triple t : g.find().toList()) {
            boolean headline = t.getObject().isLiteral() && t.getObject().getLiteralLexicalForm().startsWith("Synthetic document syn-");
            w.triple(headline ? Triple.create(t.getSubject(), t.getPredicate(), NodeFactory.createLiteralLang("Synthetic document, edited", "en")) : t);
        }
        w.finish();
        return b.toByteArray();
    }

    /** Changes the "S" of the headline to "s": the file still reads as a graph, a different one. */
    static void flipAByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] headline = "Synthetic document syn-".getBytes(StandardCharsets.UTF_8);
        int at = indexOf(bytes, headline);
        assertTrue(at >= 0, "no headline in " + file);
        bytes[at] ^= 0x20;
        Files.write(file, bytes);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) return i;
        }
        return -1;
    }

    /** Makes a FIFO with mkfifo; where there is no mkfifo the test is skipped, except on CI, where it fails. */
    void mkfifo(Path p) throws Exception {
        Process proc = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertTrue(proc.waitFor(30, TimeUnit.SECONDS));
        if ("true".equals(System.getenv("CI"))) assertEquals(0, proc.exitValue(), "cannot run mkfifo on CI");
        org.junit.jupiter.api.Assumptions.assumeTrue(proc.exitValue() == 0, "cannot run mkfifo here");
    }

    /** Every file under {@code folder} (links not followed) and its bytes, as Latin-1 text; a link's entry is its target. */
    static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.toList()) {
                String name = folder.relativize(p).toString();
                if (Files.isSymbolicLink(p)) all.put(name, "-> " + Files.readSymbolicLink(p));
                else if (Files.isRegularFile(p)) all.put(name, new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                else all.put(name + "/", "");
            }
        }
        return all;
    }

    static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) Files.copy(p, to.resolve(from.relativize(p).toString()));
        }
    }

    static void removeFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    static List<String> notes(Run run) {
        return run.err().lines().filter(l -> l.startsWith("aikg: note: ")).toList();
    }

    static List<String> leftOut(Run run) {
        return run.err().lines().filter(l -> l.startsWith("aikg: left out: ")).toList();
    }

    static String counts(String summary) {
        Matcher m = Pattern.compile("converted \\d+ sources, \\d+ triples").matcher(summary);
        assertTrue(m.find(), summary);
        return m.group();
    }
}
