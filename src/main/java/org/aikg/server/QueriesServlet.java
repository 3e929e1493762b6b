package org.aikg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.aikg.query.NamedQuery;

/** {@code /queries} lists the named queries; {@code /queries/{name}} runs one, as {@code /sparql} would. */
final class QueriesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Site site;
    private final transient Pages pages;
    private final transient Templates templates;
    private final transient SparqlServlet sparql;

    QueriesServlet(Site site, Pages pages, Templates templates, SparqlServlet sparql) {
        this.site = site;
        this.pages = pages;
        this.templates = templates;
        this.sparql = sparql;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!Http.admitRead(req, resp)) return;
        String path = req.getRequestURI();
        if (path.equals("/queries") || path.equals("/queries/")) {
            String lang = Http.language(req);
            byte[] body = templates.render("queries", pages.queries(lang, req.getParameter("lang") != null));
            resp.setHeader("Vary", "Accept-Language");
            Http.send(req, resp, 200, Media.withCharset(Media.HTML), body);
            return;
        }
        String name = path.substring("/queries/".length());
        NamedQuery q = Paths.safe(path) && name.matches("[A-Za-z0-9_-]+") ? site.queries.byName(name).orElse(null) : null;
        if (q == null) {
            Errors.notFound(req, resp, templates, pages);
            return;
        }
        sparql.run(req, resp, q.text());
    }
}
