package org.aikg.server.page;

import static org.aikg.vocab.Vocab.*;

import java.util.List;
import java.util.Map;
import org.aikg.server.download.Downloads;
import org.aikg.server.page.Views.Head;
import org.aikg.server.page.Views.Resource;
import org.aikg.server.site.Labels;
import org.aikg.server.site.Site;
import org.aikg.server.site.Words;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * {@code /dataset}: the VoID and DCAT description of the dataset with the counts of this load, the
 * downloads and the endpoint, as RDF, and as a thing's page with the dataset's schema.org view for
 * search engines.
 */
final class DatasetPage {
    private final Site site;
    private final ThingPage things;
    private final JsonLd jsonLd;

    DatasetPage(Site site, ThingPage things, JsonLd jsonLd) {
        this.site = site;
        this.things = things;
        this.jsonLd = jsonLd;
    }

    /** The description as a page: the thing's page of the dataset in {@link #graph}. */
    Resource page(String lang, boolean explicit, List<Downloads.File> files) {
        Resource r = things.resource(graph(files), site.datasetNode, lang, explicit, "/dataset", 1);
        Head h = r.head();
        Head head = new Head(h.title(), h.description(), h.ui(), h.canonical(), h.alternates(), jsonLd.dataset(files), h.otherLangHref());
        return new Resource(head, r.titleLang(), r.iri(), r.breadcrumbs(), r.types(), r.figure(), r.evidence(), r.rows(), r.inverse(), r.charts(), r.queryHref(),
                r.fragments(), r.text(), r.sources(), things.versions(lang, explicit), Words.of(lang).versions(), r.wording(), r.cite(), r.previous(), r.next());
    }

    /**
     * The dataset's own description from the data, with what this load counted and serves. Its
     * URLs are under the canonical base, like every IRI of the data: the deployed host serves them
     * (pages link them to this server's own paths), and no request's Host header ever shapes them.
     */
    Graph graph(List<Downloads.File> files) {
        String origin = site.base.substring(0, site.base.length() - 1);
        Graph g = GraphFactory.createGraphMem();
        site.prefixes.forEach(g.getPrefixMapping()::setNsPrefix);
        Node ds = site.datasetNode;
        site.data.find(ds, Node.ANY, Node.ANY).forEachRemaining(t -> {
            g.add(t);
            if (t.getObject().isURI() && t.getPredicate().equals(DCT_publisher)) site.data.find(t.getObject(), Node.ANY, Node.ANY).forEachRemaining(g::add);
        });
        add(g, ds, RDF_type, DCAT_Dataset);
        add(g, ds, RDF_type, VOID_Dataset);
        add(g, ds, uri(VOID + "triples"), integer(site.triples()));
        add(g, ds, uri(VOID + "entities"), integer(site.entities()));
        add(g, ds, uri(VOID + "classes"), integer(site.classes().size()));
        add(g, ds, uri(VOID + "sparqlEndpoint"), uri(origin + "/sparql"));
        add(g, ds, uri(VOID + "dataDump"), uri(origin + "/download/aikg.ttl"));
        add(g, ds, uri(VOID + "rootResource"), uri(site.base));
        for (Map.Entry<Node, Long> e : site.classes().entrySet()) {
            Node part = uri(ds.getURI() + "#class-" + Labels.localName(e.getKey()));
            add(g, ds, uri(VOID + "classPartition"), part);
            add(g, part, uri(VOID + "class"), e.getKey());
            add(g, part, uri(VOID + "entities"), integer(e.getValue()));
        }
        for (Downloads.File f : files) {
            Node dist = uri(ds.getURI() + "#download-" + f.name().replace('.', '-'));
            add(g, ds, uri(DCAT + "distribution"), dist);
            add(g, dist, RDF_type, uri(DCAT + "Distribution"));
            add(g, dist, uri(DCAT + "downloadURL"), uri(origin + "/download/" + f.name()));
            add(g, dist, uri(DCAT + "mediaType"), uri("https://www.iana.org/assignments/media-types/" + f.mediaType()));
            if (f.written()) add(g, dist, uri(DCAT + "byteSize"), NodeFactory.createLiteralDT(Long.toString(f.bytes()), XSDDatatype.XSDnonNegativeInteger));
            add(g, dist, DCT_title, NodeFactory.createLiteralLang(f.format().label() + (f.gzip() ? " (gzip)" : ""), "en"));
        }
        Node service = uri(origin + "/sparql");
        add(g, ds, uri(DCAT + "accessService"), service);
        add(g, service, RDF_type, uri(DCAT + "DataService"));
        add(g, service, uri(DCAT + "endpointURL"), service);
        for (Node a : site.sources()) {
            site.data.find(a, SCHEMA_headline, Node.ANY).forEachRemaining(g::add);
        }
        return g;
    }

    private static Node uri(String s) {
        return NodeFactory.createURI(s);
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(Triple.create(s, p, o));
    }
}
