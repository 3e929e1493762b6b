package org.aikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.aikg.TestCli;
import org.aikg.corpus.CorpusGenerator;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.aikg.input.Graphs;
import org.aikg.store.Datasets;
import org.aikg.store.Tdb2Store;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format aikg writes goes back through every command that reads: {@code convert} → FILE, then
 * {@code validate FILE}, {@code convert FILE}, {@code query NAME FILE}, {@code load --tdb2} and what
 * {@code serve FILE} publishes give the graph of the fact sheets (compared as graphs, counted), on the
 * article and on a corpus of about 7,000 triples, past the readers' parts of 4,096 triples (Jena's JSON-LD
 * reader never says it has finished: its last part was lost). The oracle is the conversion of the sheets in
 * memory, which reads no file.
 */
class FormatRoundTripTest {
    /** Every format aikg writes as a file, from the registry: a new one is in this matrix without an edit here. */
    static final List<String> FORMATS = Formats.FILES.stream().map(Format::suffix).toList();

    @TempDir
    static Path tmp;
    static Path corpus;

    @BeforeAll
    static void corpus() {
        corpus = tmp.resolve("corpus");
        CorpusGenerator.generate(corpus, 30, 7);
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String data : List.of("article", "corpus")) for (String f : FORMATS) out.add(Arguments.of(data, f));
        return out.stream();
    }

    static Path data(String which) {
        return which.equals("article") ? Path.of("data") : corpus;
    }

    @ParameterizedTest(name = "{0} as .{1}")
    @MethodSource("cases")
    void everyCommandReadsBackTheGraphOfTheSheets(String which, String format) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(which + "-" + format));
        DatasetGraph sheets = Datasets.read(Graphs.of(List.of(data(which))));
        Graph expected = sheets.getUnionGraph();
        long triples = expected.size();
        if (which.equals("corpus")) assertTrue(triples > 4_096, "the corpus crosses a part of 4,096 triples: " + triples);

        Path file = dir.resolve("out." + format);
        TestCli.Run convert = TestCli.run("convert", data(which).toString(), "-o", file.toString());
        assertEquals(0, convert.code(), convert.toString());
        everyCommandGivesBack(file, which, expected, dir);
    }

    /**
     * Files aikg did not write: Turtle from Jena's pretty writer with prefixes of other names, and a
     * compact JSON-LD written here with its own local context ({@code @vocab}, a prefix for the things,
     * a term per property), each one graph (the union of the sheets').
     */
    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("foreignCases")
    void everyCommandReadsFilesAikgDidNotWrite(String which, String kind) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(which + "-foreign-" + kind));
        Graph expected = Datasets.read(Graphs.of(List.of(data(which)))).getUnionGraph();
        Path file;
        if (kind.equals("turtle")) {
            file = dir.resolve("foreign.ttl");
            Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
            g.getPrefixMapping().setNsPrefix("s", "http://schema.org/").setNsPrefix("w3", "http://www.w3.org/ns/oa#")
                    .setNsPrefix("k", "https://w3id.org/ai-industry-kg/id/").setNsPrefix("x", "http://www.w3.org/2001/XMLSchema#");
            if (which.equals("corpus")) g.getPrefixMapping().setNsPrefix("k", base(expected) + "id/");
            org.apache.jena.graph.GraphUtil.addInto(g, expected);
            try (var out = Files.newOutputStream(file)) {
                RDFDataMgr.write(out, g, org.apache.jena.riot.RDFFormat.TURTLE_PRETTY);
            }
        } else {
            file = ForeignJsonLd.write(expected, base(expected), dir.resolve("foreign.jsonld"));
        }
        everyCommandGivesBack(file, which, expected, dir);
    }

    static Stream<Arguments> foreignCases() {
        List<Arguments> out = new ArrayList<>();
        for (String data : List.of("article", "corpus")) for (String kind : List.of("turtle", "jsonld")) out.add(Arguments.of(data, kind));
        return out.stream();
    }

    /** The base of the things, from the dataset's void:uriSpace. */
    private static String base(Graph g) {
        String space = g.find(null, org.apache.jena.graph.NodeFactory.createURI("http://rdfs.org/ns/void#uriSpace"), null).next().getObject()
                .getLiteralLexicalForm();
        return space.substring(0, space.length() - "id/".length());
    }

    private static void everyCommandGivesBack(Path file, String which, Graph expected, Path dir) throws Exception {
        long triples = expected.size();
        TestCli.Run validate = TestCli.run("validate", file.toString());
        assertEquals(0, validate.code(), validate.toString());
        assertTrue(validate.out().contains("conforms: " + String.format("%,d", triples) + " triples")
                || validate.out().contains("conforms: " + triples + " triples"), "validate read all " + triples + " triples: " + validate);

        Path again = dir.resolve("again.nq");
        TestCli.Run convertFile = TestCli.run("convert", file.toString(), "-o", again.toString());
        assertEquals(0, convertFile.code(), convertFile.toString());
        assertTrue(IsoMatcher.isomorphic(expected, RDFDataMgr.loadDatasetGraph(again.toString()).getUnionGraph()), "convert " + file.getFileName());

        TestCli.Run query = TestCli.run("query", "statistics", file.toString(), "--format", "tsv");
        TestCli.Run querySheets = TestCli.run("query", "statistics", data(which).toString(), "--format", "tsv");
        assertEquals(0, query.code(), query.toString());
        assertEquals(querySheets.out(), query.out(), "query over " + file.getFileName());

        Path store = dir.resolve("store");
        TestCli.Run load = TestCli.run("load", "--tdb2", store.toString(), file.toString());
        assertEquals(0, load.code(), load.toString());
        DatasetGraph loaded = Tdb2Store.open(store).dsg();
        Txn.executeRead(loaded, () -> {
            assertEquals(triples, loaded.getUnionGraph().size(), "load " + file.getFileName());
            assertTrue(IsoMatcher.isomorphic(expected, loaded.getUnionGraph()), "load " + file.getFileName());
        });

        DatasetGraph served = Datasets.open(Graphs.of(List.of(file))).dsg();
        Txn.executeRead(served, () -> assertTrue(IsoMatcher.isomorphic(expected, served.getUnionGraph()), "serve " + file.getFileName()));
    }
}
