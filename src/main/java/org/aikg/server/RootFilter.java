package org.aikg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The home page at {@code /}, and the 404 page for every path that none of the services owns. A
 * filter rather than a servlet, because Fuseki keeps the root servlet for itself.
 */
final class RootFilter implements Filter {
    private static final java.util.regex.Pattern OWNED = java.util.regex.Pattern.compile(
            "/(sparql|download|queries|ds|\\.well-known/void)(/.*)?|/(dataset|def)(\\.(ttl|nt|jsonld|rdf|html))?|/(id|doc|static)/.*");
    private final Pages pages;
    private final Templates templates;
    private final PageCache cache;
    private final Downloads downloads;
    private final SparqlServlet sparql;

    RootFilter(Pages pages, Templates templates, PageCache cache, Downloads downloads, SparqlServlet sparql) {
        this.sparql = sparql;
        this.pages = pages;
        this.templates = templates;
        this.cache = cache;
        this.downloads = downloads;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String path = req.getRequestURI();
        if (ReadOnlyFilter.isFusekiQuery(req)) {
            sparql.service(req, resp);
            return;
        }
        if (!path.equals("/") && OWNED.matcher(path).matches()) {
            chain.doFilter(request, response);
            return;
        }
        if (!Http.admitRead(req, resp)) return;
        if (!req.getRequestURI().equals("/")) {
            Errors.notFound(req, resp, templates, pages);
            return;
        }
        String lang = Http.language(req);
        boolean explicit = req.getParameter("lang") != null;
        PageCache.Rendered r = cache.get("/|" + lang + "|" + explicit,
                () -> new PageCache.Rendered(templates.render("home", pages.home(lang, explicit, downloads)), Media.withCharset(Media.HTML)));
        resp.setHeader("Vary", "Accept-Language");
        resp.setHeader("Link", "</dataset>; rel=\"describedby\"; type=\"text/turtle\", </sparql>; rel=\"http://www.w3.org/ns/sparql-service-description#endpoint\"");
        Http.send(req, resp, 200, r.contentType(), r.body());
    }
}
