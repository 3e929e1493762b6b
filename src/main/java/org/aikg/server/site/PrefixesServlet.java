package org.aikg.server.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.aikg.format.Formats;
import org.aikg.server.http.Resource;
import org.aikg.server.http.Responses;
import org.apache.jena.atlas.json.JsonObject;

/**
 * {@code /prefixes.json}: the site's prefixes as {@code {"schema": "http://schema.org/", …}}, the form
 * of prefix.cc's list, so that the query editor completes them without asking another host.
 */
public final class PrefixesServlet extends Resource {
    private static final long serialVersionUID = 1L;
    private final byte[] body;

    public PrefixesServlet(Map<String, String> prefixes) {
        JsonObject json = new JsonObject();
        new TreeMap<>(prefixes).forEach(json::put);
        this.body = json.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "public, max-age=3600");
        Responses.send(req, resp, Formats.JSON.contentType(), body);
    }
}
