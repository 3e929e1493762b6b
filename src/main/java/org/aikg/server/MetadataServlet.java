package org.aikg.server;

import static org.aikg.vocab.Vocab.*;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.aikg.server.http.HttpError;
import org.aikg.server.http.Offers;
import org.aikg.server.http.Params;
import org.aikg.server.http.Resource;
import org.aikg.server.http.Responses;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * {@code /dataset} and {@code /.well-known/void}: the VoID and DCAT description with the counts of
 * this load, the downloads and the endpoint; {@code /def}: the ontology, as a page or as Turtle.
 */
final class MetadataServlet extends Resource {
    private static final long serialVersionUID = 1L;

    private final transient Site site;
    private final transient Pages pages;
    private final transient Templates templates;
    private final transient Downloads downloads;
    private final transient Map<String, byte[]> cache = new ConcurrentHashMap<>();

    MetadataServlet(Site site, Pages pages, Templates templates, Downloads downloads) {
        this.site = site;
        this.pages = pages;
        this.templates = templates;
        this.downloads = downloads;
    }

    @Override
    protected void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        boolean def = path.startsWith("/def");
        int dot = path.lastIndexOf('.');
        String suffix = dot > 1 && !path.startsWith("/.well-known") ? path.substring(dot + 1) : null;
        String param = Params.one(req, "format");
        Format format;
        if (suffix != null) format = Offers.PAGE.named(suffix).orElseThrow(() -> HttpError.notFound("no such format: " + suffix));
        else if (param != null) format = Offers.PAGE.named(param).orElseThrow(() -> HttpError.badRequest("unknown format \"" + param
                + "\" (expected one of " + String.join(", ", Offers.PAGE.suffixes()) + ")"));
        else format = Offers.PAGE.choose(req.getHeader("Accept")).orElseThrow(() -> HttpError.notAcceptable(req.getHeader("Accept"), Offers.PAGE));
        resp.setHeader("Vary", "Accept, Accept-Language");
        Reader r = Reader.of(req);
        List<Downloads.File> files = def ? List.of() : downloads.current();
        java.util.function.Function<String, byte[]> make;
        String key;
        if (format == Formats.HTML) {
            key = (def ? "def|" : "void|") + r.lang() + "|" + r.explicit();
            make = k -> def ? templates.render("ontology", pages.ontology(r.lang(), r.explicit()))
                    : templates.render("resource", pages.datasetPage(voidGraph(files), r.lang(), r.explicit(), files));
            if (def) resp.setHeader("Link", "<" + org.aikg.vocab.AIKG.ONTOLOGY + ">; rel=\"canonical\", </def.ttl>; rel=\"alternate\"; type=\""
                    + Formats.TURTLE.mediaType() + "\"");
        } else {
            key = (def ? "def|" : "void|") + format.suffix();
            make = k -> format.write(def ? site.ontology() : voidGraph(files));
        }
        // kept for the files written so far: made again (once) when more are written, to show their sizes
        byte[] body = cache.computeIfAbsent(def ? key : key + "|" + downloads.writtenCount(), make);
        Responses.send(req, resp, format.contentType(), body);
    }

    /**
     * The dataset's own description from the data, with what this load counted and serves. Its
     * URLs are under the canonical base, like every IRI of the data: the deployed host serves them
     * (pages link them to this server's own paths), and no request's Host header ever shapes them.
     */
    Graph voidGraph(List<Downloads.File> files) {
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
