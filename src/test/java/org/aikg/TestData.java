package org.aikg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
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

    /**
     * A copy of the minimal case ({@code src/test/resources/golden/minimal/data}: dataset.yaml, a sheet
     * naming text.txt) in {@code folder}/data, for a test to edit.
     */
    public static Path minimalDataIn(Path folder) throws IOException {
        Path data = Files.createDirectories(folder.resolve("data"));
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/golden/minimal/data"))) {
            for (Path f : files.toList()) Files.copy(f, data.resolve(f.getFileName()));
        }
        return data;
    }

    /** A dataset (the article's, changed by a test) served as the article's dataset. */
    public static Published published(DatasetGraph dsg) {
        return Published.inMemory(dsg, graphs().description());
    }
}
