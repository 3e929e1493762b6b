package org.aikg.server.page;

import static org.aikg.vocab.Vocab.*;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aikg.convert.TripleOrder;
import org.aikg.server.download.Downloads;
import org.aikg.server.site.Numbers;
import org.aikg.server.site.Site;
import org.aikg.vocab.AIKG;
import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.io.JsonWriter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The JSON-LD every page embeds ({@code <script type="application/ld+json">}), expanded, and
 * made safe for a script element: a thing with the names and types of what it links to, the
 * passages it was derived from and a statistic's qualifier; the dataset as a {@code schema:Dataset}
 * with its files and its SPARQL endpoint; a class's page as a collection of its things. Canonical
 * IRIs throughout, like every RDF the server gives.
 */
public final class JsonLd {
    private static final List<Node> NAMES = List.of(SCHEMA_name, SKOS_prefLabel, SCHEMA_headline, RDFS_label);

    /** The most things whose names are kept. */
    private static final int KEPT = 100_000;

    private final Site site;
    /**
     * The types and names of linked things, kept while the graph is served: a place or a publisher
     * that many sources name is read once per source's graph through the union.
     */
    private final Cache<Node, List<Triple>> names = Caffeine.newBuilder().maximumSize(KEPT).build();

    JsonLd(Site site) {
        this.site = site;
    }

    /**
     * A thing's description, as {@code own} reads it, with the names of linked things and its provenance
     * (read through {@code reads}, the published graph as the page has read it).
     */
    String thing(Reads own, Reads reads, Node thing) {
        return write(thingGraph(own, reads, thing));
    }

    /** The triples {@link #thing} writes (no prefixes: expanded JSON-LD has no use for them). */
    Graph thingGraph(Reads own, Reads reads, Node thing) {
        Graph g = Describe.of(own::of, thing, Map.of());
        g.find(thing, SCHEMA_articleBody, Node.ANY).toList().forEach(g::delete);
        for (Triple t : g.find().toList()) {
            Node o = t.getObject();
            if (!o.isURI() || t.getPredicate().equals(RDF_type) || o.equals(thing) || o.getURI().startsWith(thing.getURI() + "#")) continue;
            names(g, o);
            if (t.getPredicate().equals(PROV_wasDerivedFrom)) Describe.of(reads::of, o, Map.of()).find().forEachRemaining(g::add);
        }
        return g;
    }

    /** The dataset for dataset search engines: names, licence, publisher, sources, every file and the SPARQL endpoint. */
    String dataset(List<Downloads.File> files) {
        Graph g = graph();
        Node ds = site.datasetNode;
        String base = site.base;
        add(g, ds, RDF_type, uri(SCHEMA + "Dataset"));
        site.data.find(ds, DCT_title, Node.ANY).forEachRemaining(t -> add(g, ds, SCHEMA_name, t.getObject()));
        site.data.find(ds, DCT_description, Node.ANY).forEachRemaining(t -> add(g, ds, uri(SCHEMA + "description"), t.getObject()));
        site.data.find(ds, DCT_license, Node.ANY).forEachRemaining(t -> add(g, ds, uri(SCHEMA + "license"), t.getObject()));
        site.data.find(ds, DCT_publisher, Node.ANY).forEachRemaining(t -> {
            add(g, ds, SCHEMA_publisher, t.getObject());
            add(g, t.getObject(), RDF_type, uri(SCHEMA + "Organization"));
            site.data.find(t.getObject(), SCHEMA_name, Node.ANY).forEachRemaining(n -> add(g, t.getObject(), SCHEMA_name, n.getObject()));
        });
        add(g, ds, uri(SCHEMA + "url"), uri(base));
        for (Node source : site.sources()) {
            add(g, ds, SCHEMA_isBasedOn, source);
            names(g, source);
        }
        for (Downloads.File f : files) {
            Node dist = uri(ds.getURI() + "#download-" + f.name().replace('.', '-'));
            add(g, ds, uri(SCHEMA + "distribution"), dist);
            add(g, dist, RDF_type, uri(SCHEMA + "DataDownload"));
            add(g, dist, uri(SCHEMA + "contentUrl"), uri(base + "download/" + f.name()));
            add(g, dist, uri(SCHEMA + "encodingFormat"), NodeFactory.createLiteralString(f.mediaType()));
            if (f.written()) add(g, dist, uri(SCHEMA + "contentSize"), NodeFactory.createLiteralString(Numbers.bytes(f.bytes(), "en")));
            add(g, dist, SCHEMA_name, NodeFactory.createLiteralLang(f.format().label() + (f.gzip() ? " (gzip)" : ""), "en"));
        }
        Node endpoint = uri(base + "sparql");
        add(g, ds, uri(VOID + "sparqlEndpoint"), endpoint);
        add(g, ds, uri(DCAT + "accessService"), endpoint);
        add(g, endpoint, RDF_type, uri(DCAT + "DataService"));
        add(g, endpoint, RDF_type, uri(SCHEMA + "WebAPI"));
        add(g, endpoint, uri(DCAT + "endpointURL"), endpoint);
        add(g, endpoint, SCHEMA_name, NodeFactory.createLiteralLang("SPARQL endpoint", "en"));
        return write(g);
    }

