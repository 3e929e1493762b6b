package org.aikg.server.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.aikg.server.http.HttpError;
import org.aikg.server.http.Offers;
import org.aikg.server.http.Params;
import org.aikg.server.http.Resource;
import org.aikg.server.http.Responses;
import org.aikg.server.site.PageCache;
import org.aikg.server.site.Reader;
import org.aikg.server.site.Site;
import org.aikg.server.site.Templates;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * {@code /id/{type}/{slug}} answers 303 to {@code /doc/{type}/{slug}}; {@code /doc/…} serves the
 * description in a page format, chosen by a file suffix, {@code ?format=}, or the {@code Accept} header.
 */
final class LinkedDataServlet extends Resource {
    private static final long serialVersionUID = 1L;
    private final transient Site site;
    private final transient ThingPage page;
    private final transient Templates templates;
    private final transient PageCache cache;

    LinkedDataServlet(Site site, ThingPage page, Templates templates, PageCache cache) {
        this.site = site;
        this.page = page;
        this.templates = templates;
        this.cache = cache;
    }

    @Override
    protected void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Paths.Thing p = Paths.thing(req.getRequestURI());
        Node thing = p == null ? null : NodeFactory.createURI(site.base + "id/" + p.type() + "/" + p.slug());
        if (p == null || !site.data.contains(thing, Node.ANY, Node.ANY) || (p.kind().equals("id") && p.suffix() != null)) {
            throw HttpError.notFound("there is nothing here with this address");
        }
        Reader reader = Reader.of(req);
        if (p.kind().equals("id")) {
            Responses.readHeaders(resp);
            resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
            resp.setHeader("Location", Links.href(p.docPath(), reader.lang(), reader.explicit()));
            resp.setHeader("Link", "<" + p.docPath() + ">; rel=\"describedby\"");
            resp.setHeader("Vary", "Accept");
            return;
        }
        Format format = chosen(req, p);
        int number = Params.page(req);
        boolean html = format == Formats.HTML;
        // a release made while the server runs changes the pages' history
        String key = p.docPath() + "|" + format.suffix() + (html ? "|" + reader.lang() + "|" + reader.explicit() + "|" + number + "|"
                + site.history().releases().size() : "");
        PageCache.Rendered r = cache.get(key, () -> {
            if (!html) return new PageCache.Rendered(format.write(Describe.of(site.data, thing, site.prefixes)), format.contentType());
            Views.Resource model = page.resource(site.data, thing, reader.lang(), reader.explicit(), p.docPath(), number);
            return model == null ? null : new PageCache.Rendered(templates.render("resource", model), format.contentType());
        });
        if (r == null) throw HttpError.notFound("there is no page " + number + " of this description");
        resp.setHeader("Vary", html ? "Accept, Accept-Language" : "Accept");
        if (p.suffix() == null && Params.one(req, "format") == null) resp.setHeader("Content-Location", p.docPath() + "." + format.suffix());
        StringBuilder link = new StringBuilder("<" + thing.getURI() + ">; rel=\"canonical\"");
        for (var alt : ThingPage.alternates(p.docPath())) {
            link.append(", <").append(alt.href()).append(">; rel=\"alternate\"; type=\"").append(alt.mediaType()).append('"');
        }
        resp.setHeader("Link", link.toString());
        resp.setHeader("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(site.lastModified(thing).atOffset(ZoneOffset.UTC)));
        Responses.send(req, resp, r.contentType(), r.body());
    }

    /** The format: a suffix, else {@code ?format=} (one of the suffixes), else negotiation. */
    private static Format chosen(HttpServletRequest req, Paths.Thing p) {
        if (p.suffix() != null) return Offers.PAGE.named(p.suffix()).orElseThrow();
        String format = Params.one(req, "format");
        if (format != null) {
            return Offers.PAGE.named(format).orElseThrow(() -> HttpError.badRequest("unknown format \"" + format + "\" (expected one of "
                    + String.join(", ", Offers.PAGE.suffixes()) + ")"));
        }
        return Offers.PAGE.choose(req.getHeader("Accept")).orElseThrow(() -> HttpError.notAcceptable(req.getHeader("Accept"), Offers.PAGE));
    }
}
