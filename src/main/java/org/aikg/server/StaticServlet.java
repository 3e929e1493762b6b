package org.aikg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /static/*}: the style sheet and script of the pages, and the CodeMirror editor from its
 * webjar, read from the jar once and kept.
 */
final class StaticServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String CODEMIRROR = "META-INF/resources/webjars/codemirror/5.65.20/";
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");
    private final transient Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!Http.admitRead(req, resp)) return;
        String path = req.getRequestURI();
        if (!Paths.safe(path) || !path.matches("/static/[A-Za-z0-9_./-]+\\.(css|js|svg|png|ico)")) {
            Http.sendText(req, resp, 404, "404 Not Found: no such file");
            return;
        }
        String rest = path.substring("/static/".length());
        String resource = rest.startsWith("codemirror/") ? CODEMIRROR + rest.substring("codemirror/".length()) : "org/aikg/server/static/" + rest;
        byte[] body = cache.get(resource);
        if (body == null) {
            try (InputStream in = StaticServlet.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    body = in.readAllBytes();
                    cache.put(resource, body);
                }
            }
        }
        if (body == null || body.length == 0) {
            Http.sendText(req, resp, 404, "404 Not Found: no such file");
            return;
        }
        resp.setHeader("Cache-Control", "public, max-age=86400");
        Http.send(req, resp, 200, TYPES.get(path.substring(path.lastIndexOf('.') + 1)), body);
    }
}
