package org.aikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aikg.TestCli;
import org.aikg.corpus.CorpusGenerator;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many sources in sub-folders: a generated corpus, with and without a bad sheet among the good ones. */
class ManySourcesTest {
    @TempDir
    static Path corpus;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generate() {
        CorpusGenerator.generate(corpus, 120, 3);
    }

    @Test
    void convertsEverySourceIntoItsOwnGraphAndTheCorpusConforms() {
        Path out = tmp.resolve("out.trig");
        TestCli.Run run = TestCli.run("convert", corpus.toString(), "-o", out.toString());
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.err().startsWith("converted 120 sources, "), run::toString);
        DatasetGraph dsg = RDFDataMgr.loadDatasetGraph(out.toString());
        long graphs = 0;
        for (var it = dsg.listGraphNodes(); it.hasNext(); it.next()) graphs++;
        assertEquals(121, graphs, "a graph per source and the dataset's");
        TestCli.Run validate = TestCli.run("validate", corpus.toString());
        assertEquals(0, validate.code(), validate::toString);
    }

    @Test
    void oneBadSheetAmongManyStopsTheRunWithItsPlaceAndWritesNothing() throws IOException {
        Path copy = copyWithOneBadSheet();
        Path out = tmp.resolve("out.ttl");
        TestCli.Run run = TestCli.run("convert", copy.toString(), "-o", out.toString());
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("part-000/syn-00042.yaml:"), run::toString);
        assertTrue(run.err().contains("unknown unit \"yuans\""), run::toString);
        assertFalse(Files.exists(out));
    }

    @Test
    void keepGoingWritesTheGoodSourcesAndListsTheBad() throws IOException {
        Path copy = copyWithOneBadSheet();
        Path out = tmp.resolve("out.trig");
        TestCli.Run run = TestCli.run("convert", copy.toString(), "-o", out.toString(), "--keep-going");
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().startsWith("converted 59 sources, "), run::toString);
        assertTrue(run.err().contains("aikg: left out: ") && run.err().contains("syn-00042.yaml:"), run::toString);
        assertTrue(run.err().contains("1 source was left out"), run::toString);
        DatasetGraph dsg = RDFDataMgr.loadDatasetGraph(out.toString());
        assertFalse(dsg.containsGraph(org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/ai-industry-kg/graph/syn-00042")));
        assertTrue(dsg.containsGraph(org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/ai-industry-kg/graph/syn-00043")));
    }

    @Test
    void aFailedRunToStandardOutputWritesNothingThere() throws IOException {
        Path copy = copyWithOneBadSheet();
        TestCli.Run run = TestCli.run("convert", copy.toString(), "-o", "-", "--format", "nq");
        assertEquals(1, run.code(), run::toString);
        assertEquals(0, run.outBytes().length, "quads reached standard output before the failure");
    }

    @Test
    void twoSheetsWithOneSourceIdAreRefused() throws IOException {
        Path copy = tmp.resolve("dup");
        CorpusGenerator.generate(copy, 3, 5);
        Path second = copy.resolve("part-000/syn-00001.yaml");
        Files.writeString(second, Files.readString(second).replaceFirst("id: syn-00001", "id: syn-00000"));
        TestCli.Run run = TestCli.run("convert", copy.toString(), "-o", tmp.resolve("o.ttl").toString());
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("duplicate source id \"syn-00000\""), run::toString);
    }

    private Path copyWithOneBadSheet() throws IOException {
        Path copy = tmp.resolve("corpus");
        CorpusGenerator.generate(copy, 60, 3);
        Path bad = copy.resolve("part-000/syn-00042.yaml");
        Files.writeString(bad, Files.readString(bad).replaceFirst("unit: CNY", "unit: yuans"));
        return copy;
    }
}
