package org.aikg.server.crawl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * What a crawler is told to visit (sitemaps.org's protocol): the site's pages and the page of
 * every thing the dataset mints ({@code {base}id/{type}/{slug}} is described at
 * {@code /doc/{type}/{slug}}), in IRI order, at most {@link #PER_FILE} to a file. With more, the
 * sitemap is an index of the numbered files ({@code /sitemap-1.xml}, …). Each page's
 * {@code lastmod} is the day the data was loaded.
 *
 * <pre>{@code
 * Sitemap s = Sitemap.of(dsg, "https://w3id.org/ai-industry-kg/", LocalDate.now());
 * String xml = s.index("https://kg.example.org");   // a urlset, or an index of files
 * }</pre>
 */
public final class Sitemap {
    /** The most URLs one sitemap file may list (sitemaps.org). */
    public static final int PER_FILE = 50_000;
    /** The site's own pages, before the things'. */
    static final List<String> SITE_PAGES = List.of("/", "/dataset", "/def", "/class", "/queries");

    private final List<String> paths;
    private final LocalDate lastmod;

    private Sitemap(List<String> paths, LocalDate lastmod) {
        this.paths = List.copyOf(paths);
        this.lastmod = Objects.requireNonNull(lastmod, "lastmod");
    }

    /** The pages of {@code dsg}'s things minted under {@code base}, read once. */
    public static Sitemap of(DatasetGraph dsg, String base, LocalDate lastmod) {
        String things = base + "id/";
        TreeSet<String> docs = new TreeSet<>();
        dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining((Quad q) -> {
            Node s = q.getSubject();
            if (!s.isURI()) return;
            String iri = s.getURI();
            if (iri.startsWith(things) && iri.indexOf('#') < 0) docs.add("/doc/" + iri.substring(things.length()));
        });
        List<String> paths = new ArrayList<>(SITE_PAGES);
        paths.addAll(docs);
        return new Sitemap(paths, lastmod);
    }

    /** How many files the pages take. */
    public int files() {
        return Math.max(1, (paths.size() + PER_FILE - 1) / PER_FILE);
    }

    /** {@code /sitemap.xml}: the one file's pages, or, past {@link #PER_FILE}, the index of the files. */
    public String index(String site) {
        if (files() == 1) return file(site, 1);
        StringBuilder b = new StringBuilder(head("sitemapindex"));
        for (int i = 1; i <= files(); i++) {
            b.append("  <sitemap><loc>").append(escape(site + "/sitemap-" + i + ".xml")).append("</loc><lastmod>").append(lastmod)
                    .append("</lastmod></sitemap>\n");
        }
        return b.append("</sitemapindex>\n").toString();
    }

    /** {@code /sitemap-N.xml}, N from 1 to {@link #files()}. */
    public String file(String site, int n) {
        if (n < 1 || n > files()) throw new IllegalArgumentException("no sitemap file " + n + " (there are " + files() + ")");
        StringBuilder b = new StringBuilder(head("urlset"));
        for (String p : paths.subList((n - 1) * PER_FILE, Math.min(paths.size(), n * PER_FILE))) {
            b.append("  <url><loc>").append(escape(site + p)).append("</loc><lastmod>").append(lastmod).append("</lastmod></url>\n");
        }
        return b.append("</urlset>\n").toString();
    }

    /** The number of pages listed. */
    public int size() {
        return paths.size();
    }

    private static String head(String root) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + root + " xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    }

    /** A URL in XML text: the five characters XML escapes (sitemaps.org asks for entity-escaped URLs). */
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
