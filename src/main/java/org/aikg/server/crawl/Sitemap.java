package org.aikg.server.crawl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * What a crawler is told to visit (sitemaps.org's protocol): the site's pages and the page of
 * every thing the dataset mints ({@code {base}id/{type}/{slug}} is described at
 * {@code /doc/{type}/{slug}}), in IRI order, at most {@link #PER_FILE} to a file. With more, the
 * sitemap is an index of the numbered files ({@code /sitemap-1.xml}, …). Each page's
 * {@code lastmod} is the day the thing last changed: in the releases the server was given, else the day its data was loaded.
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

    /** A page and the day it last changed. */
    private record Page(String path, LocalDate lastmod) {}

    private final List<Page> pages;

    private Sitemap(List<Page> pages) {
        this.pages = List.copyOf(pages);
    }

    /**
     * The pages of {@code dsg}'s things minted under {@code base}, read once, each with the day
     * {@code lastmod} gives for its thing; the site's own pages with the day it gives for the dataset.
     */
    public static Sitemap of(DatasetGraph dsg, String base, Function<Node, LocalDate> lastmod) {
        String things = base + "id/";
        TreeSet<String> docs = new TreeSet<>();
        dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining((Quad q) -> {
            Node s = q.getSubject();
            if (!s.isURI()) return;
            String iri = s.getURI();
            if (iri.startsWith(things) && iri.indexOf('#') < 0) docs.add(iri.substring(things.length()));
        });
        LocalDate site = Objects.requireNonNull(lastmod.apply(NodeFactory.createURI(base + "dataset")), "lastmod");
        List<Page> pages = new ArrayList<>();
        for (String p : SITE_PAGES) pages.add(new Page(p, site));
        for (String d : docs) pages.add(new Page("/doc/" + d, Objects.requireNonNull(lastmod.apply(NodeFactory.createURI(things + d)), "lastmod")));
        return new Sitemap(pages);
    }

    /** How many files the pages take. */
    public int files() {
        return Math.max(1, (pages.size() + PER_FILE - 1) / PER_FILE);
    }

    /** {@code /sitemap.xml}: the one file's pages, or, past {@link #PER_FILE}, the index of the files. */
    public String index(String site) {
        if (files() == 1) return file(site, 1);
        StringBuilder b = new StringBuilder(head("sitemapindex"));
        for (int i = 1; i <= files(); i++) {
            LocalDate last = slice(i).stream().map(Page::lastmod).max(LocalDate::compareTo).orElseThrow();
            b.append("  <sitemap><loc>").append(escape(site + "/sitemap-" + i + ".xml")).append("</loc><lastmod>").append(last)
                    .append("</lastmod></sitemap>\n");
        }
        return b.append("</sitemapindex>\n").toString();
    }

    /** {@code /sitemap-N.xml}, N from 1 to {@link #files()}. */
    public String file(String site, int n) {
        if (n < 1 || n > files()) throw new IllegalArgumentException("no sitemap file " + n + " (there are " + files() + ")");
        StringBuilder b = new StringBuilder(head("urlset"));
        for (Page p : slice(n)) {
            b.append("  <url><loc>").append(escape(site + p.path())).append("</loc><lastmod>").append(p.lastmod()).append("</lastmod></url>\n");
        }
        return b.append("</urlset>\n").toString();
    }

    private List<Page> slice(int n) {
        return pages.subList((n - 1) * PER_FILE, Math.min(pages.size(), n * PER_FILE));
    }

    /** The number of pages listed. */
    public int size() {
        return pages.size();
    }

    private static String head(String root) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + root + " xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    }

    /** A URL in XML text: the five characters XML escapes (sitemaps.org asks for entity-escaped URLs). */
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
