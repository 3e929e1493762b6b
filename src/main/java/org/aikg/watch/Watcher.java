package org.aikg.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.aikg.AikgException;
import org.aikg.input.Description;
import org.aikg.input.Graphs;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * Watches the data folders (sheets, texts, the descriptor, in every sub-folder) and, once the files
 * have been quiet for a moment (an editor saves in several writes), converts again through the
 * cache, so that only the sheets that changed are read, and tells what changed: the graphs that are
 * new or whose content changed, with their triples, and the graphs that are gone. Data that no
 * longer converts is told as a failure with its message (file, line, column) and the last good data
 * stands: the next change that converts is compared with it.
 *
 * <pre>{@code
 * try (Watcher w = Watcher.start(List.of(Path.of("data")), cache, Duration.ofMillis(200), event -> apply(event))) { ... }
 * }</pre>
 */
public final class Watcher implements AutoCloseable {
    /** What a change of the files gave. */
    public sealed interface Event permits Changed, Failed {}

    /** The graphs that are new or changed, whole, and those gone, with the dataset's description as it now is. */
    public record Changed(Map<Node, List<Triple>> graphs, Set<Node> removed, Description description) implements Event {
        public Changed {
            graphs = Map.copyOf(graphs);
            removed = Set.copyOf(removed);
            Objects.requireNonNull(description, "description");
        }
    }

    /** The data does not convert: the message, as the command line would print it (with its place). */
    public record Failed(String message) implements Event {}

    private final List<Path> inputs;
    private final Path cache;
    private final Duration quiet;
    private final Consumer<Event> listener;
    private final WatchService watch;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Thread thread;
    /** The key of each graph of the last good data. */
    private Map<Node, String> keys;

    private Watcher(List<Path> inputs, Path cache, Duration quiet, Consumer<Event> listener) throws IOException {
        this.inputs = List.copyOf(inputs);
        this.cache = cache;
        this.quiet = quiet;
        this.listener = listener;
        this.watch = FileSystems.getDefault().newWatchService();
        this.keys = keys(graphs());
        for (Path in : inputs) register(Files.isDirectory(in) ? in : in.toAbsolutePath().getParent());
        this.thread = new Thread(this::run, "aikg-watch");
        thread.setDaemon(true);
    }

    /**
     * Starts watching {@code inputs} (the data as it is now is the starting point), converting through
     * the cache in {@code cache}; each change that has been quiet for {@code quiet} is told to {@code listener}.
     */
    public static Watcher start(List<Path> inputs, Path cache, Duration quiet, Consumer<Event> listener) {
        try {
            Watcher w = new Watcher(inputs, cache, quiet, listener);
            w.thread.start();
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + inputs + ": " + e.getMessage(), e);
        }
    }

    private Graphs graphs() {
        return Graphs.of(inputs).cache(cache);
    }

    private static Map<Node, String> keys(Graphs graphs) {
        Map<Node, String> keys = new LinkedHashMap<>();
        graphs.forEachGraph(part -> keys.put(part.name(), part.key() != null ? part.key() : Integer.toHexString(part.triples().hashCode())));
        return keys;
    }

    private void register(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path d : s.filter(Files::isDirectory).toList()) {
                if (d.getFileName() != null && d.getFileName().toString().startsWith(".")) continue;  // the cache, editors' folders
                folders.put(d.register(watch, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), d);
            }
        }
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watch.take();
                boolean relevant = drain(key);
                // quiet: wait until no event has come for the quiet time
                for (WatchKey more = watch.poll(quiet.toMillis(), TimeUnit.MILLISECONDS); more != null;
                        more = watch.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) {
                    relevant |= drain(more);
                }
                if (relevant) listener.accept(convert());
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    /** Takes a key's events; a new folder is watched too. True when one is not about a hidden file (the cache, an editor's swap file). */
    private boolean drain(WatchKey key) {
        boolean relevant = false;
        Path folder = folders.get(key);
        for (WatchEvent<?> e : key.pollEvents()) {
            if (e.kind() == OVERFLOW) {
                relevant = true;
                continue;
            }
            Path name = (Path) e.context();
            if (name.toString().startsWith(".") || name.toString().endsWith("~")) continue;
            relevant = true;
            Path p = folder == null ? name : folder.resolve(name);
            if (e.kind() == ENTRY_CREATE && Files.isDirectory(p)) {
                try {
                    register(p);
                } catch (IOException ex) {
                    listener.accept(new Failed("cannot watch the new folder " + p + ": " + ex.getMessage()));
                }
            }
        }
        if (!key.reset()) folders.remove(key);
        return relevant;
    }

    /** Converts again, and compares with the last good data. */
    private Event convert() {
        try {
            Graphs g = graphs();
            Map<Node, String> now = new LinkedHashMap<>();
            Map<Node, List<Triple>> changed = new LinkedHashMap<>();
            g.forEachGraph(part -> {
                String k = part.key() != null ? part.key() : Integer.toHexString(part.triples().hashCode());
                now.put(part.name(), k);
                if (!k.equals(keys.get(part.name()))) changed.put(part.name(), new ArrayList<>(part.triples()));
            });
            Set<Node> removed = new HashSet<>(keys.keySet());
            removed.removeAll(now.keySet());
            Description d = g.description();
            keys = now;
            return new Changed(changed, removed, d);
        } catch (AikgException | UncheckedIOException e) {
            return new Failed(e.getMessage());
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            watch.close();
        } catch (IOException e) {
            // closing
        }
    }
}
