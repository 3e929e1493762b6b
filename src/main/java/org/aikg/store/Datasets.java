package org.aikg.store;

import org.aikg.input.Graphs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * Opens the graphs to publish in memory. Each graph stays a named graph, stored once; the default
 * graph is a view of their union, so that queries need no {@code GRAPH} clause.
 *
 * <pre>{@code
 * Published p = Datasets.open(Graphs.of(List.of(Path.of("data"))));
 * }</pre>
 */
public final class Datasets {
    private Datasets() {}

    /** Reads every graph into memory, with the dataset's description. */
    public static Published open(Graphs graphs) {
        return Published.inMemory(read(graphs), graphs.description());
    }

    /** Reads every graph into memory; the default graph is their union. */
    public static DatasetGraph read(Graphs graphs) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        graphs.forEachGraph(part -> {
            for (var t : part.triples()) dsg.add(part.name(), t.getSubject(), t.getPredicate(), t.getObject());
        });
        return new UnionDefaultGraph(dsg);
    }
}
