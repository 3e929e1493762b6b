package org.aikg.server.query;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.aikg.server.sparql.SparqlEndpoint;

/** {@code /sparql}: the endpoint, which checks methods and answers every refusal itself. */
public final class SparqlServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient SparqlEndpoint endpoint;

    public SparqlServlet(SparqlEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        endpoint.serve(req, resp);
    }
}
