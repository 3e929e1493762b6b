package org.aikg.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.aikg.source.Sources;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each folder under {@code golden/} is a case: its {@code data/} (or, for "article", the project's
 * own {@code data/}) converts to a dataset isomorphic, graph by graph, to its {@code expected.trig}.
 */
class GoldenGraphTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(GOLDEN)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    static Path input(String name) {
        Path own = GOLDEN.resolve(name).resolve("data");
        return Files.isDirectory(own) ? own : Path.of("data");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void convertsToTheExpectedGraphs(String name) {
        DatasetGraph expected = RDFDataMgr.loadDatasetGraph(GOLDEN.resolve(name).resolve("expected.trig").toString());
        DatasetGraph actual = DatasetGraphFactory.createGeneral();
        Converter.of(Sources.scan(List.of(input(name)))).forEachGraph((g, triples) -> triples.forEach(t -> actual.add(Quad.create(g, t))));

        assertEquals(names(expected), names(actual), name + ": the named graphs differ");
        for (Node g : names(expected)) {
            Graph e = expected.getGraph(g);
            Graph a = actual.getGraph(g);
            assertTrue(IsoMatcher.isomorphic(e, a), () -> name + ": graph " + g + " differs from expected.trig\n" + diff(e, a));
        }
    }

    private static List<Node> names(DatasetGraph dsg) {
        List<Node> out = new ArrayList<>();
        for (Iterator<Node> it = dsg.listGraphNodes(); it.hasNext();) out.add(it.next());
        out.sort(TripleOrder::node);
        return out;
    }

    private static String diff(Graph expected, Graph actual) {
        StringBuilder b = new StringBuilder();
        expected.find().forEachRemaining(t -> { if (!actual.contains(t)) b.append("  missing: ").append(t).append('\n'); });
        actual.find().forEachRemaining(t -> { if (!expected.contains(t)) b.append("  unexpected: ").append(t).append('\n'); });
        return b.toString();
    }
}
