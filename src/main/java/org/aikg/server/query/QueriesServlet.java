package org.aikg.server.query;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.aikg.format.Formats;
import org.aikg.query.NamedQuery;
import org.aikg.server.http.HttpError;
import org.aikg.server.http.Resource;
import org.aikg.server.http.Responses;
import org.aikg.server.page.JsonLd;
import org.aikg.server.site.Reader;
import org.aikg.server.site.Site;
import org.aikg.server.site.Templates;
import org.aikg.server.sparql.SparqlEndpoint;

/** {@code /queries} lists the named queries; {@code /queries/{name}} runs one, as {@code /sparql} would. */
public final class QueriesServlet extends Resource {
    private static final long serialVersionUID = 1L;
    private final transient Site site;
    private final transient QueriesPage page;
    private final transient Templates templates;
    private final transient SparqlEndpoint sparql;

    public QueriesServlet(Site site, JsonLd jsonLd, Templates templates, SparqlEndpoint sparql) {
        this.site = site;
        this.page = new QueriesPage(site, jsonLd);
        this.templates = templates;
        this.sparql = sparql;
    }

    @Override
    protected void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        if (path.equals("/queries") || path.equals("/queries/")) {
            Reader r = Reader.of(req);
            resp.setHeader("Vary", "Accept-Language");
            Responses.send(req, resp, Formats.HTML.contentType(), templates.render("queries", page.page(r.lang(), r.explicit())));
            return;
        }
        String name = path.substring("/queries/".length());
        NamedQuery q = name.matches("[A-Za-z0-9_-]+") ? site.queries().byName(name).orElse(null) : null;
        if (q == null) throw HttpError.notFound("there is no named query \"" + name + "\"; see /queries");
        sparql.run(req, resp, q.text());
    }
}
