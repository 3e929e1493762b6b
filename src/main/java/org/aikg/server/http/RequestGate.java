package org.aikg.server.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;
import java.util.Locale;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;

/**
 * In front of everything, Fuseki's dataset included: paths with encoded separators or dot segments
 * and paths that no resource serves get {@code 404} (in the site's layout), an over-long URL
 * {@code 414}, a body over the limit {@code 413} before it is read. What serves a path is not written
 * here: it is what the servlet container mapped the request to, or a dataset endpoint registered
 * with Fuseki.
 */
public final class RequestGate implements Filter {
    /** Longer URLs (a GET query is in its URL) are refused with 414, telling to POST. */
    public static final int MAX_QUERY_STRING = 8 * 1024;
    private final long maxBody;

    /** A gate refusing request bodies over {@code maxBody} bytes. */
    public RequestGate(long maxBody) {
        this.maxBody = maxBody;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        try {
            if (!safe(req.getRequestURI())) throw HttpError.notFound("no such path");
            String qs = req.getQueryString();
            if (qs != null && qs.length() > MAX_QUERY_STRING && !req.getMethod().equals("POST")) {
                throw new HttpError(414, "the request is over " + MAX_QUERY_STRING
                        + " characters; send a long query with POST (as application/sparql-query, or as a form)");
            }
            if (req.getContentLengthLong() > maxBody) throw HttpError.tooLarge("a request body may be at most " + maxBody + " bytes");
            parameters(req);
            if (!isDatasetRequest(req) && req.getHttpServletMapping().getMappingMatch() == MappingMatch.DEFAULT) {
                throw HttpError.notFound("there is nothing here with this address");
            }
        } catch (HttpError e) {
            Refusals.send(req, resp, e);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Reads the parameters (the query string, and a form body) once, here, so that no servlet meets a
     * malformed one: percent-encoding that is not, or bytes that are not UTF-8, are 400 on every path; a
     * form over the body limit is 413.
     */
    private void parameters(HttpServletRequest req) {
        try {
            req.getParameterMap();
        } catch (IllegalStateException e) {
            // Jetty's "form too large"
            throw HttpError.tooLarge("a form may be at most " + maxBody + " bytes");
        } catch (RuntimeException e) {
            throw HttpError.badRequest("the query string or form is not percent-encoded UTF-8 (" + oneLine(e.getMessage()) + ")");
        }
    }

    private static String oneLine(String s) {
        if (s == null) return "malformed";
        String t = s.replaceAll("[\\r\\n\\t]+", " ").strip();
        return t.length() > 120 ? t.substring(0, 120) + "…" : t;
    }

    /**
     * True when Fuseki serves this request: the path is a registered dataset, or one of its named
     * endpoints ({@code /ds}, {@code /ds/query}).
     */
    public static boolean isDatasetRequest(HttpServletRequest req) {
        DataAccessPointRegistry registry = DataAccessPointRegistry.get(req.getServletContext());
        if (registry == null) return false;
        String path = req.getRequestURI();
        for (DataAccessPoint dap : registry.accessPoints()) {
            String name = dap.getName();
            if (path.equals(name)) return true;
            if (path.startsWith(name + "/")) {
                var endpoints = dap.getDataService().getEndpointSet(path.substring(name.length() + 1));
                return endpoints != null && !endpoints.isEmpty();
            }
        }
        return false;
    }

    /** The raw request path is safe: no encoded separators, dot segments, doubled slashes or NULs. */
    public static boolean safe(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) return false;
        String lower = rawPath.toLowerCase(Locale.ROOT);
        return !(lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e") || lower.contains("\\") || lower.contains("/../")
                || lower.endsWith("/..") || lower.contains("/./") || lower.endsWith("/.") || lower.contains("//") || lower.contains("%00"));
    }
}
