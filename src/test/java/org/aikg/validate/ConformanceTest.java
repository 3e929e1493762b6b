package org.aikg.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.aikg.TestCli;
import org.aikg.store.Datasets;
import org.aikg.vocab.Vocab;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConformanceTest {
    @Test
    void theArticlesDataConformsToTheShapes() {
        Graph g = Datasets.read(org.aikg.input.Graphs.of(List.of(Path.of("data")))).getDefaultGraph();
        Validator.Result r = Validator.bundled().validate(g, Vocab.standardPrefixes());
        assertTrue(r.conforms(), () -> String.join("\n", r.lines()));
    }

    @Test
    void validateCommandSaysTheArticleConforms() {
        TestCli.Run run = TestCli.run("validate", "data");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().startsWith("conforms: "), run::toString);
    }

    static java.util.stream.Stream<Path> goldenData() throws java.io.IOException {
        try (var s = java.nio.file.Files.walk(Path.of("src/test/resources/golden"))) {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(Path.of("data")),
                    s.filter(p -> p.getFileName().toString().equals("data") && java.nio.file.Files.isDirectory(p)).sorted().toList().stream());
        }
    }

    /** Whatever convert writes, validate accepts: the converter checks what the shapes check. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("goldenData")
    void everyGoldenCaseConvertsToAConformingGraph(Path data) {
        TestCli.Run run = TestCli.run("validate", data.toString());
        assertEquals(0, run.code(), run::toString);
    }

    /** A source that names a month gives a month (xsd:gYearMonth), which the shapes accept as a date. */
    @Test
    void aStatisticDatedByItsMonthConforms(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path minimal = Path.of("src/test/resources/golden/minimal/data");
        for (String f : List.of("dataset.yaml", "text.txt")) java.nio.file.Files.copy(minimal.resolve(f), tmp.resolve(f));
        java.nio.file.Files.writeString(tmp.resolve("sheet.yaml"),
                java.nio.file.Files.readString(minimal.resolve("sheet.yaml")).replace("    date: 2023\n", "    date: 2023-06\n"));
        TestCli.Run run = TestCli.run("validate", tmp.toString());
        assertEquals(0, run.code(), run::toString);
    }

    @Test
    void acceptsTheTwinOfTheBrokenGraphs() {
        Graph g = RDFDataMgr.loadGraph("src/test/resources/conforming/one-observation.ttl");
        Validator.Result r = Validator.bundled().validate(g, Vocab.standardPrefixes());
        assertTrue(r.conforms(), () -> String.join("\n", r.lines()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            value-and-bound.ttl   | an observation has either a point value (Exact/Approximately) or a bound only, never both
            bound-with-value.ttl  | an observation has either a point value (Exact/Approximately) or a bound only, never both
            no-unit.ttl           | schema:unitCode
            two-english-names.ttl | schema:name
            """)
    void rejectsAGraphThatBreaksTheModel(String file, String expected) {
        Path p = Path.of("src/test/resources/nonconforming", file);
        Validator.Result r = Validator.bundled().validate(RDFDataMgr.loadGraph(p.toString()), Vocab.standardPrefixes());
        assertFalse(r.conforms());
        assertTrue(r.lines().stream().anyMatch(l -> l.contains(expected)), () -> String.join("\n", r.lines()));

        TestCli.Run run = TestCli.run("validate", p.toString());
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("does not conform"), run::toString);
    }
}
