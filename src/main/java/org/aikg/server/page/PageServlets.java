package org.aikg.server.page;

import jakarta.servlet.http.HttpServlet;
import java.util.List;
import java.util.function.Function;
import org.aikg.server.download.DownloadServlet;
import org.aikg.server.download.Downloads;
import org.aikg.server.http.Refusals;
import org.aikg.server.site.PageCache;
import org.aikg.server.site.Site;
import org.aikg.server.site.Templates;
import org.apache.jena.graph.Node;

/**
 * The linked-data pages, wired: makes once what they share of the published graph (its classes,
 * statistics, passages' places, charts, sources) and gives the servlets that answer them. Each kind of
 * page is built by a class of its own, from the parts it is given.
 *
 * <pre>{@code
 * PageServlets pages = new PageServlets(site, templates, downloads, 64L << 20, text -> List.of());
 * builder.addServlet("/doc/*", pages.linkedData());
 * }</pre>
 */
public final class PageServlets {
    private final Classes classes;
    private final Statistics statistics;
    private final Offsets offsets;
    private final Charts charts;
    private final SourceHubs hubs;
    private final Links links;
    private final JsonLd jsonLd;
    private final LinkedDataServlet linkedData;
    private final ClassServlet classServlet;
    private final HomeServlet home;
    private final MetadataServlet metadata;
    private final DownloadsPage downloadList;
    private final ErrorPage errorPage;
    private final ChangesServlet changes;
    private final FactSearch factSearch;
    private final StatisticsServlet statisticsTable;

    /** The pages of {@code site}, rendered with {@code templates}; at most {@code cacheBytes} of rendered pages kept. */
    public PageServlets(Site site, Templates templates, Downloads downloads, long cacheBytes, Function<String, List<Node>> found) {
        this.classes = new Classes(site);
        this.statistics = new Statistics(site.data, classes);
        this.offsets = new Offsets(site.data);
        this.links = new Links(site, classes);
        this.jsonLd = new JsonLd(site);
        Facts facts = new Facts(site, statistics, links);
        this.charts = new Charts(site, classes, statistics, facts, links);
        this.hubs = new SourceHubs(site, classes, statistics, offsets);
        ThingPage things = new ThingPage(site, classes, links, facts, charts, hubs, offsets, jsonLd);
        ClassPages classPages = new ClassPages(site, classes, links, facts, jsonLd);
        PageCache cache = new PageCache(cacheBytes);
        this.linkedData = new LinkedDataServlet(site, things, templates, cache);
        this.classServlet = new ClassServlet(site, classes, classPages, templates, cache);
        this.home = new HomeServlet(new HomePage(site, classes, links, facts, charts, classPages, jsonLd), templates, cache, downloads);
        this.metadata = new MetadataServlet(site, new DatasetPage(site, things, jsonLd), new OntologyPage(site, links, jsonLd), templates, downloads);
        this.downloadList = new DownloadsPage(jsonLd, templates);
        this.errorPage = new ErrorPage(templates, found, links);
        this.changes = new ChangesServlet(site, things, jsonLd, templates);
        this.factSearch = new FactSearch(site, classes, statistics, facts, links);
        this.statisticsTable = new StatisticsServlet(site, new StatisticsTable(site, statistics, facts, links), charts, jsonLd, templates);
    }

    /**
     * Works out now, once, what pages need of the whole published graph (classes, statistics, charts,
     * passages' places, sources' lists), so that no request has to: called a little after the server listens.
     */
    public void prepare() {
        classes.instances();
        statistics.all();
        charts.prepare();
        offsets.prepare();
        hubs.prepare();
    }

    /** Renders the home page in {@code lang} (one of {@link org.aikg.server.site.Bundle#LANGUAGES}) into the page cache: the first reader after a start gets it as fast as the next. */
    public void warm(String lang) {
        home.warm(lang);
    }

    /** Whether the home page in {@code lang} is in the page cache, as {@link #warm} leaves it. */
    public boolean homeKept(String lang) {
        return home.kept(lang);
    }

    /** {@code /id/…} and {@code /doc/…}. */
    public HttpServlet linkedData() {
        return linkedData;
    }

    /** {@code /class} and {@code /class/…}. */
    public HttpServlet classes() {
        return classServlet;
    }

    /** {@code /statistics}. */
    public HttpServlet statistics() {
        return statisticsTable;
    }

    /** {@code /changes}. */
    public HttpServlet changes() {
        return changes;
    }

    /** {@code /}. */
    public HttpServlet home() {
        return home;
    }

    /** {@code /dataset}, {@code /.well-known/void} and {@code /def}. */
    public HttpServlet metadata() {
        return metadata;
    }

    /** The list of {@code /download/} for a person. */
    public DownloadServlet.ListPage downloadList() {
        return downloadList;
    }

    /** A refusal for a person, in the site's layout. */
    public Refusals.Page errorPage() {
        return errorPage;
    }

    /** Search over the statistics and claims, for the search. */
    public FactSearch facts() {
        return factSearch;
    }

    /** Links to the local pages of things, for the pages of other parts (search). */
    public Links links() {
        return links;
    }

    /** The JSON-LD the pages embed, for the pages of other parts (the queries). */
    public JsonLd jsonLd() {
        return jsonLd;
    }
}
