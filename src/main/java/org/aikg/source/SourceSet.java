package org.aikg.source;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run works on: the dataset descriptor, the fact sheets found in the inputs, in a stable
 * order, and the data folders they lie in. Sheets are read one at a time ({@link #read}), so the
 * work in flight stays one source big.
 *
 * <p>A sheet's text must be a regular file inside its data folder, links resolved: the outermost
 * of {@code roots} (the folder of {@code dataset.yaml}, each DATA folder given, the folder of each
 * sheet given by name) that holds the sheet. So a sheet cannot make aikg read, quote or publish
 * {@code /etc/passwd}, {@code /proc/self/environ} or a file a link points to outside the data.
 *
 * <pre>{@code
 * SourceSet set = Sources.scan(List.of(Path.of("data")));
 * for (Path p : set.sheets()) { FactSheet sheet = set.read(p); ... }
 * }</pre>
 */
public record SourceSet(DatasetInfo dataset, List<Path> sheets, List<Path> roots) {
    public SourceSet {
        requireNonNull(dataset, "dataset");
        sheets = List.copyOf(sheets);
        roots = roots.stream().map(SourceSet::real).toList();
    }

    /** The sheets of a dataset whose data folder is the descriptor's folder. */
    public SourceSet(DatasetInfo dataset, List<Path> sheets) {
        this(dataset, sheets, List.of(dataset.file().toAbsolutePath().getParent()));
    }

    /** Reads and checks one fact sheet and its text. */
    public FactSheet read(Path sheet) {
        return new SheetReader(sheet, root(sheet)).read();
    }

    /** The data folder of a sheet: the outermost root that holds it (its own folder if none does). */
    Path root(Path sheet) {
        Path real = real(sheet);
        Path best = null;
        for (Path r : roots) {
            if (real.startsWith(r) && (best == null || best.startsWith(r))) best = r;
        }
        return best != null ? best : real.getParent();
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
