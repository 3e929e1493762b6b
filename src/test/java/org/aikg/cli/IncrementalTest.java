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
