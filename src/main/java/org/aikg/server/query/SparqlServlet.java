package org.aikg.server.query;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.aikg.query.NamedQueries;
import org.aikg.query.NamedQuery;
import org.aikg.server.http.HttpError;
import org.aikg.server.http.Params;
import org.aikg.server.http.Refusals;
import org.aikg.server.page.Links;
import org.aikg.server.site.Reader;
import org.aikg.server.sparql.SparqlEndpoint;

/**
 * {@code /sparql}: the endpoint, which checks methods and answers every refusal itself. The query page's
 * examples form asks {@code ?example=NAME} (without a query): that is sent on ({@code 303}) to the query of
 * that name, {@code ?query=…}, which the endpoint runs as any other.
 */
public final class SparqlServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient SparqlEndpoint endpoint;
    private final transient Supplier<NamedQueries> examples;

    public SparqlServlet(SparqlEndpoint endpoint, Supplier<NamedQueries> examples) {
        this.endpoint = endpoint;
        this.examples = examples;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String method = req.getMethod();
        if ((method.equals("GET") || method.equals("HEAD")) && req.getParameter("query") == null && req.getParameter("example") != null && !req.getParameter("example").isBlank()) {
            try {
                example(req, resp);
            } catch (HttpError e) {
                Refusals.send(req, resp, e);
            }
            return;
        }
        endpoint.serve(req, resp);
    }

    private void example(HttpServletRequest req, HttpServletResponse resp) {
        String name = Params.one(req, "example");
        NamedQuery q = examples.get().byName(name).orElseThrow(() -> HttpError.notFound("there is no example \"" + name + "\"; see /queries"));
        Reader reader = Reader.of(req);
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Location", Links.href(QueryPage.queryPath(q.text()), reader.lang(), reader.explicit()));
        resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
    }
}
