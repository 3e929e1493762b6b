package org.aikg.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.aikg.AikgException;
import org.aikg.AtomicFile;
import org.aikg.DataException;
import org.aikg.UsageException;
import org.aikg.input.Description;
import org.aikg.input.Graphs;
import org.aikg.search.SearchIndex;
import org.aikg.vocab.Vocab;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.loader.sequential.LoaderNodeTupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * A TDB2 store of the published graph: each source's named graph, the dataset's graph, and the
 * union of them as the default graph for queries. A load replaces each graph it brings, all in one
 * write transaction: loading again gives the same store, and a load that fails leaves the store
 * as it was. Beside the data, in {@code DIR/aikg/}, the load keeps what the server needs without
 * reading the whole store: the dataset's description, the key of each graph (so that a graph whose
 * sheet did not change is not written again), the cache of converted sheets, and a version naming
 * the store's content, and the search index of the names and labels.
 *
 * <pre>{@code
 * Tdb2Store.Stats s = Tdb2Store.load(Path.of("store"), Graphs.of(List.of(Path.of("data"))));
 * Published p = Tdb2Store.open(Path.of("store"));
 * }</pre>
 */
public final class Tdb2Store {
    /** What a load did: graphs handed over, of them those unchanged and kept, quads, time, sources left out. */
    public record Stats(int graphs, int unchanged, long quads, long millis, List<String> failures, List<String> notes) {
        public Stats {
            failures = List.copyOf(failures);
            notes = List.copyOf(notes);
        }
    }

    /** The folder beside the data, inside the store's folder (TDB2 uses only its Data-NNNN folders). */
    static final String FOLDER = "aikg";

    private Tdb2Store() {}

    /** Opens an existing store for serving: the union of its graphs as the default graph, and what its loads recorded. */
    public static Published open(Path dir) {
        if (!Files.isDirectory(dir)) throw new UsageException("no TDB2 store at " + dir + " (load one first: aikg load --tdb2 " + dir + " data)");
        if (!holdsStore(dir)) {
            throw new UsageException("no TDB2 store at " + dir + " (the folder holds no Data-NNNN folder of TDB2; load one first: aikg load --tdb2 "
                    + dir + " data)");
        }
        DatasetGraph dsg = connect(dir);
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        Path folder = dir.resolve(FOLDER);
        State state = State.read(folder);
        Description description = readDescription(folder);
        if (description == null) description = Txn.calculateRead(dsg, () -> describedIn(dsg, dir));
        return new Published(dsg, description, Optional.of(folder), state.version(), state.loaded());
    }

