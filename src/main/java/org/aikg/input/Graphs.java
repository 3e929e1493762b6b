package org.aikg.input;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.aikg.source.Sources;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * The graphs to publish, whatever the input: fact sheets ({@link SheetGraphs}: converted, one graph
 * per source and the dataset's graph) or one RDF file ({@link RdfFile}: read by Jena's RIOT). Every
 * command takes its input through here: convert, validate, load, publish and serve. The rule for an
 * RDF file's triples outside any named graph is here too ({@link #graphOfFile}).
 *
 * <pre>{@code
 * Graphs g = Graphs.of(List.of(Path.of("data"))).keepGoing(true);
 * g.forEachGraph(part -> store(part.name(), part.triples()));
 * String base = g.description().base();
 * }</pre>
 */
public sealed interface Graphs permits SheetGraphs, RdfFile {

    /** Hears of each source as it is done, for a progress bar. */
    @FunctionalInterface
    interface Progress {
        void done(int sources, int total);

        Progress NONE = (d, t) -> { };
    }

    /** Receives the graphs one part at a time. */
    @FunctionalInterface
    interface Sink {
        void graph(Part part);
    }

    /**
     * A named graph, or a part of one: fact sheets give each graph whole, in one part; an RDF file
     * gives its quads as they come, so a graph whose quads are not together in the file comes in
     * several parts, the first with {@link #first()} true. {@link #key()} identifies the content of
     * the graph (equal keys, equal triples) where it is known without reading it, else null.
     */
    final class Part {
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
    record Stats(int sources, long triples, long millis, List<String> failures, int cached, List<String> notes) {
        public Stats {
            failures = List.copyOf(failures);
            notes = List.copyOf(notes);
        }
    }

    /**
     * The graphs of {@code inputs}: one RDF file (known by its extension, see {@link Formats#ofFile}),
     * or data folders and fact sheets.
     */
    static Graphs of(List<Path> inputs) {
        List<Path> in = List.copyOf(inputs);
        boolean rdfFile = in.size() == 1 && !Files.isDirectory(in.get(0)) && Formats.ofFile(in.get(0)).isPresent();
        return rdfFile ? new RdfFile(in.get(0)) : new SheetGraphs(in, Sources.scan(in));
    }

    /** With {@code true}, a bad sheet is left out and reported in {@link Stats#failures()} instead of stopping the run (no effect on a file). */
    Graphs keepGoing(boolean keepGoing);

    /** Hears of each source as it is done (no effect on a file). */
    Graphs progress(Progress progress);

    /**
     * Keeps each sheet's converted graph in {@code folder}, under a hash of everything it was made
     * from (the sheet, its text, the descriptor, the ontology, aikg's version), so that a run after
     * an edit converts only the sheets that changed. No effect on an RDF file.
     */
    Graphs cache(Path folder);

    /**
     * Hands over the literals of an RDF file that cannot be published (a control character other
     * than tab, line feed and carriage return, or a non-character: RDF/XML and HTML cannot carry
     * them) as they are, for {@code validate} to report every one; every other command refuses the
     * file at the first. Sheets never hold one (they are refused when read): no effect on them.
     */
    Graphs unchecked();

    /** True when the input is one RDF file rather than fact sheets. */
    boolean isRdfFile();

    /** The input as given. */
    List<Path> inputs();

    /**
     * The dataset's description: from {@code dataset.yaml}, or from the dataset's graph in an RDF
     * file (read through once if not yet). {@link org.aikg.DataException} when a file has none.
     */
    Description description();

    /** The prefixes outputs are written with: the dataset's namespaces, or the standard ones for a file without a description. */
    Map<String, String> prefixes();

    /** Hands every graph to {@code sink}, a part at a time (see {@link Part}); a fact sheet's graph is one part. */
    Stats forEachGraph(Sink sink);

    /** Hands every graph whole, in one part (an RDF file is read into memory first). */
    Stats forEachWholeGraph(Sink sink);

    /**
     * Writes all graphs to {@code out} in {@code format}, sorted, the file replaced only when all
     * went well (see {@link org.aikg.convert.Converter#write(Path, Format)}).
     */
    Stats write(Path out, Format format);

    /** True for the graph of an RDF file's triples outside any named graph. */
    boolean isFileGraph(Node graph);

    /**
     * The graph that an RDF file's triples outside any named graph are kept in: the file's URI. A
     * remote store is given them as its default graph instead ({@link #isFileGraph}).
     */
    static Node graphOfFile(Path file) {
        return NodeFactory.createURI(file.toAbsolutePath().normalize().toUri().toString());
    }
}
