package org.aikg.server;

import static org.aikg.vocab.Vocab.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aikg.vocab.AIKG;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The JSON-LD every page embeds ({@code <script type="application/ld+json">}), written by Jena and
 * made safe for a script element: a thing with the names and types of what it links to, the
 * passages it was derived from and a statistic's qualifier; the dataset as a {@code schema:Dataset}
 * with its files and its SPARQL endpoint; a class's page as a collection of its things. Canonical
 * IRIs throughout, like every RDF the server gives.
 */
final class JsonLd {
    private static final List<Node> NAMES = List.of(SCHEMA_name, SKOS_prefLabel, SCHEMA_headline, RDFS_label);

    /** The most things whose names are kept. */
    private static final int KEPT = 100_000;

    private final Site site;
    /**
     * The types and names of linked things, kept while the graph is served: a place or a publisher
     * that many sources name is read once per source's graph through the union.
     */
    private final Map<Node, List<Triple>> names = new ConcurrentHashMap<>();

    JsonLd(Site site) {
        this.site = site;
    }

    /**
     * A thing's description, as {@code own} reads it, with the names of linked things and its provenance
     * (read through {@code reads}, the published graph as the page has read it).
     */
    String thing(Reads own, Reads reads, Node thing) {
        Graph g = Describe.of(own::of, thing, site.prefixes);
        g.find(thing, SCHEMA_articleBody, Node.ANY).toList().forEach(g::delete);
        for (Triple t : g.find().toList()) {
            Node o = t.getObject();
            if (!o.isURI() || t.getPredicate().equals(RDF_type) || o.equals(thing) || o.getURI().startsWith(thing.getURI() + "#")) continue;
            names(g, o);
            if (t.getPredicate().equals(PROV_wasDerivedFrom)) Describe.of(reads::of, o, site.prefixes).find().forEachRemaining(g::add);
        }
        return write(g);
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
            add(g, dist, uri(SCHEMA + "contentSize"), NodeFactory.createLiteralString(Numbers.bytes(f.bytes(), "en")));
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
    String webPage(String name, Node about) {
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
        List<Triple> found = names.get(n);
        if (found == null) {
            found = namesOf(n);
            if (names.size() < KEPT) names.put(n, found);
        }
        found.forEach(g::add);
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

    private Graph graph() {
        Graph g = GraphFactory.createGraphMem();
        site.prefixes.forEach(g.getPrefixMapping()::setNsPrefix);
        return g;
    }

    /**
     * JSON-LD safe inside a script element: no "<", ">" or "&" (written as JSON escapes, which mean the same).
     * Expanded (full IRIs, no {@code @context}): what a reader of JSON-LD works on anyway, and written in
     * a tenth of a millisecond, where compacting it against the prefixes took one to two milliseconds a
     * page, more than the rest of the page; it also keeps language tags as the data has them ({@code zh-Hans}).
     */
    static String write(Graph g) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(g).format(RDFFormat.JSONLD11_PLAIN).output(out);
        // in the bytes, before decoding: these are ASCII, never part of another character's UTF-8, and a
        // text with Chinese in it is a UTF-16 string, which String.replace searches slowly
        byte[] json = out.toByteArray();
        ByteArrayOutputStream safe = new ByteArrayOutputStream(json.length + 32);
        int from = 0;
        for (int i = 0; i < json.length; i++) {
            String escape = switch (json[i]) {
                case '<' -> "\\u003c";
                case '>' -> "\\u003e";
                case '&' -> "\\u0026";
                default -> null;
            };
            if (escape == null) continue;
            safe.write(json, from, i - from);
            safe.writeBytes(escape.getBytes(StandardCharsets.US_ASCII));
            from = i + 1;
        }
        safe.write(json, from, json.length - from);
        return safe.toString(StandardCharsets.UTF_8);
    }

    private static Node uri(String s) {
        return NodeFactory.createURI(s);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(Triple.create(s, p, o));
    }
}
