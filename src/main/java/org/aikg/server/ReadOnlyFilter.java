package org.aikg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * In front of everything, Fuseki's endpoints included: only reads pass. A write method, a SPARQL
 * update or a POST that is not a query gets {@code 405}; paths with encoded separators or dot
 * segments get {@code 404}; and a {@code 503} from Fuseki's time limit gains a {@code Retry-After}.
 */
final class ReadOnlyFilter implements Filter {
    /** Longer GET queries are refused with 414, telling to POST. */
    static final int MAX_QUERY_STRING = 8 * 1024;
    private static final Set<String> QUERY_POSTS = Set.of("/sparql", "/ds", "/ds/query", "/ds/sparql");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String path = req.getRequestURI();
        if (!Paths.safe(path)) {
            Http.sendText(req, resp, 404, "404 Not Found: " + "no such path");
            return;
        }
        String method = req.getMethod();
        String qs = req.getQueryString();
        if (qs != null && qs.length() > MAX_QUERY_STRING && !method.equals("POST")) {
            resp.setHeader("Cache-Control", "no-store");
            Http.sendText(req, resp, 414, "414 URI Too Long: the request is over " + MAX_QUERY_STRING
                    + " characters; send a long query with POST (as application/sparql-query, or as a form)");
            return;
        }
        boolean ok = switch (method) {
            case "GET", "HEAD", "OPTIONS" -> req.getParameter("update") == null;
            case "POST" -> QUERY_POSTS.contains(path) && isQuery(req);
            default -> false;
        };
        if (ok && method.equals("POST")) {
            long length = req.getContentLengthLong();
            if (length < 0) {
                Http.sendText(req, resp, 411, "411 Length Required: send a query with a Content-Length");
                return;
            }
            if (length > SparqlServlet.MAX_QUERY_BYTES * 4L) {
                Http.sendText(req, resp, 413, "413 Content Too Large: a query may be at most " + SparqlServlet.MAX_QUERY_BYTES + " bytes");
                return;
            }
        }
        if (!ok) {
            Http.methodNotAllowed(req, resp, QUERY_POSTS.contains(path) ? "GET, HEAD, POST (queries only), OPTIONS" : "GET, HEAD, OPTIONS");
            return;
        }
        chain.doFilter(req, new HttpServletResponseWrapper(resp) {
            @Override
            public void sendError(int sc, String msg) throws IOException {
                if (sc == 503) setHeader("Retry-After", SparqlServlet.RETRY_AFTER_SECONDS);
                super.sendError(sc, msg);
            }

            @Override
            public void sendError(int sc) throws IOException {
                if (sc == 503) setHeader("Retry-After", SparqlServlet.RETRY_AFTER_SECONDS);
                super.sendError(sc);
            }

            @Override
            public void setStatus(int sc) {
                if (sc == 503) setHeader("Retry-After", SparqlServlet.RETRY_AFTER_SECONDS);
                super.setStatus(sc);
            }
        });
    }

    /**
     * Queries to Fuseki's own query URLs, which aikg answers itself (same protocol) so that a query
     * cut by the time limit is a 503 there too, never a truncated 200.
     */
    static boolean isFusekiQuery(HttpServletRequest req) {
        String path = req.getRequestURI();
        if (path.equals("/ds/query") || path.equals("/ds/sparql")) return true;
        return path.equals("/ds") && (req.getMethod().equals("POST") || req.getParameter("query") != null);
    }

    private static boolean isQuery(HttpServletRequest req) {
        String ct = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        if (ct.startsWith("application/sparql-query")) return true;
        if (ct.startsWith("application/x-www-form-urlencoded")) return req.getParameter("update") == null && req.getParameter("query") != null;
        return false;
    }
}
