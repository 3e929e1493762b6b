package org.aikg.server.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aikg.server.http.HttpError;
import org.aikg.server.http.Resource;
import org.aikg.server.http.Responses;

/**
 * {@code /static/*}: the style sheet and scripts of the pages, and YASGUI from its
 * webjar, read from the jar once and kept.
 */
public final class StaticServlet extends Resource {
    private static final long serialVersionUID = 1L;
    /** YASGUI's self-contained build, from its webjar: {@code /static/yasgui/yasgui.min.js}, {@code .css}. */
    static final String YASGUI = "META-INF/resources/webjars/zazuko__yasgui/4.5.0/build/";
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");
    private final transient Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @Override
    protected void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        if (!path.matches("/static/[A-Za-z0-9_./-]+\\.(css|js|svg|png|ico)")) throw HttpError.notFound("no such file");
        String rest = path.substring("/static/".length());
        String resource = rest.startsWith("yasgui/") ? YASGUI + rest.substring("yasgui/".length()) : "org/aikg/server/static/" + rest;
        byte[] body = cache.get(resource);
        if (body == null) {
            try (InputStream in = StaticServlet.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    body = in.readAllBytes();
                    cache.put(resource, body);
                }
            }
        }
        if (body == null || body.length == 0) throw HttpError.notFound("no such file");
        resp.setHeader("Cache-Control", "public, max-age=86400");
        Responses.send(req, resp, TYPES.get(path.substring(path.lastIndexOf('.') + 1)), body);
    }
}
