package org.aikg.convert;

import static org.aikg.vocab.Vocab.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.aikg.AikgException;
import org.aikg.DataException;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.aikg.source.DatasetInfo;
import org.aikg.source.FactSheet.Text;
import org.aikg.source.FactSheet;
import org.aikg.source.SourceSet;
import org.aikg.vocab.AIKG;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;

/**
 * Converts fact sheets to RDF: one named graph per source (its facts, and the passages of text
 * they came from), plus the dataset's own description. Sources are read and converted one at a
 * time; each graph comes out sorted, so the same input always gives the same bytes.
 *
 * <pre>{@code
 * Converter c = Converter.of(Sources.scan(List.of(Path.of("data"))));
 * c.write(Path.of("out.ttl"), Formats.TURTLE);          // the union, atomically replaced
 * c.forEachGraph((graph, triples) -> ...);             // or stream the graphs yourself
 * }</pre>
 */
public final class Converter {
    /** How many sheets one task of the pool reads in a row. */
    private static final int SHEETS_PER_TASK = 16;

    /** Receives each converted graph: its name and its triples, sorted and without repeats. */
    @FunctionalInterface
    public interface GraphSink {
        void graph(Node name, List<Triple> triples);
    }

    /**
     * Receives each graph with its key (equal keys, equal triples; null where unknown), its size and
     * its triples, read when asked for: a graph kept in the cache is read only by a consumer that
     * needs it.
     */
    @FunctionalInterface
    public interface PartSink {
        void graph(Node name, String key, long size, Supplier<List<Triple>> triples);
    }

    /** Hears of each source as it is done, for a progress bar. */
    @FunctionalInterface
    public interface Progress {
        void done(int sources, int total);

        Progress NONE = (d, t) -> { };
    }

    /**
     * What a run did: sources converted, triples, time, the message of each source left out, the
     * sources taken from the cache, and a note of each thing found wrong in the cache (and done instead).
     */
    public record Stats(int sources, long triples, long millis, List<String> failures, int cached, List<String> notes) {
        public Stats {
            failures = List.copyOf(failures);
            notes = List.copyOf(notes);
        }

        Stats triples(long written) {
            return new Stats(sources, written, millis, failures, cached, notes);
        }
    }

    private final SourceSet sources;
    private final Iris iris;
    private final boolean keepGoing;
    private final Progress progress;
    private final Path cacheFolder;

    private Converter(SourceSet sources, boolean keepGoing, Progress progress, Path cacheFolder) {
        this.sources = sources;
        this.iris = new Iris(sources.dataset().base());
        this.keepGoing = keepGoing;
        this.progress = progress;
        this.cacheFolder = cacheFolder;
    }

    public static Converter of(SourceSet sources) {
        return new Converter(sources, false, Progress.NONE, null);
    }

    /** With {@code true}, a bad sheet is left out and reported in {@link Stats#failures()} instead of stopping the run. */
    public Converter keepGoing(boolean keepGoing) {
        return new Converter(sources, keepGoing, progress, cacheFolder);
    }

    public Converter progress(Progress progress) {
        return new Converter(sources, keepGoing, progress, cacheFolder);
    }

    /**
     * Keeps each sheet's graph in {@code folder} under a hash of what it was made from (see the
     * README): a later run reads again only the sheets that changed, and gives the same output.
     */
    public Converter cache(Path folder) {
        return new Converter(sources, keepGoing, progress, folder);
    }

    public Iris iris() {
        return iris;
    }

    /**
     * Converts each source in turn and hands its graph to {@code sink}, then the dataset's graph.
     * Throws {@link org.aikg.DataException} at the first bad sheet.
     */
    public Stats forEachGraph(GraphSink sink) {
        return forEachPart((name, key, size, triples) -> sink.graph(name, triples.get()));
    }

    /** As {@link #forEachGraph}, each graph with its key and its triples read when asked for. */
    public Stats forEachPart(PartSink sink) {
        return run(sink, false);
    }

    private Stats run(PartSink sink, boolean eager) {
        return withCache(cache -> run(sink, eager, cache));
    }

    /**
     * Runs {@code work} with the cache (null without one), then records this run's sheets in it; a
     * failed run leaves no new cache behind. The sheets whose kept graph failed its check while the
     * work ran are not counted as taken from the cache, and the cache's notes are added.
     */
    private Stats withCache(Function<SheetCache, Stats> work) {
        SheetCache cache = cacheFolder == null ? null : new SheetCache(cacheFolder, sources.dataset().file());
        try {
            Stats result = work.apply(cache);
            if (cache == null) return result;
            cache.save();
            return new Stats(result.sources(), result.triples(), result.millis(), result.failures(), result.cached() - cache.rebuilt(),
                    cache.notes());
        } catch (RuntimeException | Error e) {
            if (cache != null) cache.discard();
            throw e;
        }
    }