    /** A page listing things (a class's page, the list of classes): what it is about and the things on it. */
    String collection(String name, Node about, List<Node> items) {
        Graph g = graph();
        // labelled blank nodes: the same page is the same bytes on every server (replicas, ETags)
        Node page = NodeFactory.createBlankNode("page");
        add(g, page, RDF_type, uri(SCHEMA + "CollectionPage"));
        add(g, page, SCHEMA_name, NodeFactory.createLiteralString(name));
        if (about != null) add(g, page, SCHEMA_about, about);
        add(g, page, uri(SCHEMA + "isPartOf"), site.datasetNode);
        Node list = NodeFactory.createBlankNode("list");
        add(g, page, uri(SCHEMA + "mainEntity"), list);
        add(g, list, RDF_type, uri(SCHEMA + "ItemList"));
        add(g, list, uri(SCHEMA + "numberOfItems"), NodeFactory.createLiteralDT(Integer.toString(items.size()), XSDDatatype.XSDinteger));
        int position = 1;
        for (Node item : items) {
            Node entry = NodeFactory.createBlankNode("item-" + position);
            add(g, list, uri(SCHEMA + "itemListElement"), entry);
            add(g, entry, RDF_type, uri(SCHEMA + "ListItem"));
            add(g, entry, uri(SCHEMA + "position"), NodeFactory.createLiteralDT(Integer.toString(position++), XSDDatatype.XSDinteger));
            add(g, entry, uri(SCHEMA + "item"), item);
            names(g, item);
        }
        return write(g);
    }

