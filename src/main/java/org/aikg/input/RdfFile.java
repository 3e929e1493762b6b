package org.aikg.input;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.aikg.DataException;
import org.aikg.UsageException;
import org.aikg.convert.DatasetWriter;
import org.aikg.convert.Iris;
import org.aikg.convert.TripleOrder;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.aikg.source.Chars;
import org.aikg.vocab.Vocab;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.SysRIOT;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;

/** One RDF file as graphs: its quads streamed in parts, or read whole; the dataset's description found on the way. */
final class RdfFile implements Graphs {
    /** The most triples of one part: a file's graph streams through in small pieces, short-lived garbage. */
    private static final int PART = 4_096;

    private final Path file;
    private final Node fileGraph;
    private final List<Triple> described = new ArrayList<>();
    private boolean read;

    /** False when literals that cannot be published are handed over as they are (for validate to report). */
    private final boolean checked;

    RdfFile(Path file) {
        this(file, true);
    }

    private RdfFile(Path file, boolean checked) {
        this.file = file;
        this.fileGraph = Graphs.graphOfFile(file);
        this.checked = checked;
    }

    @Override
    public Graphs unchecked() {
        return new RdfFile(file, false);
    }

    @Override
    public Graphs keepGoing(boolean keepGoing) {
        return this;
    }

    @Override
    public Graphs progress(Progress progress) {
        return this;
    }

    @Override
    public Graphs cache(Path folder) {
        return this;
    }

    @Override
    public boolean isRdfFile() {
        return true;
    }

    @Override
    public List<Path> inputs() {
        return List.of(file);
    }

    @Override
    public Map<String, String> prefixes() {
        return hasDescription() ? new Iris(description().base()).prefixes() : Vocab.standardPrefixes();
    }

    @Override
    public boolean isFileGraph(Node graph) {
        return graph.equals(fileGraph);
    }

    @Override
    public Stats write(Path out, Format format) {
        return write(out, format, prefixes());
    }

    @Override
    public Stats forEachGraph(Sink sink) {
        if (!Files.isRegularFile(file)) throw new UsageException("no such file: " + file);
        long start = System.nanoTime();
        described.clear();
        Set<Node> seen = new HashSet<>();
        long[] count = {0};
        StreamRDFBase collect = new StreamRDFBase() {
            Node graph;
            List<Triple> part = new ArrayList<>();

            @Override
            public void triple(Triple t) {
                add(fileGraph, t);
            }

            @Override
            public void quad(Quad q) {
                add(q.isDefaultGraph() ? fileGraph : q.getGraph(), q.asTriple());
            }

            private void add(Node g, Triple t) {
                if (!g.equals(graph) || part.size() >= PART) flush(g);
                if (checked) requirePublishable(t);
                part.add(t);
                note(t);
                count[0]++;
            }

            private void flush(Node next) {
                if (graph != null && !part.isEmpty()) {
                    List<Triple> done = part;
                    sink.graph(new Part(graph, null, seen.add(graph), done.size(), () -> done));
                }
                part = new ArrayList<>();
                graph = next;
            }

            @Override
            public void finish() {
                flush(null);
            }
        };
        parse(collect);
        // Jena's JSON-LD reader never calls finish(): the last part is handed over here too (a second call is a no-op)
        collect.finish();
        read = true;
        return new Stats(seen.size(), count[0], (System.nanoTime() - start) / 1_000_000, List.of(), 0, List.of());
    }

    /** Reads the file into memory and hands each graph whole, in IRI order. */
    @Override
    public Stats forEachWholeGraph(Sink sink) {
        long start = System.nanoTime();
        Map<Node, List<Triple>> graphs = new TreeMap<>(TripleOrder::node);
        forEachGraph(part -> graphs.computeIfAbsent(part.name(), g -> new ArrayList<>()).addAll(part.triples()));
        long count = 0;
        for (var e : graphs.entrySet()) {
            List<Triple> triples = e.getValue();
            count += triples.size();
            sink.graph(new Part(e.getKey(), null, true, triples.size(), () -> triples));
        }
        return new Stats(graphs.size(), count, (System.nanoTime() - start) / 1_000_000, List.of(), 0, List.of());
    }

