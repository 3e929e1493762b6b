package org.aikg.convert;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.aikg.format.Format;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Writes graphs that arrive one at a time, each sorted, in a format: TriG and N-Quads graph by graph
 * as they come; the triple formats as the sorted union, without repeats.
 */
final class SortedOutput {
    private SortedOutput() {}

    /**
     * Writes what {@code source} hands over; returns the number of triples (or quads) written. The
     * format's file writer says how: a quads format graph by graph, a streaming one triple by triple,
     * any other (JSON-LD, RDF/XML) from the union whole in memory.
     */
    static long write(Consumer<Converter.GraphSink> source, Format format, OutputStream out, Map<String, String> prefixes) {
        if (format.quads()) {
            StreamRDF w = StreamRDFWriter.getWriterStream(out, format.fileWriter());
            w.start();
            prefixes.forEach(w::prefix);  // a format without prefixes (N-Quads) ignores them
            // graphs in IRI order, as DatasetWriter writes them: the bytes do not depend on file names
            TreeMap<Node, List<Triple>> graphs = new TreeMap<>(TripleOrder::node);
            source.accept(graphs::put);
            long n = 0;
            for (var e : graphs.entrySet()) {
                for (Triple t : e.getValue()) w.quad(Quad.create(e.getKey(), t));
                n += e.getValue().size();
            }
            w.finish();
            return n;
        }
        List<Triple> union = union(source);
        if (format.streams()) {
            StreamRDF w = StreamRDFWriter.getWriterStream(out, format.fileWriter());
            w.start();
            prefixes.forEach(w::prefix);
            union.forEach(w::triple);
            w.finish();
        } else {
            Graph graph = GraphFactory.createGraphMem();
            union.forEach(graph::add);
            prefixes.forEach(graph.getPrefixMapping()::setNsPrefix);
            RDFWriter.source(graph).format(format.fileWriter()).output(out);
        }
        return union.size();
    }

    /** The union of the graphs: sorted once, repeats dropped. */
    private static List<Triple> union(Consumer<Converter.GraphSink> source) {
        ArrayList<Triple> all = new ArrayList<>();
        source.accept((g, triples) -> all.addAll(triples));
        return union(all).triples();
    }

    /** A sorted union, and how many graphs hold each triple that more than one holds. */
    record Union(List<Triple> triples, Map<Triple, Integer> shared) {}

    /** The union of {@code all} (emptied): sorted once, repeats dropped and counted. */
    static Union union(ArrayList<Triple> all) {
        Triple[] array = all.toArray(new Triple[0]);
        all.clear();
        Arrays.parallelSort(array, TripleOrder.INSTANCE);
        ArrayList<Triple> union = new ArrayList<>(array.length);
        Map<Triple, Integer> shared = new HashMap<>();
        for (Triple t : array) {
            Triple last = union.isEmpty() ? null : union.get(union.size() - 1);
            if (last != null && TripleOrder.INSTANCE.compare(last, t) == 0) shared.merge(last, 2, (was, two) -> was + 1);
            else union.add(t);
        }
        return new Union(union, shared);
    }
}
