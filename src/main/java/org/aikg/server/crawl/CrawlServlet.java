package org.aikg.server.crawl;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aikg.format.Formats;
import org.aikg.server.http.HttpError;
import org.aikg.server.http.Resource;
import org.aikg.server.http.Responses;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * What crawlers read first: {@code /robots.txt} (the pages are open; the query endpoints, whose
 * every URL is another query, are not for crawling; where the sitemap is) and the sitemap
 * ({@code /sitemap.xml}, and {@code /sitemap-N.xml} past 50,000 pages), made once, when first asked for.
 */
public final class CrawlServlet extends Resource {
    private static final long serialVersionUID = 1L;
    private static final Pattern FILE = Pattern.compile("/sitemap-([1-9][0-9]{0,5})\\.xml");
    /** The paths of work a crawler should not start: every URL there is a new query. */
    static final String[] NOT_FOR_CRAWLERS = {"/sparql", "/ds", "/fragments", "/search", "/queries/"};

    private final transient DatasetGraph dsg;
    private final String base;
    private final transient Supplier<String> site;
    private final transient Function<Node, LocalDate> lastmod;
    private transient volatile Sitemap sitemap;

    /**
     * {@code site} gives the server's public address without a trailing slash (its {@code --url});
     * {@code lastmod} the day a thing last changed (the site's own pages: of the dataset).
     */
    public CrawlServlet(DatasetGraph dsg, String base, Supplier<String> site, Function<Node, LocalDate> lastmod) {
        this.dsg = dsg;
        this.base = base;
        this.site = site;
        this.lastmod = lastmod;
    }

    @Override
    protected void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        String at = trimmed(site.get());
        if (path.equals("/robots.txt")) {
            StringBuilder b = new StringBuilder("User-agent: *\n");
            for (String p : NOT_FOR_CRAWLERS) b.append("Disallow: ").append(p).append('\n');
            b.append("\nSitemap: ").append(at).append("/sitemap.xml\n");
            send(req, resp, Formats.RESULTS_TEXT.contentType(), b.toString());
            return;
        }
        if (path.equals("/sitemap.xml")) {
            send(req, resp, Formats.SITEMAP.contentType(), sitemap().index(at));
            return;
        }
        Matcher m = FILE.matcher(path);
        Sitemap s = sitemap();
        if (!m.matches() || Integer.parseInt(m.group(1)) > s.files()) {
            throw HttpError.notFound("no such sitemap file (there " + (s.files() == 1 ? "is one: /sitemap.xml" : "are /sitemap-1.xml to /sitemap-"
                    + s.files() + ".xml") + ")");
        }
        send(req, resp, Formats.SITEMAP.contentType(), s.file(at, Integer.parseInt(m.group(1))));
    }

    private Sitemap sitemap() {
        Sitemap s = sitemap;
        if (s == null) {
            synchronized (this) {
                s = sitemap;
                if (s == null) sitemap = s = Sitemap.of(dsg, base, lastmod);
            }
        }
        return s;
    }

    private static void send(HttpServletRequest req, HttpServletResponse resp, String type, String body) throws IOException {
        resp.setHeader("Cache-Control", "public, max-age=3600");
        Responses.send(req, resp, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
