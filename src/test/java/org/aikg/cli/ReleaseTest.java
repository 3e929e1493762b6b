package org.aikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.aikg.TestCli.Run;
import org.aikg.TestCli;
import org.aikg.TestData;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Releases through the command line: each an immutable folder of dumps and an RDF Patch which,
 * applied by Jena's own patch reader to the previous release, gives this one (the oracle is Jena's
 * RDFPatchOps, not aikg); version notes counted by hand from the edit made between two releases.
 */
class ReleaseTest {
    static final String KG = "https://example.org/kg/";

    @TempDir
    Path tmp;

    private Path minimalData() throws IOException {
        return TestData.minimalDataIn(tmp);
    }

    private static Set<Quad> quads(DatasetGraph dsg) {
        Set<Quad> out = new HashSet<>();
        dsg.find().forEachRemaining(out::add);
        return out;
    }

    private static DatasetGraph applied(DatasetGraph before, Path patch) throws IOException {
        DatasetGraph dsg = DatasetGraphFactory.create();
        before.find().forEachRemaining(dsg::add);
        try (InputStream in = Files.newInputStream(patch)) {
            RDFPatchOps.applyChange(dsg, in);
        }
        return dsg;
    }

    @Test
    void twoReleasesEachPatchAppliedToWhatCameBeforeGivesTheReleaseAndTheNotesCountTheEdit() throws IOException {
        Path data = minimalData();
        Path releases = tmp.resolve("releases");
        Run first = TestCli.run("release", "1.0", data.toString(), "-o", releases.toString(), "--date", "2024-06-20");
        assertEquals(0, first.code(), first::toString);
        Path one = releases.resolve("1.0");
        for (String f : List.of("ttl", "nt", "jsonld", "rdf", "trig", "nq", "rdfp")) {
            assertTrue(Files.isRegularFile(one.resolve(f.equals("rdfp") ? "changes.rdfp" : "aikg." + f)), f);
        }
        DatasetGraph r1 = RDFDataMgr.loadDatasetGraph(one.resolve("aikg.nq").toString());
        assertEquals(quads(r1), quads(applied(DatasetGraphFactory.create(), one.resolve("changes.rdfp"))), "the first patch is the release");

        // the edit: Acme's name changed, the claim removed (its passage goes with it)
        Path sheet = data.resolve("sheet.yaml");
        String text = Files.readString(sheet, StandardCharsets.UTF_8);
        String edited = text.replace("      en: Acme\n", "      en: Acme Widgets\n");
        edited = edited.substring(0, edited.indexOf("claims:"));
        assertTrue(edited.length() < text.length() && edited.contains("Acme Widgets"));
        Files.writeString(sheet, edited, StandardCharsets.UTF_8);

        Run second = TestCli.run("release", "1.1", data.toString(), "-o", releases.toString(), "--date", "2024-07-01");
        assertEquals(0, second.code(), second::toString);
        Path two = releases.resolve("1.1");
        DatasetGraph r2 = RDFDataMgr.loadDatasetGraph(two.resolve("aikg.nq").toString());
        assertEquals(quads(r2), quads(applied(r1, two.resolve("changes.rdfp"))), "release 1.0 patched is not release 1.1");
        assertEquals("1.0\t2024-06-20\n1.1\t2024-07-01\n", Files.readString(releases.resolve("releases.tsv")));

        Node meta = NodeFactory.createURI(KG + "graph/dataset");
        Node v11 = NodeFactory.createURI(KG + "dataset/1.1");
        // by hand: one claim removed; one thing changed (Acme, renamed); nothing added; no statistic touched
        assertTrue(r2.contains(meta, v11, NodeFactory.createURI("http://www.w3.org/ns/adms#versionNotes"),
                NodeFactory.createLiteralLang("statistics: 0 added, 0 changed, 0 removed; claims: 0 added, 0 changed, 1 removed; "
                        + "things: 0 added, 1 changed, 0 removed", "en")), () -> String.valueOf(r2.getGraph(meta)));
        assertTrue(r2.contains(meta, v11, NodeFactory.createURI("http://www.w3.org/ns/dcat#previousVersion"),
                NodeFactory.createURI(KG + "dataset/1.0")));
        assertTrue(r2.contains(meta, v11, NodeFactory.createURI("http://purl.org/dc/terms/issued"),
                NodeFactory.createLiteralDT("2024-07-01", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate)));
        // the history is carried forward: 1.1's dumps still describe 1.0
        Node dataset = NodeFactory.createURI(KG + "dataset");
        for (String v : List.of("1.0", "1.1")) {
            assertTrue(r2.contains(meta, dataset, NodeFactory.createURI("http://www.w3.org/ns/dcat#hasVersion"), NodeFactory.createURI(KG + "dataset/" + v)), v);
        }
        assertTrue(second.err().contains("from 1.0, statistics: 0 added, 0 changed, 0 removed; claims: 0 added, 0 changed, 1 removed;"), second::toString);
    }

    @Test
    void aReleaseThatExistsIsNeverWrittenAgain() throws IOException {
        Path data = minimalData();
        Path releases = tmp.resolve("releases");
        assertEquals(0, TestCli.run("release", "1.0", data.toString(), "-o", releases.toString(), "--date", "2024-06-20").code());
        byte[] before = Files.readAllBytes(releases.resolve("1.0/aikg.nq"));
        Run again = TestCli.run("release", "1.0", data.toString(), "-o", releases.toString(), "--date", "2024-06-21");
        assertEquals(2, again.code(), again::toString);
        assertEquals("aikg: release 1.0 exists already in " + releases + " (a release is never written again: give another version)\n",
                again.err().lines().filter(l -> l.startsWith("aikg:")).findFirst().orElse("") + "\n");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(releases.resolve("1.0/aikg.nq"))));
        assertEquals("1.0\t2024-06-20\n", Files.readString(releases.resolve("releases.tsv")));
    }

    @Test
    void dataThatDoesNotConformIsNotReleased() throws IOException {
        Path out = tmp.resolve("out.nq");
        assertEquals(0, TestCli.run("convert", minimalData().toString(), "-o", out.toString()).code());
        Path bad = tmp.resolve("bad.nq");
        String nq = Files.readString(out);
        // a passage's end moved one code point: its offsets no longer slice its quote, nor is its suffix just after it (two problems)
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<http://www.w3.org/ns/oa#end> \"(\\d+)\"").matcher(nq);
        assertTrue(m.find());
        Files.writeString(bad, nq.substring(0, m.start(1)) + (Integer.parseInt(m.group(1)) + 1) + nq.substring(m.end(1)));
        Path releases = tmp.resolve("releases");
        Run run = TestCli.run("release", "1.0", bad.toString(), "-o", releases.toString());
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("aikg: not released: the graph does not conform to the shapes (2 problems)"), run::toString);
        assertFalse(Files.exists(releases.resolve("1.0")));
        assertFalse(Files.exists(releases.resolve("releases.tsv")));
    }

    @Test
    void aVersionNameThatCannotBeAFolderIsRefused() throws IOException {
        Path releases = tmp.resolve("releases");
        for (String bad : List.of("..", "../x", "a/b", ".hidden", "")) {
            Run run = TestCli.run("release", bad, minimalData().toString(), "-o", releases.toString());
            assertEquals(2, run.code(), bad + ": " + run);
            assertTrue(run.err().startsWith("aikg: bad version \"" + bad + "\""), run::toString);
            Files.walk(tmp.resolve("data")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertFalse(Files.exists(releases));
    }
}
