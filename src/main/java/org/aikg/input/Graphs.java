package org.aikg.input;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.aikg.UsageException;
import org.aikg.convert.Converter;
import org.aikg.convert.Iris;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.aikg.source.DatasetInfo;
import org.aikg.source.SourceSet;
import org.aikg.source.Sources;
import org.aikg.vocab.Vocab;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * The graphs to publish, whatever the input: fact sheets (converted, one graph per source and the
 * dataset's graph) or one RDF file (read by Jena's RIOT). Every command takes its input through
 * here: convert, validate, load, publish and serve. The rule for an RDF file's triples outside any
 * named graph is here too ({@link #graphOfFile}).
 *
 * <pre>{@code
 * Graphs g = Graphs.of(List.of(Path.of("data"))).keepGoing(true);
 * g.forEachGraph(part -> store(part.name(), part.triples()));
 * String base = g.description().base();
 * }</pre>
 */
public final class Graphs {

    /** Hears of each source as it is done, for a progress bar. */
    @FunctionalInterface
    public interface Progress {
        void done(int sources, int total);

        Progress NONE = (d, t) -> { };
    }

    /** Receives the graphs one part at a time. */
    @FunctionalInterface
    public interface Sink {
        void graph(Part part);
    }

    /**
     * A named graph, or a part of one: fact sheets give each graph whole, in one part; an RDF file
     * gives its quads as they come, so a graph whose quads are not together in the file comes in
     * several parts, the first with {@link #first()} true. {@link #key()} identifies the content of
     * the graph (equal keys, equal triples) where it is known without reading it, else null.
     */
    public static final class Part {
        private final Node name;
        private final String key;
        private final boolean first;
        private final long size;
        private Supplier<List<Triple>> triples;
        private List<Triple> read;

        public Part(Node name, String key, boolean first, long size, Supplier<List<Triple>> triples) {
            this.name = Objects.requireNonNull(name, "name");
            this.key = key;
            this.first = first;
            this.size = size;
            this.triples = Objects.requireNonNull(triples, "triples");
        }

        public Node name() {
            return name;
        }

        public String key() {
            return key;
        }

        public boolean first() {
            return first;
        }

        /** The number of triples, known without reading them. */
        public long size() {
            return size;
        }

        /** The triples (sorted and without repeats for a fact sheet's graph), read on first use. */
        public List<Triple> triples() {
            if (read == null) {
                read = triples.get();
                triples = null;
            }
            return read;
        }
    }

    /**
     * What a run handed over: sources (graphs, for an RDF file), triples, time, each source left out,
     * the sources read from the cache, and a note of each thing found wrong in the cache (and done instead).
     */
    public record Stats(int sources, long triples, long millis, List<String> failures, int cached, List<String> notes) {
        public Stats {
            failures = List.copyOf(failures);
            notes = List.copyOf(notes);
        }
    }

    private final List<Path> inputs;
    private final SourceSet sheets;  // null for an RDF file
    private final boolean keepGoing;
    private final Progress progress;
    private final Path cache;
    private final RdfFile file;  // null for fact sheets

    private Graphs(List<Path> inputs, SourceSet sheets, boolean keepGoing, Progress progress, Path cache, RdfFile file) {
        this.inputs = inputs;
        this.sheets = sheets;
        this.keepGoing = keepGoing;
        this.progress = progress;
        this.cache = cache;
        this.file = file;
    }

    /**
     * The graphs of {@code inputs}: one RDF file (known by its extension, see {@link Formats#ofFile}),
     * or data folders and fact sheets.
     */
    public static Graphs of(List<Path> inputs) {
        List<Path> in = List.copyOf(inputs);
        return isRdfFile(in) ? new Graphs(in, null, false, Progress.NONE, null, new RdfFile(in.get(0)))
                : new Graphs(in, Sources.scan(in), false, Progress.NONE, null, null);
    }

    /** With {@code true}, a bad sheet is left out and reported in {@link Stats#failures()} instead of stopping the run. */
    public Graphs keepGoing(boolean keepGoing) {
        return new Graphs(inputs, sheets, keepGoing, progress, cache, file);
    }

    public Graphs progress(Progress progress) {
        return new Graphs(inputs, sheets, keepGoing, progress, cache, file);
    }

    /**
     * Keeps each sheet's converted graph in {@code folder}, under a hash of everything it was made
     * from (the sheet, its text, the descriptor, the ontology, aikg's version), so that a run after
     * an edit converts only the sheets that changed. No effect on an RDF file.
     */
    public Graphs cache(Path folder) {
        return new Graphs(inputs, sheets, keepGoing, progress, folder, file);
    }

    /**
     * Hands over the literals of an RDF file that cannot be published (a control character other
     * than tab, line feed and carriage return, or a non-character: RDF/XML and HTML cannot carry
     * them) as they are, for {@code validate} to report every one; every other command refuses the
     * file at the first (sheets never hold one: they are refused when read).
     */
    public Graphs unchecked() {
        return new Graphs(inputs, sheets, keepGoing, progress, cache, file == null ? null : file.unchecked());
    }

    /** True when the input is one RDF file rather than fact sheets. */
    public boolean isRdfFile() {
        return sheets == null;
    }

    /** The input as given. */
    public List<Path> inputs() {
        return inputs;
    }

    /**
     * The dataset's description: from {@code dataset.yaml}, or from the dataset's graph in an RDF
     * file (read through once if not yet). {@link org.aikg.DataException} when a file has none.
     */
    public Description description() {
        if (sheets != null) return describe(sheets.dataset());
        return file.description();
    }

    /** The prefixes outputs are written with: the dataset's namespaces, or the standard ones for a file without a description. */
    public Map<String, String> prefixes() {
        if (sheets != null) return new Iris(sheets.dataset().base()).prefixes();
        return file.hasDescription() ? new Iris(file.description().base()).prefixes() : Vocab.standardPrefixes();
    }

    /** Hands every graph to {@code sink}, a part at a time (see {@link Part}); a fact sheet's graph is one part. */
    public Stats forEachGraph(Sink sink) {
        if (sheets == null) return file.stream(sink);
        Converter.Stats s = converter().forEachPart((name, key, size, triples) -> sink.graph(new Part(name, key, true, size, triples)));
        return new Stats(s.sources(), s.triples(), s.millis(), s.failures(), s.cached(), s.notes());
    }

    /** Hands every graph whole, in one part (an RDF file is read into memory first). */
    public Stats forEachWholeGraph(Sink sink) {
        if (sheets != null) return forEachGraph(sink);
        return file.whole(sink);
    }

    /**
     * Writes all graphs to {@code out} in {@code format}, sorted, the file replaced only when all
     * went well (see {@link Converter#write(Path, RdfFormat)}).
     */
    public Stats write(Path out, Format format) {
        if (sheets == null) return file.write(out, format, prefixes());
        Converter.Stats s = converter().write(out, format);
        return new Stats(s.sources(), s.triples(), s.millis(), s.failures(), s.cached(), s.notes());
    }

    private Converter converter() {
        Converter c = Converter.of(sheets).keepGoing(keepGoing).progress(progress::done);
        return cache != null ? c.cache(cache) : c;
    }

    /**
     * The graph that an RDF file's triples outside any named graph are kept in: the file's URI. A
     * remote store is given them as its default graph instead ({@link #isFileGraph}).
     */
    public static Node graphOfFile(Path file) {
        return NodeFactory.createURI(file.toAbsolutePath().normalize().toUri().toString());
    }

    /** True for the graph of an RDF file's triples outside any named graph. */
    public boolean isFileGraph(Node graph) {
        return sheets == null && graph.equals(graphOfFile(inputs.get(0)));
    }

    static boolean isRdfFile(List<Path> inputs) {
        if (inputs.size() != 1 || Files.isDirectory(inputs.get(0))) return false;
        return Formats.ofFile(inputs.get(0)).isPresent();
    }

    static Description describe(DatasetInfo d) {
        Map<String, String> title = new TreeMap<>();
        d.title().forEach(t -> title.putIfAbsent(t.lang(), t.value()));
        return new Description(d.base(), title, d.license());
    }

    static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) throw new UsageException("no such file: " + file);
    }
}
