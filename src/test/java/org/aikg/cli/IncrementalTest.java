package org.aikg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.aikg.TestCli;
import org.aikg.corpus.CorpusGenerator;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Converting and loading again after one sheet changed reads only that sheet, and gives what a
 * full rebuild from nothing gives: the same bytes, the same quads. The oracle is the full rebuild
 * into a fresh output or store, with no cache.
 */
class IncrementalTest {
    @TempDir
    Path tmp;

    Path corpus;
    Path edited;

    @BeforeEach
    void corpus() throws IOException {
        corpus = tmp.resolve("corpus");
        CorpusGenerator.generate(corpus, 30, 11);
        edited = corpus.resolve("part-000/syn-00007.yaml");
    }

    void editOneSheet() throws IOException {
        String sheet = Files.readString(edited);
        String changed = sheet.replace("Synthetic document syn-00007", "Synthetic document syn-00007, revised");
        assertTrue(!changed.equals(sheet), "the edit must change the sheet");
        Files.writeString(edited, changed);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nq", "ttl", "nt", "trig", "jsonld", "rdf"})
    void convertingAgainAfterAnEditGivesTheBytesOfAFullRebuild(String format) throws IOException {
        Path out = tmp.resolve("out." + format);
        TestCli.Run first = TestCli.run("convert", corpus.toString(), "-o", out.toString());
        assertEquals(0, first.code(), first::toString);
        assertTrue(!first.err().contains("from the cache"), first::toString);
        editOneSheet();
        TestCli.Run again = TestCli.run("convert", corpus.toString(), "-o", out.toString());
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.err().contains("(29 unchanged sheets from the cache)"), again::toString);

        Path fresh = Files.createDirectories(tmp.resolve("fresh")).resolve("out." + format);
        assertEquals(0, TestCli.run("convert", corpus.toString(), "-o", fresh.toString()).code());
        assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(out), "the incremental output differs from a full rebuild");
        assertTrue(Files.readString(out).contains("syn-00007, revised"), "the edit is not in the output");
    }

    /**
     * Converts again after {@code change} and compares with a full rebuild from nothing. A mark put
     * by hand in a part of the output the change does not touch (same size and time) must still be
     * there: the run changed the last output in place rather than writing it whole.
     */
    void convertAgainAfter(String format, Runnable change, String expectCached) throws IOException {
        Path out = tmp.resolve("out." + format);
        assertEquals(0, TestCli.run("convert", corpus.toString(), "-o", out.toString()).code());
        String headline = "Synthetic document syn-00003\"";
        String mark = "Synthetic document syn-0000X\"";
        var time = Files.getLastModifiedTime(out);
        Files.writeString(out, Files.readString(out).replace(headline, mark));
        Files.setLastModifiedTime(out, time);
        change.run();
        TestCli.Run again = TestCli.run("convert", corpus.toString(), "-o", out.toString());
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.err().contains(expectCached), again::toString);
        String written = Files.readString(out);
        assertTrue(written.contains(mark), "the output was written whole, not changed in place");
        Path fresh = Files.createDirectories(tmp.resolve("fresh")).resolve("out." + format);
        TestCli.Run full = TestCli.run("convert", corpus.toString(), "-o", fresh.toString());
        assertEquals(0, full.code(), full::toString);
        assertEquals(Files.readString(fresh), written.replace(mark, headline), "the incremental output differs from a full rebuild");
        // the summary line counts the same sources and triples either way
        assertEquals(counts(full.err()), counts(again.err()), "the summaries differ");
    }

    // A sheet removed takes away the triples only it held; what other sheets also say of the
    // shared places, organisations and publisher stays in the union.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nq", "ttl", "nt"})
    void convertingAgainAfterASheetIsRemovedGivesTheBytesOfAFullRebuild(String format) throws IOException {
        convertAgainAfter(format, () -> {
            delete(edited);
            delete(corpus.resolve("part-000/syn-00007.txt"));
        }, "(29 unchanged sheets from the cache)");
    }

    // A new sheet brings new subjects and says again what others say of shared things.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nq", "ttl", "nt"})
    void convertingAgainAfterASheetIsAddedGivesTheBytesOfAFullRebuild(String format) throws IOException {
        convertAgainAfter(format, () -> {
            try {
                Path text = corpus.resolve("part-000/syn-00007.txt");
                Files.writeString(corpus.resolve("part-000/syn-00099.txt"), Files.readString(text).replace("00007", "00099"));
                Files.writeString(corpus.resolve("part-000/syn-00099.yaml"), Files.readString(edited).replace("00007", "00099"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "(30 unchanged sheets from the cache)");
    }

    // What shows that a run after an edit copies the rest of the last output rather than writing it
    // again: a mark put in the output by hand, in a sheet's part the edit does not touch, is still
    // there afterwards, as long as the output is still the file the cache describes (same size and
    // time). A mark that changes the output's size makes the cache's table stale: the output is then
    // written whole, and the mark is gone.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nq", "ttl", "nt"})
    void aRunAfterAnEditCopiesWhatItDidNotChangeFromTheLastOutput(String format) throws IOException {
        Path out = tmp.resolve("out." + format);
        assertEquals(0, TestCli.run("convert", corpus.toString(), "-o", out.toString()).code());
        String written = Files.readString(out);
        assertTrue(written.contains("Synthetic document syn-00003\""), "the unmarked output lacks the headline to mark");
        var time = Files.getLastModifiedTime(out);
        Files.writeString(out, written.replace("Synthetic document syn-00003\"", "Synthetic document syn-0000X\""));
        Files.setLastModifiedTime(out, time);
        editOneSheet();
        assertEquals(0, TestCli.run("convert", corpus.toString(), "-o", out.toString()).code());
        String again = Files.readString(out);
        assertTrue(again.contains("syn-00007, revised"), "the edit is not in the output");
        assertTrue(again.contains("Synthetic document syn-0000X\""), "the unchanged part was written again, not copied");

        Files.writeString(out, again.replace("Synthetic document syn-0000X\"", "Synthetic document syn-0000XY\""));
        Files.writeString(edited, Files.readString(edited).replace(", revised", ", revised twice"));
        assertEquals(0, TestCli.run("convert", corpus.toString(), "-o", out.toString()).code());
        String whole = Files.readString(out);
        assertTrue(whole.contains("Synthetic document syn-00003\"") && whole.contains("revised twice"), "a stale table was used");
    }

    private static String counts(String summary) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("converted \\d+ sources, \\d+ triples").matcher(summary);
        assertTrue(m.find(), summary);
        return m.group();
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aChangedDescriptorConvertsEverySheetAgain() throws IOException {
        Path out = tmp.resolve("out.nq");
        assertEquals(0, TestCli.run("convert", corpus.toString(), "-o", out.toString()).code());
        Path descriptor = corpus.resolve("dataset.yaml");
        Files.writeString(descriptor, Files.readString(descriptor).replace("https://w3id.org/ai-industry-kg/", "https://example.org/kg/"));
        TestCli.Run again = TestCli.run("convert", corpus.toString(), "-o", out.toString());
        assertEquals(0, again.code(), again::toString);
        assertTrue(!again.err().contains("from the cache"), again::toString);
        assertTrue(Files.readString(out).contains("<https://example.org/kg/id/"), "the new base is not in the output");
        assertTrue(!Files.readString(out).contains("<https://w3id.org/ai-industry-kg/id/"), "the old base is still in the output");
    }

    // A sheet and a text that settled before a run are not read again while their stamps (device,
    // inode, size, times) are unchanged. An edit that keeps the size and puts the old modification
    // time back still changes the change time, which no program can set: the sheet is converted again.
    // (With the change time left out of the stamp this test fails: the unread sheet is taken as unchanged.)
    @Test
    void anEditThatKeepsTheSizeAndTheModificationTimeIsStillSeen() throws Exception {
        settle();
        Path out = tmp.resolve("out.nq");
        TestCli.Run first = TestCli.run("convert", corpus.toString(), "-o", out.toString());
        assertEquals(0, first.code(), first::toString);
        TestCli.Run unchanged = TestCli.run("convert", corpus.toString(), "-o", out.toString());
        assertTrue(unchanged.err().contains("(30 unchanged sheets from the cache)"), unchanged::toString);

        Path text = corpus.resolve("part-000/syn-00003.txt");
        for (var edit : java.util.Map.of(edited, "Synthetic document", text, "SYNTHETIC TEST DOCUMENT").entrySet()) {
            Path file = edit.getKey();
            var time = Files.getLastModifiedTime(file);
            String before = Files.readString(file);
            String after = before.replace(edit.getValue(), edit.getValue().toLowerCase(java.util.Locale.ROOT));
            assertEquals(before.length(), after.length(), "the edit must keep the size");
            assertTrue(!after.equals(before), "the edit must change the file");
            Files.writeString(file, after);
            Files.setLastModifiedTime(file, time);
        }
        TestCli.Run again = TestCli.run("convert", corpus.toString(), "-o", out.toString());
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.err().contains("(28 unchanged sheets from the cache)"), again::toString);
        Path fresh = Files.createDirectories(tmp.resolve("fresh")).resolve("out.nq");
        assertEquals(0, TestCli.run("convert", corpus.toString(), "-o", fresh.toString()).code());
        assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(out), "the incremental output differs from a full rebuild");
    }

    // A sheet touched (new times, same bytes) after its stamp was recorded is hashed, found unchanged,
    // and taken from the cache.
    @Test
    void aTouchedSheetIsTakenFromTheCache() throws Exception {
        settle();
        Path out = tmp.resolve("out.nq");
        assertEquals(0, TestCli.run("convert", corpus.toString(), "-o", out.toString()).code());
        Files.setLastModifiedTime(edited, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        TestCli.Run again = TestCli.run("convert", corpus.toString(), "-o", out.toString());
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.err().contains("(30 unchanged sheets from the cache)"), again::toString);
    }

    // A damaged manifest (here: 2^31 - 1 where the first string's length is, more than any array the
    // JVM allocates) is a cold cache: every sheet converted again, the output a full rebuild's.
    @Test
    void aDamagedManifestConvertsEverySheetAgain() throws IOException {
        Path out = tmp.resolve("out.nq");
        assertEquals(0, TestCli.run("convert", corpus.toString(), "-o", out.toString()).code());
        Path manifest = tmp.resolve(".out.nq.aikg-cache/manifest");
        byte[] bytes = Files.readAllBytes(manifest);
        bytes[0] = 0x7f;
        bytes[1] = (byte) 0xff;
        bytes[2] = (byte) 0xff;
        bytes[3] = (byte) 0xff;
        Files.write(manifest, bytes);
        TestCli.Run again = TestCli.run("convert", corpus.toString(), "-o", out.toString());
        assertEquals(0, again.code(), again::toString);
        assertTrue(!again.err().contains("from the cache"), again::toString);
        Path fresh = Files.createDirectories(tmp.resolve("fresh")).resolve("out.nq");
        assertEquals(0, TestCli.run("convert", corpus.toString(), "-o", fresh.toString()).code());
        assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(out));
    }

    /** Waits until the corpus is older than the cache's margin, so that the first run records its stamps. */
    private static void settle() throws InterruptedException {
        Thread.sleep(3_100);
    }

    @Test
    void aChangedTextConvertsItsSheetAgain() throws IOException {
        Path out = tmp.resolve("out.nq");
        assertEquals(0, TestCli.run("convert", corpus.toString(), "-o", out.toString()).code());
        Path text = corpus.resolve("part-000/syn-00003.txt");
        Files.writeString(text, Files.readString(text).replace("SYNTHETIC TEST DOCUMENT", "SYNTHETIC TEST DOCUMENT (v2)"));
        TestCli.Run again = TestCli.run("convert", corpus.toString(), "-o", out.toString());
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.err().contains("(29 unchanged sheets from the cache)"), again::toString);
        Path fresh = Files.createDirectories(tmp.resolve("fresh")).resolve("out.nq");
        assertEquals(0, TestCli.run("convert", corpus.toString(), "-o", fresh.toString()).code());
        assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(out));
    }

    @Test
    void loadingAgainAfterAnEditWritesOneGraphAndGivesTheQuadsOfAFullLoad() throws IOException {
        Path store = tmp.resolve("store");
        TestCli.Run first = TestCli.run("load", "--tdb2", store.toString(), corpus.toString());
        assertEquals(0, first.code(), first::toString);
        assertTrue(first.err().contains("(31 written, 0 unchanged)"), first::toString);
        editOneSheet();
        TestCli.Run again = TestCli.run("load", "--tdb2", store.toString(), corpus.toString());
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.err().contains("(1 written, 30 unchanged)"), again::toString);

        Path fresh = tmp.resolve("fresh-store");
        assertEquals(0, TestCli.run("load", "--tdb2", fresh.toString(), corpus.toString()).code());
        Set<Quad> incremental = quads(store);
        assertEquals(quads(fresh), incremental, "the store loaded again differs from a store loaded once");
        assertTrue(incremental.stream().anyMatch(q -> q.getObject().isLiteral()
                && q.getObject().getLiteralLexicalForm().equals("Synthetic document syn-00007, revised")), "the edit is not in the store");
    }

    @Test
    void aLoadOfAnRdfFileIsNeverTakenForUnchanged() throws IOException {
        Path store = tmp.resolve("store");
        assertEquals(0, TestCli.run("load", "--tdb2", store.toString(), corpus.toString()).code());
        Path nq = tmp.resolve("edited.nq");
        editOneSheet();
        assertEquals(0, TestCli.run("convert", corpus.toString(), "-o", nq.toString()).code());
        TestCli.Run file = TestCli.run("load", "--tdb2", store.toString(), nq.toString());
        assertEquals(0, file.code(), file::toString);
        assertTrue(file.err().contains("(31 written, 0 unchanged)"), file::toString);
        Path fresh = tmp.resolve("fresh-store");
        assertEquals(0, TestCli.run("load", "--tdb2", fresh.toString(), corpus.toString()).code());
        assertEquals(quads(fresh), quads(store));
    }

    static Set<Quad> quads(Path store) {
        Set<Quad> all = new HashSet<>();
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
        Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(all::add));
        return all;
    }
}