    private Stats run(PartSink sink, boolean eager, SheetCache cache) {
        long start = System.nanoTime();
        List<Node> articles = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        SharedFacts shared = new SharedFacts(sources.dataset(), cache == null ? 0 : cache.said());
        List<String> failures = new ArrayList<>();
        long count = 0;
        int cached = 0;
        int done = 0;
        int total = sources.sheets().size();
        // sheets are read and converted on every core, a bounded window ahead; their graphs are handed on in order
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "aikg-convert");
            t.setDaemon(true);
            return t;
        });
        try {
            // in runs of a few sheets: a sheet taken from the cache is a few file stamps, less than handing it to a thread
            Deque<Future<List<Converted>>> window = new ArrayDeque<>();
            Iterator<Path> next = sources.sheets().iterator();
            while (next.hasNext() || !window.isEmpty()) {
                while (next.hasNext() && window.size() < threads * 4) {
                    List<Path> run = new ArrayList<>(SHEETS_PER_TASK);
                    while (next.hasNext() && run.size() < SHEETS_PER_TASK) run.add(next.next());
                    window.add(pool.submit(() -> {
                        List<Converted> converted = new ArrayList<>(run.size());
                        for (Path p : run) {
                            if (Thread.currentThread().isInterrupted()) break;  // the run failed: the rest is not needed
                            converted.add(convert(p, cache, eager));
                        }
                        return converted;
                    }));
                }
                for (Converted c : await(window.poll())) {
                    try {
                        if (c.failure() != null) throw c.failure();
                        Path other = seen.get(c.id());
                        if (other != null) {
                            throw new DataException(c.at(), "duplicate source id \"" + c.id() + "\" (also the id of " + other + ")");
                        }
                        shared.check(c.said());
                        seen.put(c.id(), c.file());
                        shared.add(c.said());
                    } catch (DataException e) {
                        if (!keepGoing) throw e;
                        failures.add(e.getMessage());
                        progress.done(++done, total);
                        continue;
                    }
                    articles.add(iris.article(c.id()));
                    if (c.cached()) cached++;
                    count += c.size();
                    sink.graph(iris.graph(c.id()), c.key(), c.size(), c.triples());
                    progress.done(++done, total);
                }
            }
        } finally {
            pool.shutdownNow();
            // the sheets still being read when a run fails finish before it ends: none may write into a cache it then removes
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (articles.isEmpty() && !failures.isEmpty()) {
            throw new DataException("no source could be converted; the first failure: " + failures.get(0));
        }
        TreeSet<Triple> meta = new TreeSet<>(TripleOrder.INSTANCE);
        describeDataset(articles, meta);
        count += meta.size();
        List<Triple> metaTriples = List.copyOf(meta);
        sink.graph(iris.metadataGraph(), keyOf(metaTriples), metaTriples.size(), () -> metaTriples);
        return new Stats(articles.size(), count, (System.nanoTime() - start) / 1_000_000, failures, cached, List.of());
    }

    /** One sheet converted: its source id, its graph's key, size and sorted triples, what it says of shared things, or the data error it met. */
    private record Converted(Path file, String id, DataException.Location at, String key, long size,
            Supplier<List<Triple>> triples, List<SharedFacts.Said> said, DataException failure, boolean cached) {}

    private Converted convert(Path p, SheetCache cache, boolean eager) {
        SheetCache.Entry kept = cache == null ? null : cache.lookup(p);
        if (kept == null) return convertSheet(p, cache);
        Supplier<List<Triple>> triples = () -> keptOrConvertedAgain(p, kept, cache);
        long size = kept.triples();
        if (eager) {
            List<Triple> loaded = triples.get();
            triples = () -> loaded;
            size = loaded.size();
        }
        return new Converted(p, kept.id(), DataException.Location.of(p, kept.line(), kept.column()), kept.key(), size, triples, kept.said(),
                null, true);
    }

    /** The triples the cache keeps for {@code p}, or, when they fail their check (the cache notes it), the sheet converted again. */
    private List<Triple> keptOrConvertedAgain(Path p, SheetCache.Entry kept, SheetCache cache) {
        List<Triple> triples = cache.triples(kept);
        if (triples != null) return triples;
        Converted again = convertSheet(p, cache);
        if (again.failure() != null) throw again.failure();
        return again.triples().get();
    }

    /** Reads and converts the sheet {@code p}, and keeps its graph in the cache when there is one. */
    private Converted convertSheet(Path p, SheetCache cache) {
        try {
            long began = FileStamp.now();
            FileStamp before = cache == null ? null : FileStamp.of(p);
            FactSheet sheet = sources.read(p);
            TreeSet<Triple> sorted = new TreeSet<>(TripleOrder.INSTANCE);
            new SheetTriples(sheet, iris, sorted).emit();
            List<Triple> triples = List.copyOf(sorted);
            List<SharedFacts.Said> said = SharedFacts.of(sheet);
            String key = cache == null ? null : cache.keep(p, began, before, sheet, triples, said);
            return new Converted(p, sheet.article().id(), sheet.article().at(), key, triples.size(), () -> triples, said, null, false);
        } catch (DataException e) {
            return new Converted(p, null, null, null, 0, List::of, List.of(), e, false);
        }
    }

    /** The key of a graph made here rather than kept: a hash of its triples, in order. */
    private static String keyOf(List<Triple> triples) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        StreamRDF w = StreamRDFWriter.getWriterStream(b, RDFFormat.NTRIPLES);
        w.start();
        triples.forEach(w::triple);
        w.finish();
        return SheetCache.hash(b.toByteArray());
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AikgException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new AikgException(String.valueOf(cause.getMessage()), cause);
        }
    }

    /**
     * Writes the whole conversion to {@code out}, a regular file or a new path (never a link, a
     * device, a FIFO or a folder: {@link org.aikg.UsageException}); {@code out} is replaced only
     * when all went well, and keeps its permissions.
     */
    public Stats write(Path out, Format format) {
        if (cacheFolder != null && format == Formats.NQUADS) return spliced(out, cache -> new NQuadsSplice(cache.folder(), out));
        if (cacheFolder != null && (format == Formats.TURTLE || format == Formats.NTRIPLES)) {
            return spliced(out, cache -> new UnionSplice(cache, out, format, iris.prefixes()));
        }
        return OutputFile.check(out).write(os -> write(os, format));
    }

    /**
     * Through the cache, the output changed in place: N-Quads copies the graphs whose key is unchanged
     * from the last output, Turtle and N-Triples write again only the subjects the changed graphs speak of.
     */
    private Stats spliced(Path out, Function<SheetCache, Splice> splicer) {
        return withCache(cache -> {
            Splice splice = splicer.apply(cache);
            long[] written = new long[1];
            Stats stats = OutputFile.check(out).write(os -> {
                TreeMap<Node, Splice.Part> graphs = new TreeMap<>(TripleOrder::node);
                Stats s = run((name, key, size, triples) -> graphs.put(name, new Splice.Part(key, size, triples)), false, cache);
                try {
                    written[0] = splice.write(graphs, os);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return s;
            });
            splice.save();
            return stats.triples(written[0]);
        });
    }

    /** Writes the whole conversion to a stream (not closed); the summary counts the triples (or quads) written. */
    public Stats write(OutputStream out, Format format) {
        Stats[] stats = new Stats[1];
        boolean eager = !format.quads();
        long triples = SortedOutput.write(sink -> stats[0] = run((name, key, size, ts) -> sink.graph(name, ts.get()), eager), format, out,
                iris.prefixes());
        return stats[0].triples(triples);
    }

    private void describeDataset(List<Node> articles, TreeSet<Triple> out) {
        DatasetInfo d = sources.dataset();
        Node ds = iris.dataset();
        Node publisher = iris.thing("org", d.publisherId());
        out.add(Triple.create(ds, RDF_type, DCAT_Dataset));
        out.add(Triple.create(ds, RDF_type, VOID_Dataset));
        d.title().forEach(t -> out.add(Triple.create(ds, DCT_title, lang(t))));
        d.description().forEach(t -> out.add(Triple.create(ds, DCT_description, lang(t))));
        out.add(Triple.create(ds, DCT_license, NodeFactory.createURI(d.license())));
        out.add(Triple.create(ds, DCT_publisher, publisher));
        out.add(Triple.create(ds, VOID_uriSpace, NodeFactory.createLiteralString(iris.base() + "id/")));
        for (String vocab : List.of(SCHEMA, OA, PROV, SKOS, UNIT, AIKG.NS)) {
            out.add(Triple.create(ds, VOID_vocabulary, NodeFactory.createURI(vocab)));
        }
        articles.forEach(a -> out.add(Triple.create(ds, DCT_source, a)));
        out.add(Triple.create(publisher, RDF_type, NodeFactory.createURI(SCHEMA + "Organization")));
        d.publisherName().forEach(t -> out.add(Triple.create(publisher, SCHEMA_name, lang(t))));
    }

    private static Node lang(Text t) {
        return NodeFactory.createLiteralLang(t.value(), t.lang());
    }
}