    private Stats write(Path out, Format format, Map<String, String> prefixes) {
        long start = System.nanoTime();
        int[] graphs = {0};
        long written = DatasetWriter.write(out, sink -> forEachWholeGraph(part -> {
            List<Triple> sorted = new ArrayList<>(part.triples());
            sorted.sort(TripleOrder.INSTANCE);
            graphs[0]++;
            sink.graph(part.name(), sorted);
        }), format, prefixes);
        return new Stats(graphs[0], written, (System.nanoTime() - start) / 1_000_000, List.of(), 0, List.of());
    }

    private void parse(StreamRDFBase into) {
        Format format = Formats.fileFormat(file);
        try {
            // an error is aikg's one line below, not also a line of Jena's log; warnings are still logged
            RDFParser.source(file).lang(format.lang())
                    .errorHandler(ErrorHandlerFactory.errorHandlerWarnOrExceptions(SysRIOT.getLogger()))
                    .parse(into);
        } catch (RiotException e) {
            throw new DataException(file + ": not valid " + format.lang().getLabel() + ": " + e.getMessage());
        }
    }

    /** Refuses a literal that RDF/XML and HTML cannot carry, as convert refuses it in a sheet, naming the triple. */
    private void requirePublishable(Triple t) {
        Node o = t.getObject();
        if (!o.isLiteral()) return;
        String value = o.getLiteralLexicalForm();
        int bad = Chars.firstForbidden(value);
        if (bad < 0) return;
        throw new DataException(file + ": the literal of <" + t.getSubject() + "> <" + t.getPredicate().getURI() + "> holds "
                + Chars.describe(value, bad) + " (character " + (value.codePointCount(0, bad) + 1) + " of the value; " + Chars.RULE
                + ", since RDF/XML and HTML cannot carry the others; aikg validate lists every such literal)");
    }

    private void note(Triple t) {
        Node p = t.getPredicate();
        if (p.equals(Vocab.VOID_uriSpace) || p.equals(Vocab.DCT_title) || p.equals(Vocab.DCT_license)) described.add(t);
    }

    private boolean hasDescription() {
        return find() != null;
    }

    @Override
    public Description description() {
        Description d = find();
        if (d == null) {
            throw new DataException(file + ": no description of the dataset in it (a void:uriSpace \"{base}id/\"), so its base IRI is "
                    + "unknown; publish a file that aikg convert wrote, or the fact sheets");
        }
        return d;
    }

    private Description find() {
        if (!read) forEachGraph(part -> { });
        for (Triple t : described) {
            if (!t.getPredicate().equals(Vocab.VOID_uriSpace)) continue;
            String space = t.getObject().isLiteral() ? t.getObject().getLiteralLexicalForm() : t.getObject().isURI() ? t.getObject().getURI() : "";
            if (!space.endsWith("id/")) continue;
            Node ds = t.getSubject();
            Map<String, String> title = new TreeMap<>();
            String license = "";
            for (Triple d : described) {
                if (!d.getSubject().equals(ds)) continue;
                if (d.getPredicate().equals(Vocab.DCT_title) && d.getObject().isLiteral()) {
                    title.putIfAbsent(d.getObject().getLiteralLanguage(), d.getObject().getLiteralLexicalForm());
                }
                if (d.getPredicate().equals(Vocab.DCT_license) && d.getObject().isURI()) license = d.getObject().getURI();
            }
            try {
                return new Description(space.substring(0, space.length() - 3), title, license);
            } catch (IllegalArgumentException e) {
                throw new DataException(file + ": " + e.getMessage());
            }
        }
        return null;
    }
}
