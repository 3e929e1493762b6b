package org.aikg.server.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.aikg.server.http.HttpError;
import org.aikg.server.http.Offers;
import org.aikg.server.http.Params;
import org.aikg.server.http.RequestGate;
import org.aikg.server.http.Resource;
import org.aikg.server.http.Responses;
import org.aikg.server.site.PageCache;
import org.aikg.server.site.Reader;
import org.aikg.server.site.Site;
import org.aikg.server.site.Templates;
import org.aikg.vocab.Vocab;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * {@code /class} lists the classes of the published graph with how many things each has;
 * {@code /class/{Type}} lists the things of one ({@code /class/City}, {@code /class/skos:Concept}),
 * a page of {@value Views#PAGE_SIZE} at a time ({@code ?page=2}). A class page is also RDF (the
 * things' types and names) by {@code Accept} or {@code ?format=}.
 */
final class ClassServlet extends Resource {
    private static final long serialVersionUID = 1L;
    private final transient Site site;
    private final transient Classes classes;
    private final transient ClassPages pages;
    private final transient Templates templates;
    private final transient PageCache cache;

    ClassServlet(Site site, Classes classes, ClassPages pages, Templates templates, PageCache cache) {
        this.site = site;
        this.classes = classes;
        this.pages = pages;
        this.templates = templates;
        this.cache = cache;
    }

    @Override
    protected void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        Reader r = Reader.of(req);
        resp.setHeader("Vary", "Accept, Accept-Language");
        if (path.equals("/class") || path.equals("/class/")) {
            PageCache.Rendered page = cache.get("/class|" + r.lang() + "|" + r.explicit(),
                    () -> new PageCache.Rendered(templates.render("classes", pages.index(r.lang(), r.explicit())), Formats.HTML.contentType()));
            Responses.send(req, resp, page.contentType(), page.body());
            return;
        }
        // the segment as a client may encode it: /class/skos%3AConcept is /class/skos:Concept
        String segment = path.startsWith("/class/") ? Params.decodedSegment(path.substring("/class/".length())) : "";
        Node cls = RequestGate.safe(path) && segment.matches("[A-Za-z0-9_:-]{1,200}") ? classes.forSegment(segment) : null;
        if (cls == null) throw HttpError.notFound("there is no class \"" + segment + "\" here; see /class");
        String canonicalPath = classes.pageOf(cls);
        Format format = format(req);
        int page = Params.page(req);
        boolean html = format == Formats.HTML;
        String key = canonicalPath + "|" + format.suffix() + (html ? "|" + r.lang() + "|" + r.explicit() + "|" + page : "");
        PageCache.Rendered rendered = cache.get(key, () -> {
            if (!html) return new PageCache.Rendered(format.write(listing(cls)), format.contentType());
            Views.ClassPage model = pages.page(cls, r.lang(), r.explicit(), canonicalPath, page);
            return model == null ? null : new PageCache.Rendered(templates.render("class", model), format.contentType());
        });
        if (rendered == null) throw HttpError.notFound("there is no page " + page + " of this class");
        Responses.send(req, resp, rendered.contentType(), rendered.body());
    }

    /** The things of a class as RDF: their types and names. */
    private Graph listing(Node cls) {
        Graph g = GraphFactory.createGraphMem();
        site.prefixes.forEach(g.getPrefixMapping()::setNsPrefix);
        for (Node thing : classes.of(cls)) {
            g.add(Triple.create(thing, Vocab.RDF_type, cls));
            for (Node p : List.of(Vocab.SCHEMA_name, Vocab.SKOS_prefLabel, Vocab.SCHEMA_headline)) site.data.find(thing, p, Node.ANY).forEachRemaining(g::add);
        }
        return g;
    }

    private static Format format(HttpServletRequest req) {
        String param = Params.one(req, "format");
        if (param != null) {
            return Offers.PAGE.named(param).orElseThrow(() -> HttpError.badRequest("unknown format \"" + param + "\" (expected one of "
                    + String.join(", ", Offers.PAGE.suffixes()) + ")"));
        }
        return Offers.PAGE.choose(req.getHeader("Accept")).orElseThrow(() -> HttpError.notAcceptable(req.getHeader("Accept"), Offers.PAGE));
    }
}
