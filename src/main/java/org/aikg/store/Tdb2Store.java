package org.aikg.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aikg.AikgException;
import org.aikg.UsageException;
import org.aikg.convert.Converter;
import org.aikg.convert.RdfFormat;
import org.aikg.search.SearchIndex;
import org.aikg.source.Sources;
import org.aikg.vocab.Vocab;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * A TDB2 store of the published graph: each source's named graph, the dataset's graph, and the
 * union of them as the default graph for queries. A load replaces each graph it brings, all in one
 * write transaction: loading again gives the same store, and a load that fails leaves the store
 * as it was. Beside the store, a load writes the search index of the names and labels.
 *
 * <pre>{@code
 * Tdb2Store.Stats s = Tdb2Store.load(Path.of("store"), List.of(Path.of("data")), Converter.Progress.NONE, false);
 * DatasetGraph dsg = Tdb2Store.open(Path.of("store"));
 * }</pre>
 */
public final class Tdb2Store {
    /** What a load did. */
    public record Stats(int graphs, long quads, long millis, List<String> failures) {}

    private Tdb2Store() {}

    /** The folder of the store's search index, written by {@link #load} (beside TDB2's own folders). */
    public static Path searchIndex(Path dir) {
        return dir.resolve("aikg-search");
    }

    /** Opens an existing store for serving, with the union of its graphs as the default graph. */
    public static DatasetGraph open(Path dir) {
        if (!Files.isDirectory(dir)) throw new UsageException("no TDB2 store at " + dir + " (load one first: aikg load --tdb2 " + dir + " data)");
        DatasetGraph dsg = connect(dir);
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        return dsg;
    }

    private static DatasetGraph connect(Path dir) {
        try {
            return DatabaseMgr.connectDatasetGraph(dir.toString());
        } catch (RuntimeException e) {
            throw new AikgException("cannot open the TDB2 store at " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads fact sheets (converted on the way) or one RDF file into the store at {@code dir},
     * created if missing. Nothing is committed unless everything converted (or, with
     * {@code keepGoing}, every good source is committed and the bad ones are listed).
     */
    public static Stats load(Path dir, List<Path> inputs, Converter.Progress progress, boolean keepGoing) {
        long start = System.nanoTime();
        DatasetGraph dsg = connect(dir);
        long[] quads = {0};
        int[] graphs = {0};
        List<String> failures = new ArrayList<>();
        Txn.executeWrite(dsg, () -> {
            if (Datasets.isRdfFile(inputs)) {
                long[] counts = streamQuads(dsg, inputs.get(0));
                graphs[0] += (int) counts[0];
                quads[0] += counts[1];
            } else {
                Converter.Stats s = Converter.of(Sources.scan(inputs)).keepGoing(keepGoing).progress(progress).forEachGraph((g, triples) -> {
                    replace(dsg, g, triples);
                    graphs[0]++;
                    quads[0] += triples.size();
                });
                failures.addAll(s.failures());
                listEveryArticle(dsg);
            }
        });
        Txn.executeRead(dsg, () -> SearchIndex.write(dsg.getUnionGraph(), searchIndex(dir)));
        return new Stats(graphs[0], quads[0], (System.nanoTime() - start) / 1_000_000, failures);
    }

    private static void replace(DatasetGraph dsg, Node graph, List<Triple> triples) {
        dsg.deleteAny(graph, Node.ANY, Node.ANY, Node.ANY);
        for (Triple t : triples) dsg.add(graph, t.getSubject(), t.getPredicate(), t.getObject());
    }

    /**
     * Streams an RDF file into the store: the first quad of each graph clears that graph, so each
     * graph of the file replaces the one in the store. Triples outside any named graph (all of a
     * Turtle file) go into a graph named by the file's URI, so that they are part of the union that
     * is served. Returns the number of graphs and of quads.
     */
    private static long[] streamQuads(DatasetGraph dsg, Path file) {
        RdfFormat format = RdfFormat.fromFileName(file);
        Node fileGraph = Datasets.graphOfFile(file);
        java.util.Set<Node> seen = new java.util.HashSet<>();
        long[] quads = {0};
        try {
            RDFParser.source(file).lang(format.lang()).parse(new StreamRDFBase() {
                @Override
                public void triple(Triple t) {
                    add(fileGraph, t);
                }

                @Override
                public void quad(Quad q) {
                    add(q.isDefaultGraph() ? fileGraph : q.getGraph(), q.asTriple());
                }

                private void add(Node g, Triple t) {
                    if (seen.add(g)) dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
                    dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject());
                    quads[0]++;
                }
            });
        } catch (RiotException e) {
            throw new org.aikg.DataException(file + ": not valid " + format.lang().getLabel() + ": " + e.getMessage());
        }
        return new long[] {seen.size(), quads[0]};
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
}
