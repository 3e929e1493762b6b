package org.aikg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.aikg.convert.RdfFormat;
import org.aikg.server.Negotiation.Offer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * {@code /id/{type}/{slug}} answers 303 to {@code /doc/{type}/{slug}}; {@code /doc/…} serves the
 * description as HTML, Turtle, N-Triples, JSON-LD or RDF/XML, chosen by {@code ?format=}, a file
 * suffix, or the {@code Accept} header.
 */
final class LinkedDataServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Site site;
    private final transient Pages pages;
    private final transient Templates templates;
    private final transient PageCache cache;

    LinkedDataServlet(Site site, Pages pages, Templates templates, PageCache cache) {
        this.site = site;
        this.pages = pages;
        this.templates = templates;
        this.cache = cache;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (Http.admitRead(req, resp)) read(req, resp);
    }

    private void read(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Paths.Thing p = Paths.thing(req.getRequestURI());
        Node thing = p == null ? null : NodeFactory.createURI(site.base + "id/" + p.type() + "/" + p.slug());
        if (p == null || !site.data.contains(thing, Node.ANY, Node.ANY)) {
            Errors.notFound(req, resp, templates, pages);
            return;
        }
        String lang = Http.language(req);
        boolean explicit = req.getParameter("lang") != null;
        if (p.kind().equals("id")) {
            if (p.suffix() != null) {
                Errors.notFound(req, resp, templates, pages);
                return;
            }
            Http.readHeaders(resp);
            resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
            resp.setHeader("Location", pages.href(p.docPath(), lang, explicit));
            resp.setHeader("Vary", "Accept");
            return;
        }
        String variant = p.suffix();
        String format = req.getParameter("format");
        if (format != null) {
            if (!java.util.List.of("ttl", "nt", "jsonld", "rdf", "html").contains(format)) {
                Http.sendText(req, resp, 400, "unknown format \"" + format + "\" (expected ttl, nt, jsonld, rdf or html)");
                return;
            }
            variant = format;
        }
        if (variant == null) {
            Optional<Offer> o = Negotiation.choose(req.getHeader("Accept"), Media.DOC_OFFERS);
            if (o.isEmpty()) {
                Errors.notAcceptable(req, resp, Media.DOC_TYPES);
                return;
            }
            variant = o.get().variant();
            resp.setHeader("Content-Location", p.docPath() + "." + variant);
        }
        int page = 1;
        String pageParam = req.getParameter("page");
        if (pageParam != null) {
            try {
                page = Integer.parseInt(pageParam);
            } catch (NumberFormatException e) {
                page = 0;
            }
            if (page < 1 || page > 1_000_000) {
                Http.sendText(req, resp, 400, "bad page number \"" + pageParam + "\" (expected 1, 2, …)");
                return;
            }
        }
        boolean html = variant.equals("html");
        String key = p.docPath() + "|" + variant + (html ? "|" + lang + "|" + explicit + "|" + page : "");
        final String v = variant;
        final int pg = page;
        PageCache.Rendered r = cache.get(key, () -> {
            if (!html) return new PageCache.Rendered(rdf(thing, RdfFormat.named(v)), Media.withCharset(Media.of(RdfFormat.named(v))));
            Views.Resource model = pages.resource(thing, lang, explicit, p.docPath(), pg);
            return model == null ? null : new PageCache.Rendered(templates.render("resource", model), Media.withCharset(Media.HTML));
        });
        if (r == null) {
            Errors.notFound(req, resp, templates, pages);
            return;
        }
        resp.setHeader("Vary", html ? "Accept, Accept-Language" : "Accept");
        StringBuilder link = new StringBuilder("<" + thing.getURI() + ">; rel=\"canonical\"");
        for (var alt : pages.alternates(p.docPath())) {
            link.append(", <").append(alt.href()).append(">; rel=\"alternate\"; type=\"").append(alt.mediaType()).append('"');
        }
        resp.setHeader("Link", link.toString());
        Http.send(req, resp, 200, r.contentType(), r.body());
    }

    private byte[] rdf(Node thing, RdfFormat format) {
        return Media.write(Describe.of(site.data, thing, site.prefixes), format);
    }
}
