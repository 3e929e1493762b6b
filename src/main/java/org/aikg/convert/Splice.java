package org.aikg.convert;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * An output that a run after an edit changes in place rather than writing whole ({@link NQuadsSplice},
 * {@link UnionSplice}): it writes the run's graphs, copying what did not change from the last output,
 * and once the output is in place records what the next run needs in the cache folder.
 */
interface Splice {
    /** One graph of the run: its key (null: unknown), its size, and its triples, read when needed. */
    record Part(String key, long size, Supplier<List<Triple>> triples) {}

    /** Writes {@code graphs} (in IRI order) to {@code out}; returns how many triples (or quads) it wrote. */
    long write(TreeMap<Node, Part> graphs, OutputStream out) throws IOException;

    /** Records what the next run needs of the output {@link #write} made, now in place. */
    void save();
}
