package org.aikg.server.query;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;
import org.aikg.format.Formats;
import org.aikg.server.http.Resource;
import org.aikg.server.http.Responses;
import org.aikg.server.site.Site;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;

/**
 * {@code /terms.json}: the classes and the properties this dataset uses, the most used first
 * ({@code {"classes": ["http://schema.org/Observation", …], "properties": […]}}), counted from the data
 * with the rest of its counts, so that the query editor completes them without asking another host.
 */
public final class TermsServlet extends Resource {
    private static final long serialVersionUID = 1L;
    private final transient Site site;
    private transient volatile byte[] body;

    public TermsServlet(Site site) {
        this.site = site;
    }

    @Override
    protected void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] b = body;
        if (b == null) {
            JsonObject json = new JsonObject();
            json.put("classes", mostUsedFirst(site.classes()));
            json.put("properties", mostUsedFirst(site.properties()));
            body = b = JSON.toStringFlat(json).getBytes(StandardCharsets.UTF_8);
        }
        Responses.send(req, resp, Formats.JSON.contentType(), b);
    }

    private static JsonArray mostUsedFirst(Map<Node, Long> counted) {
        JsonArray a = new JsonArray();
        counted.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Node, Long> e) -> -e.getValue()).thenComparing(e -> e.getKey().getURI()))
                .forEach(e -> a.add(e.getKey().getURI()));
        return a;
    }
}