    /** Whether {@code dir} holds a TDB2 database (a {@code Data-NNNN} folder), looked at without opening it: opening creates one. */
    private static boolean holdsStore(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.anyMatch(p -> p.getFileName().toString().matches("Data-\\d{4}") && Files.isDirectory(p));
        } catch (IOException e) {
            throw new UsageException("cannot read the folder " + dir + ": " + e.getMessage());
        }
    }

    private static DatasetGraph connect(Path dir) {
        try {
            return DatabaseMgr.connectDatasetGraph(dir.toString());
        } catch (RuntimeException e) {
            throw new AikgException("cannot open the TDB2 store at " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads the graphs into the store at {@code dir}, created if missing: each graph replaces the
     * one of that name, except that a graph whose key the store already holds is kept as it is.
     * Fact sheets are converted through the cache in {@code DIR/aikg/cache}, so a sheet that did
     * not change is not read again. Nothing is committed unless everything converted (or, with
     * keep-going, every good source is committed and the bad ones are listed). Into an empty store
     * the quads go through Jena's bulk loading (see {@link #bulkWrite}), in the same one transaction.
     */
    public static Stats load(Path dir, Graphs graphs) {
        long start = System.nanoTime();
        DatasetGraph dsg = connect(dir);
        Path folder = dir.resolve(FOLDER);
        State before = State.read(folder);
        boolean empty = Txn.calculateRead(dsg, dsg::isEmpty);
        // an empty store holds no graph whatever its record says: every graph is written, and then they are all there is
        boolean trusted = before.trusted() && !empty;
        Map<String, String> keys = new TreeMap<>(trusted ? before.keys() : Map.of());
        boolean[] complete = {trusted ? before.complete() : empty};
        long[] quads = {0};
        int[] counts = {0, 0};
        Set<Node> seen = new HashSet<>();
        Graphs.Stats[] s = new Graphs.Stats[1];
        Graphs.Sink sink = part -> {
            counts[0] += part.first() ? 1 : 0;
            quads[0] += part.size();
        };
        // into an empty store, the names are entered in the search index as they go by, on a thread of their own
        SearchFeed feed = empty ? new SearchFeed(searchIndex(dir)) : null;
        try {
            State.loading(folder);  // a load cut off from here on leaves keys that are not trusted
            try {
                Txn.executeWrite(dsg, () -> {
                    Graphs cached = graphs.cache(cache(dir));
                    s[0] = empty ? bulkWrite(dsg, cached, sink, keys, complete, seen, feed) : write(dsg, cached, sink, keys, complete, seen, counts);
                    listEveryArticle(dsg);
                    requireDescription(dsg, graphs, folder, dir);
                    if (feed != null) feed.finish();
                });
            } catch (RuntimeException e) {
                // the bulk loading set aside the indexes it had not built yet: the aborted store is opened again from disk
                if (empty) TDBInternal.expel(dsg);
                if (before.trusted()) State.loaded(folder, before.keys(), before.complete(), before.loaded());  // nothing was committed
                throw e;
            }
            Description description = null;
            try {
                description = graphs.description();
            } catch (DataException noDescription) {
                // an RDF file without the dataset's description: serve reads it from the store, if it is there
            }
            if (description != null) writeDescription(folder, description);
            // before the keys are trusted: a load cut off here rewrites, and so indexes, every graph next time
            if (feed != null) feed.commit();
            else index(dsg, searchIndex(dir), seen);
        } finally {
            if (feed != null) feed.close();
        }
        State.loaded(folder, keys, complete[0], Instant.now().truncatedTo(ChronoUnit.SECONDS));
        return new Stats(counts[0], counts[1], quads[0], (System.nanoTime() - start) / 1_000_000, s[0].failures(), s[0].notes());
    }

    /** Into a store that holds data: each graph's old quads deleted, its new ones added to all six indexes as they come. */
    private static Graphs.Stats write(DatasetGraph dsg, Graphs graphs, Graphs.Sink counted, Map<String, String> keys, boolean[] complete,
            Set<Node> seen, int[] counts) {
        return graphs.forEachGraph(part -> {
            counted.graph(part);
            Node g = part.name();
            if (part.first() && part.key() != null && part.key().equals(keys.get(g.getURI()))) {
                counts[1]++;
                return;
            }
            if (seen.add(g)) dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
            for (Triple t : part.triples()) dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject());
            record(part, keys, complete);
        });
    }

    /**
     * Into an empty store: Jena's sequential bulk loading of the quad table ({@link LoaderNodeTupleTable},
     * what {@code LoaderFactory.sequentialLoader} runs). The quads go into the primary index only, and each
     * other index is built from it afterwards in one ordered pass, rather than every quad going into all six
     * as it comes. There is nothing to delete nor to keep, and the caller's transaction stays the only one,
     * so that a failure still leaves the store empty.
     */
    private static Graphs.Stats bulkWrite(DatasetGraph dsg, Graphs graphs, Graphs.Sink counted, Map<String, String> keys, boolean[] complete,
            Set<Node> seen, SearchFeed feed) {
        LoaderNodeTupleTable loader = new LoaderNodeTupleTable(TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable(), QUIET, "Quads");
        loader.loadDataStart();
        Graphs.Stats s = graphs.forEachGraph(part -> {
            counted.graph(part);
            Node g = part.name();
            seen.add(g);
            for (Triple t : part.triples()) loader.load(g, t.getSubject(), t.getPredicate(), t.getObject());
            feed.part(g, part.triples());
            record(part, keys, complete);
        });
        loader.loadDataFinish();
        return s;
    }

    /** Jena's loaders report their phases to a {@link MonitorOutput}; aikg's load reports its own. */
    private static final MonitorOutput QUIET = (format, args) -> { };

    private static void record(Graphs.Part part, Map<String, String> keys, boolean[] complete) {
        if (part.key() != null) {
            keys.put(part.name().getURI(), part.key());
        } else {
            keys.remove(part.name().getURI());
            complete[0] = false;
        }
    }

    /** The cache of converted sheets that the loads into the store at {@code dir} read and write. */
    public static Path cache(Path dir) {
        return dir.resolve(FOLDER).resolve("cache");
    }

    /**
     * Records that the store at {@code dir} is being written by something other than a load ({@code serve
     * --watch} writes each change into it): what the last load recorded is no longer trusted, so the next
     * load writes every graph again, and a start serves nothing kept beside the old content (its counts, downloads).
     */
    public static void changedElsewhere(Path dir) {
        State.loading(dir.resolve(FOLDER));
        SearchIndex.remove(searchIndex(dir));  // the next load, or start, makes it again from the store
    }

    /** The folder of the store's search index of names and labels, kept up to date by {@link #load}. */
    public static Path searchIndex(Path dir) {
        return Published.searchIndexIn(dir.resolve(FOLDER));
    }

    /** The search index gets the names of the graphs this load wrote (of every graph, the first time). */
    private static void index(DatasetGraph dsg, Path dir, Set<Node> written) {
        Txn.executeRead(dsg, () -> {
            Map<Node, Graph> graphs = new LinkedHashMap<>();
            if (Files.isDirectory(dir)) written.forEach(g -> graphs.put(g, dsg.getGraph(g)));
            else dsg.listGraphNodes().forEachRemaining(g -> graphs.put(g, dsg.getGraph(g)));
            SearchIndex.replace(dir, graphs);
        });
    }

    /** The dataset's graph lists as sources the articles of every load, not only of this one. */
    private static void listEveryArticle(DatasetGraph dsg) {
        Node meta = null;
        Node dataset = null;
        for (var it = dsg.find(Node.ANY, Node.ANY, Vocab.RDF_type, Vocab.VOID_Dataset); it.hasNext();) {
            Quad q = it.next();
            meta = q.getGraph();
            dataset = q.getSubject();
        }
        if (meta == null) return;
        List<Node> articles = new ArrayList<>();
        dsg.getUnionGraph().find(Node.ANY, Vocab.RDF_type, Vocab.SCHEMA_NewsArticle).forEachRemaining(t -> articles.add(t.getSubject()));
        for (Node a : articles) dsg.add(meta, dataset, Vocab.DCT_source, a);
    }

    /**
     * Refuses, before the load commits, a load after which the store would hold no description of
     * the dataset: serve could not publish it, for the reason {@link #describedIn} gives.
     */
    private static void requireDescription(DatasetGraph dsg, Graphs graphs, Path folder, Path dir) {
        try {
            graphs.description();
            return;
        } catch (DataException noDescription) {
            // an RDF file without one: the store may hold it from an earlier load
        }
        if (readDescription(folder) == null) describedIn(dsg, dir);
    }

    /** The description a store without aikg's record still says of itself: its void:uriSpace. */
    private static Description describedIn(DatasetGraph dsg, Path dir) {
        for (Triple t : dsg.getUnionGraph().find(Node.ANY, Vocab.VOID_uriSpace, Node.ANY).toList()) {
            String space = t.getObject().isLiteral() ? t.getObject().getLiteralLexicalForm() : t.getObject().isURI() ? t.getObject().getURI() : "";
            if (!space.endsWith("id/")) continue;
            try {
                return new Description(space.substring(0, space.length() - 3), Map.of(), "");
            } catch (IllegalArgumentException e) {
                throw new DataException("the TDB2 store at " + dir + ": " + e.getMessage());
            }
        }
        throw new DataException("the TDB2 store at " + dir + " holds no description of the dataset (a void:uriSpace \"{base}id/\"), "
                + "so its base IRI is unknown and serve cannot publish it: load a file aikg convert wrote, or the fact sheets");
    }

    private static void writeDescription(Path folder, Description d) {
        Properties p = new Properties();
        p.setProperty("base", d.base());
        p.setProperty("license", d.license());
        d.title().forEach((lang, text) -> p.setProperty("title." + lang, text));
        State.writeProperties(folder.resolve("dataset.properties"), p);
    }

    private static Description readDescription(Path folder) {
        Properties p = State.readProperties(folder.resolve("dataset.properties"));
        if (p == null || p.getProperty("base") == null) return null;
        Map<String, String> title = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("title.")) title.put(name.substring(6), p.getProperty(name));
        }
        return new Description(p.getProperty("base"), title, p.getProperty("license", ""));
    }

    /**
     * What the loads recorded: the key of each graph, whether they cover the whole store, the
     * time of the last load. Written after each commit; a load that did not finish leaves it
     * marked untrusted, so the next load writes every graph again.
     */
    record State(Map<String, String> keys, boolean trusted, boolean complete, Instant loaded) {
        /** The name of the store's content: a hash of the graphs' keys, when they cover the whole store. */
        Optional<String> version() {
            if (!trusted || !complete || keys.isEmpty()) return Optional.empty();
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                keys.forEach((g, k) -> md.update((g + "\t" + k + "\n").getBytes(StandardCharsets.UTF_8)));
                return Optional.of(HexFormat.of().formatHex(md.digest(), 0, 16));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        static State read(Path folder) {
            Properties state = readProperties(folder.resolve("state.properties"));
            Instant loaded = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            if (state == null) return new State(Map.of(), false, false, loaded);
            try {
                loaded = Instant.parse(state.getProperty("loaded", loaded.toString()));
            } catch (RuntimeException e) {
                // keep now
            }
            boolean trusted = "done".equals(state.getProperty("load"));
            Map<String, String> keys = new TreeMap<>();
            try {
                for (String line : Files.readAllLines(folder.resolve("graphs.tsv"), StandardCharsets.UTF_8)) {
                    int tab = line.indexOf('\t');
                    if (tab > 0) keys.put(line.substring(tab + 1), line.substring(0, tab));
                }
            } catch (IOException e) {
                trusted = false;
            }
            return new State(keys, trusted, "true".equals(state.getProperty("complete")), loaded);
        }

        static void loading(Path folder) {
            Properties p = new Properties();
            p.setProperty("load", "running");
            writeProperties(folder.resolve("state.properties"), p);
        }

        static void loaded(Path folder, Map<String, String> keys, boolean complete, Instant when) {
            StringBuilder b = new StringBuilder();
            keys.forEach((g, k) -> b.append(k).append('\t').append(g).append('\n'));
            write(folder.resolve("graphs.tsv"), b.toString());
            Properties p = new Properties();
            p.setProperty("load", "done");
            p.setProperty("complete", Boolean.toString(complete));
            p.setProperty("loaded", when.toString());
            writeProperties(folder.resolve("state.properties"), p);
        }

        static Properties readProperties(Path file) {
            if (!Files.isRegularFile(file)) return null;
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                Properties p = new Properties();
                p.load(r);
                return p;
            } catch (IOException | IllegalArgumentException e) {
                return null;
            }
        }

        static void writeProperties(Path file, Properties p) {
            StringBuilder b = new StringBuilder();
            new TreeMap<>(p).forEach((k, v) -> b.append(escape(k.toString())).append('=').append(escape(v.toString())).append('\n'));
            write(file, b.toString());
        }

        private static String escape(String s) {
            StringBuilder b = new StringBuilder();
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '\\', '=', ':', '#', '!' -> b.append('\\').append(c);
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> b.append(c);
                }
            }
            return b.toString();
        }

        private static void write(Path file, String text) {
            try {
                AtomicFile.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
