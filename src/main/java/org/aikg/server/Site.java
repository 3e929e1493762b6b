package org.aikg.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.aikg.convert.Iris;
import org.aikg.query.NamedQueries;
import org.aikg.vocab.Vocab;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * What the server publishes, worked out once per load: the dataset, its canonical base, the
 * vocabulary labels, the counts, the named queries. Everything here is read-only after construction.
 */
final class Site {
    static final String DEFAULT_BASE = "https://w3id.org/ai-industry-kg/";

    final DatasetGraph dsg;
    final Graph data;
    final Graph vocab;
    final Graph ontology;
    final String base;
    final Iris iris;
    final Map<String, String> prefixes;
    final Labels labels;
    final NamedQueries queries;
    final Instant loaded = Instant.now();
    final long triples;
    final long entities;
    final List<Node> sources;
    final Map<Node, Long> classes;
    final Node datasetNode;

    Site(DatasetGraph dsg) {
        this.dsg = dsg;
        // a TDB2 store keeps no union in its default graph: queries see the union by its setting, pages by the union view
        this.data = dsg.getContext().isTrue(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph) ? dsg.getUnionGraph() : dsg.getDefaultGraph();
        this.base = findBase(data);
        this.iris = new Iris(base);
        this.prefixes = iris.prefixes();
        this.ontology = resourceGraph("/org/aikg/ontology/aikg.ttl");
        this.vocab = GraphFactory.createGraphMem();
        ontology.find().forEachRemaining(vocab::add);
        resourceGraph("/org/aikg/server/labels.ttl").find().forEachRemaining(vocab::add);
        this.labels = new Labels(data, vocab);
        this.queries = NamedQueries.bundled();
        this.datasetNode = iris.dataset();
        long count = 0;
        Set<Node> things = new HashSet<>();
        Map<Node, Long> cls = new TreeMap<>((a, b) -> a.getURI().compareTo(b.getURI()));
        String idSpace = base + "id/";
        for (var it = data.find(); it.hasNext();) {
            Triple t = it.next();
            count++;
            Node s = t.getSubject();
            if (s.isURI() && s.getURI().startsWith(idSpace) && s.getURI().indexOf('#') < 0) things.add(s);
            if (t.getPredicate().equals(Vocab.RDF_type) && t.getObject().isURI()) cls.merge(t.getObject(), 1L, Long::sum);
        }
        this.triples = count;
        this.entities = things.size();
        this.classes = cls;
        List<Node> src = new ArrayList<>();
        data.find(datasetNode, Vocab.DCT_source, Node.ANY).forEachRemaining(t -> src.add(t.getObject()));
        src.sort((a, b) -> a.toString().compareTo(b.toString()));
        this.sources = List.copyOf(src);
    }

    /** The canonical base, read from the dataset's {@code void:uriSpace} ("{base}id/"). */
    private static String findBase(Graph g) {
        for (Triple t : g.find(Node.ANY, Vocab.VOID_uriSpace, Node.ANY).toList()) {
            String space = t.getObject().isLiteral() ? t.getObject().getLiteralLexicalForm() : t.getObject().getURI();
            if (space.endsWith("id/")) return space.substring(0, space.length() - 3);
        }
        return DEFAULT_BASE;
    }

    /** The canonical IRI a local path stands for ("/id/event/x" → "{base}id/event/x"), or null. */
    String iriFor(String path) {
        return path.startsWith("/") ? base + path.substring(1) : null;
    }

    /** The local path of an IRI under the base, or null for an IRI elsewhere. */
    String localPath(String iri) {
        return iri != null && iri.startsWith(base) ? "/" + iri.substring(base.length()) : null;
    }

    /** The local page of a thing: its {@code /doc/} path (fragments kept), or null. */
    String pageOf(Node n) {
        if (!n.isURI()) return null;
        String local = localPath(n.getURI());
        if (local == null) return null;
        if (local.startsWith("/id/")) return "/doc/" + local.substring(4);
        if (local.startsWith("/def")) return local.endsWith("#") ? local.substring(0, local.length() - 1) : local;
        if (local.equals("/") || local.equals("/dataset") || local.equals("/sparql") || local.startsWith("/download/")) return local;
        return null;
    }

    /** A short name: a prefixed name where a prefix fits, else the IRI. */
    String shortName(Node n) {
        if (!n.isURI()) return n.toString();
        String iri = n.getURI();
        String best = null;
        int len = 0;
        for (Map.Entry<String, String> e : prefixes.entrySet()) {
            String ns = e.getValue();
            if (iri.startsWith(ns) && ns.length() > len && iri.substring(ns.length()).matches("[A-Za-z0-9_.-]*")) {
                best = e.getKey() + ":" + iri.substring(ns.length());
                len = ns.length();
            }
        }
        return best != null ? best : iri;
    }

    private static Graph resourceGraph(String path) {
        Graph g = GraphFactory.createGraphMem();
        try (InputStream in = Site.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException(path + " is missing from the build");
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return g;
    }
}