    /** A page of the site that describes no thing of the data (the ontology's page, the queries): its name, in the dataset. */
    public String webPage(String name, Node about) {
        Graph g = graph();
        Node page = NodeFactory.createBlankNode("page");
        add(g, page, RDF_type, uri(SCHEMA + "WebPage"));
        add(g, page, SCHEMA_name, NodeFactory.createLiteralString(name));
        add(g, page, uri(SCHEMA + "isPartOf"), site.datasetNode);
        if (about != null) {
            add(g, page, SCHEMA_about, about);
            site.ontology().find(about, Node.ANY, Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isLiteral() || t.getPredicate().equals(RDF_type)) g.add(t);
            });
        }
        return write(g);
    }

    /** The types and names of a linked thing, from the data, else from the vocabularies (a unit, a qualifier). */
    private void names(Graph g, Node n) {
        names.get(n, this::namesOf).forEach(g::add);
    }

    private List<Triple> namesOf(Node n) {
        List<Triple> out = new ArrayList<>();
        boolean named = false;
        for (Triple t : site.data.find(n, Node.ANY, Node.ANY).toList()) {
            if (t.getPredicate().equals(RDF_type) || NAMES.contains(t.getPredicate())) {
                out.add(t);
                named |= !t.getPredicate().equals(RDF_type);
            }
        }
        if (!named) {
            for (Triple t : site.vocab().find(n, Node.ANY, Node.ANY).toList()) {
                if (t.getPredicate().equals(RDFS_label) || t.getPredicate().equals(SKOS_prefLabel)) out.add(t);
            }
        }
        if (n.isURI() && n.getURI().startsWith(AIKG.NS)) site.vocab().find(n, RDF_type, Node.ANY).forEachRemaining(out::add);
        return List.copyOf(out);
    }

    private static Graph graph() {
        return GraphFactory.createGraphMem();
    }

    /**
     * Expanded JSON-LD (full IRIs, no {@code @context}: what a reader of JSON-LD works on anyway), safe
     * inside a script element: no "<", ">" or "&" (written as JSON escapes, which mean the same).
     * <p>
     * Written here with Jena's JSON machinery ({@code org.apache.jena.atlas.json}: a tree of JSON values
     * and its writer) rather than RIOT's JSON-LD writer: that one turns the graph into a JSON-LD dataset,
     * runs the whole from-RDF algorithm over it and writes the result through a second JSON library, a fifth
     * of the time of a statistic's page (for its description of some 35 triples, about 0.15 ms of CPU, where
     * this takes about 0.025 ms). Expanded JSON-LD of a graph is a fixed shape (one node object per subject,
     * its types under {@code @type}, each property an array of {@code @id} or {@code @value} objects), so it
     * is built straight from the triples; language tags stay as the data has them ({@code zh-Hans}).
     * Subjects and values in {@link TripleOrder}, blank nodes numbered in that order: the same graph is the
     * same bytes on every server (replicas, ETags). JsonLdTest reads it back with RIOT's JSON-LD reader and
     * compares graphs.
     */
    static String write(Graph g) {
        List<Triple> triples = g.find().toList();
        triples.sort(TripleOrder.INSTANCE);
        Map<Node, String> blanks = new HashMap<>();
        JsonArray nodes = new JsonArray();
        for (int i = 0; i < triples.size();) {
            Node s = triples.get(i).getSubject();
            int end = i;
            while (end < triples.size() && triples.get(end).getSubject().equals(s)) end++;
            nodes.add(node(triples.subList(i, end), blanks));
            i = end;
        }
        ScriptSafe json = new ScriptSafe();
        Flat out = new Flat(json);
        JsonWriter w = new JsonWriter(out);
        w.startOutput();
        nodes.visit(w);
        w.finishOutput();
        return json.toString();
    }

    /** One subject's node object, from its triples (rdf:type first, then by predicate, as {@link TripleOrder} sorts them). */
    private static JsonObject node(List<Triple> triples, Map<Node, String> blanks) {
        JsonObject node = new JsonObject();
        node.put("@id", id(triples.get(0).getSubject(), blanks));
        int i = 0;
        JsonArray types = new JsonArray();
        for (; i < triples.size() && triples.get(i).getPredicate().equals(RDF_type) && !triples.get(i).getObject().isLiteral(); i++) {
            types.add(id(triples.get(i).getObject(), blanks));
        }
        if (!types.isEmpty()) node.put("@type", types);
        while (i < triples.size()) {
            Node p = triples.get(i).getPredicate();
            JsonArray values = new JsonArray();
            for (; i < triples.size() && triples.get(i).getPredicate().equals(p); i++) values.add(value(triples.get(i).getObject(), blanks));
            node.put(p.getURI(), values);
        }
        return node;
    }

    /** A value object: {@code {"@id": …}} for a resource, {@code {"@value": …}} with its language or datatype for a literal. */
    private static JsonObject value(Node o, Map<Node, String> blanks) {
        JsonObject value = new JsonObject();
        if (!o.isLiteral()) {
            value.put("@id", id(o, blanks));
        } else {
            value.put("@value", o.getLiteralLexicalForm());
            if (!o.getLiteralLanguage().isEmpty()) {
                value.put("@language", o.getLiteralLanguage());
                if (o.getLiteralBaseDirection() != null) value.put("@direction", o.getLiteralBaseDirection().direction());
            } else if (!o.getLiteralDatatypeURI().equals(XSDDatatype.XSDstring.getURI())) {
                value.put("@type", o.getLiteralDatatypeURI());
            }
        }
        return value;
    }

    private static String id(Node n, Map<Node, String> blanks) {
        return n.isBlank() ? blanks.computeIfAbsent(n, k -> "_:b" + blanks.size()) : n.getURI();
    }

    /**
     * Jena's indenting writer, flat, straight into {@link ScriptSafe}. Its own {@code print} keeps track
     * of lines and columns character by character, for indenting, which a flat text never needs: that was
     * half of the time of writing the JSON. (The one Jena gives, {@code IndentedLineBuffer}, also writes into
     * a {@code StringWriter}, whose buffer takes a lock for every character.)
     */
    private static final class Flat extends IndentedWriter {
        Flat(Writer out) {
            super(out);
            setFlatMode(true);
        }

        @Override
        public void print(String s) {
            try {
                out.write(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void print(char c) {
            try {
                out.write(c);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The JSON as it is written, with "<", ">" and "&" as JSON escapes (which mean the same), so that no
     * text in it can end the script element it is put in. These only ever occur inside JSON strings.
     */
    private static final class ScriptSafe extends Writer {
        private final StringBuilder text = new StringBuilder(4096);

        @Override
        public void write(int c) {
            switch (c) {
                case '<' -> text.append("\\u003c");
                case '>' -> text.append("\\u003e");
                case '&' -> text.append("\\u0026");
                default -> text.append((char) c);
            }
        }

        @Override
        public void write(char[] chars, int off, int len) {
            for (int i = off; i < off + len; i++) write(chars[i]);
        }

        @Override
        public void write(String str, int off, int len) {
            for (int i = off; i < off + len; i++) write(str.charAt(i));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private static Node uri(String s) {
        return NodeFactory.createURI(s);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(Triple.create(s, p, o));
    }
}
