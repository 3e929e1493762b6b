package org.aikg.convert;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.aikg.format.Format;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Writes a whole dataset in the same sorted, byte-stable form as {@code convert}: named graphs in
 * IRI order, triples sorted within each. Used for the downloads of a served dataset.
 *
 * <pre>{@code
 * DatasetWriter.write(dsg, Formats.TURTLE, out, iris.prefixes());
 * }</pre>
 */
public final class DatasetWriter {
    private DatasetWriter() {}

    /**
     * Writes the graphs that {@code graphs} hands over (each sorted) to the file {@code out}, replaced
     * only when all went well, as {@code convert} writes; returns the count written.
     */
    public static long write(Path out, Consumer<Converter.GraphSink> graphs, Format format,
            Map<String, String> prefixes) {
        return OutputFile.check(out).write(os -> SortedOutput.write(graphs, format, os, prefixes));
    }

    /** Writes the named graphs of {@code dsg} (the default graph is taken as their union); returns the count written. */
    public static long write(DatasetGraph dsg, Format format, OutputStream out, Map<String, String> prefixes) {
        return SortedOutput.write(sink -> {
            List<Node> names = new ArrayList<>();
            dsg.listGraphNodes().forEachRemaining(names::add);
            names.sort(TripleOrder::node);
            for (Node g : names) {
                List<Triple> triples = new ArrayList<>();
                dsg.getGraph(g).find().forEachRemaining(triples::add);
                triples.sort(TripleOrder.INSTANCE);
                sink.graph(g, triples);
            }
        }, format, out, prefixes);
    }
}
