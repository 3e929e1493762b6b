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
 * Two kinds of golden graphs (see {@code golden/README.md}). The regression snapshots: each folder
 * under {@code golden/} with an {@code expected.trig}, made by the converter, whose {@code data/} (or,
 * for "article", the project's own {@code data/}) must still convert to a dataset isomorphic, graph by
 * graph, to it. The hand-checked graphs: each folder under {@code golden/hand-checked/}, whose
 * {@code expected.ttl} a person wrote and checked against MODEL.md, and which the source's graph must
 * equal.
 */
class GoldenGraphTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path HAND_CHECKED = GOLDEN.resolve("hand-checked");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(GOLDEN)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("expected.trig"))).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    static Stream<String> handChecked() throws IOException {
        try (Stream<Path> s = Files.list(HAND_CHECKED)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("expected.ttl"))).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handChecked")
    void convertsToTheGraphWrittenAndCheckedByHand(String name) {
        Path dir = HAND_CHECKED.resolve(name);
        Graph expected = RDFDataMgr.loadGraph(dir.resolve("expected.ttl").toString());
        Converter converter = Converter.of(Sources.scan(List.of(dir.resolve("data"))));
        Graph actual = org.apache.jena.sparql.graph.GraphFactory.createGraphMem();
        converter.forEachGraph((g, triples) -> {
            if (!g.equals(converter.iris().metadataGraph())) triples.forEach(actual::add);
        });
        assertTrue(IsoMatcher.isomorphic(expected, actual), () -> name + ": the source's graph differs from the hand-written expected.ttl\n"
                + diff(expected, actual));
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
