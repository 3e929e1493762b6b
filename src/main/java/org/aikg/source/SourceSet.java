package org.aikg.source;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run works on: the dataset descriptor and the fact sheets found in the inputs, in a stable
 * order. Sheets are read one at a time ({@link #read}), so the work in flight stays one source big.
 *
 * <pre>{@code
 * SourceSet set = Sources.scan(List.of(Path.of("data")));
 * for (Path p : set.sheets()) { FactSheet sheet = set.read(p); ... }
 * }</pre>
 */
public record SourceSet(DatasetInfo dataset, List<Path> sheets) {
    public SourceSet {
        requireNonNull(dataset, "dataset");
        sheets = List.copyOf(sheets);
    }

    /** Reads and checks one fact sheet and its text. */
    public FactSheet read(Path sheet) {
        return new SheetReader(sheet).read();
    }
}
