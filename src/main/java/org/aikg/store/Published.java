package org.aikg.store;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.aikg.input.Description;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * A dataset opened for publishing: its quads (the default graph the union of the named graphs),
 * what the input said the dataset is, and, for a store, the folder beside the data where what is
 * derived from it (counts, downloads) is kept under {@code version}, a name of the store's content.
 *
 * <pre>{@code
 * Published p = Tdb2Store.open(Path.of("store"));      // or Datasets.open(Graphs.of(List.of(Path.of("data"))))
 * AikgServer.builder(p).port(3030).build().start();
 * }</pre>
 *
 * @param folder where derived files may be kept, or empty (an in-memory dataset: a temporary folder is used)
 * @param version names the content (equal versions, equal quads), or empty when unknown
 * @param loaded when the content was loaded: the time of the load that made a store, else of opening
 */
public record Published(DatasetGraph dsg, Description description, Optional<Path> folder, Optional<String> version, Instant loaded) {
    public Published {
        requireNonNull(dsg, "dsg");
        requireNonNull(description, "description");
        requireNonNull(folder, "folder");
        requireNonNull(version, "version");
        if (version.isPresent() && !version.get().matches("[0-9a-f]{8,64}")) throw new IllegalArgumentException("bad version \"" + version.get() + "\"");
        requireNonNull(loaded, "loaded");
    }

    /** The search index of the names and labels kept in a store's folder (written by its loads). */
    public static Path searchIndexIn(Path folder) {
        return folder.resolve("search");
    }

    /** The search index a store's loads keep beside it, if there is one. */
    public Optional<Path> searchIndex() {
        return folder.map(Published::searchIndexIn).filter(Files::isDirectory);
    }

    /** A dataset held in memory, opened now, with nowhere beside it to keep derived files. */
    public static Published inMemory(DatasetGraph dsg, Description description) {
        return new Published(dsg, description, Optional.empty(), Optional.empty(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
}
