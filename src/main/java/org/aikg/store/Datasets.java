package org.aikg.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.aikg.DataException;
import org.aikg.convert.Converter;
import org.aikg.convert.RdfFormat;
import org.aikg.source.Sources;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;

/**
 * Opens the published graph in memory: from fact sheets (converted on the way in) or from an RDF
 * file aikg wrote. Each source's graph stays a named graph, stored once; the default graph is a
 * view of their union, so that queries need no {@code GRAPH} clause.
 *
 * <pre>{@code
 * DatasetGraph dsg = Datasets.open(List.of(Path.of("data")));
 * }</pre>
 */
public final class Datasets {
    private static final Set<String> RDF_EXTENSIONS = Set.of("ttl", "nt", "jsonld", "rdf", "trig", "nq", "owl");

    private Datasets() {}

    /** True when {@code inputs} is one RDF file rather than fact sheets. */
    public static boolean isRdfFile(List<Path> inputs) {
        if (inputs.size() != 1 || Files.isDirectory(inputs.get(0))) return false;
        String name = inputs.get(0).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && RDF_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Opens fact sheets or an RDF file as an in-memory dataset. */
    public static DatasetGraph open(List<Path> inputs) {
        return open(inputs, Converter.Progress.NONE);
    }

    /** Opens fact sheets (reporting progress) or an RDF file as an in-memory dataset. */
    public static DatasetGraph open(List<Path> inputs, Converter.Progress progress) {
        return isRdfFile(inputs) ? parse(inputs.get(0)) : convert(inputs, progress);
    }

    /** Converts fact sheets into an in-memory dataset. */
    public static DatasetGraph convert(List<Path> inputs) {
        return convert(inputs, Converter.Progress.NONE);
    }

    /** Converts fact sheets into an in-memory dataset, reporting each source done. */
    public static DatasetGraph convert(List<Path> inputs, Converter.Progress progress) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Converter.of(Sources.scan(inputs)).progress(progress).forEachGraph((name, triples) -> {
            for (var t : triples) dsg.add(name, t.getSubject(), t.getPredicate(), t.getObject());
        });
        return new UnionDefaultGraph(dsg);
    }

    /** Parses an RDF file; a triples-only file becomes the default graph. */
    public static DatasetGraph parse(Path file) {
        if (!Files.isRegularFile(file)) throw new org.aikg.UsageException("no such file: " + file);
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Node fileGraph = graphOfFile(file);
        try {
            RDFParser.source(file).lang(RdfFormat.fromFileName(file).lang()).parse(new org.apache.jena.riot.system.StreamRDFBase() {
                @Override
                public void triple(org.apache.jena.graph.Triple t) {
                    dsg.add(fileGraph, t.getSubject(), t.getPredicate(), t.getObject());
                }

                @Override
                public void quad(Quad q) {
                    dsg.add(q.isDefaultGraph() ? fileGraph : q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
                }
            });
        } catch (RiotException e) {
            throw new DataException(file + ": not valid " + RdfFormat.fromFileName(file).lang().getLabel() + ": " + e.getMessage());
        }
        return new UnionDefaultGraph(dsg);
    }

    /** The graph that the triples of a triples-only file (or of a quads file's default graph) are kept in: the file's URI. */
    public static Node graphOfFile(Path file) {
        return NodeFactory.createURI(file.toAbsolutePath().normalize().toUri().toString());
    }
}
