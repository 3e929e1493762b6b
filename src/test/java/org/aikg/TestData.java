package org.aikg;

import java.nio.file.Path;
import java.util.List;
import org.aikg.input.Graphs;
import org.aikg.store.Datasets;
import org.aikg.store.Published;
import org.apache.jena.sparql.core.DatasetGraph;

/** The article's data as the tests use it: converted in memory, as a dataset or ready to serve. */
public final class TestData {
    private TestData() {}

    /** The fact sheets of {@code data/}. */
    public static Graphs graphs() {
        return Graphs.of(List.of(Path.of("data")));
    }

    /** The article's graphs, in memory (the default graph their union). */
    public static DatasetGraph dataset() {
        return Datasets.read(graphs());
    }

    /** The article's graphs, ready to serve. */
    public static Published published() {
        return Datasets.open(graphs());
    }

    /** A dataset (the article's, changed by a test) served as the article's dataset. */
    public static Published published(DatasetGraph dsg) {
        return Published.inMemory(dsg, graphs().description());
    }
}
