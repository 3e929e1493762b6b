package org.aikg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aikg.JenaSetup;
import org.aikg.search.SearchIndex;
import org.aikg.server.budget.Budget;
import org.aikg.server.budget.Lanes;
import org.aikg.server.budget.Limits;
import org.aikg.server.crawl.CrawlServlet;
import org.aikg.server.download.DownloadServlet;
import org.aikg.server.download.Downloads;
import org.aikg.server.http.BodyDeadline;
import org.aikg.server.http.HttpError;
import org.aikg.server.http.JettyErrors;
import org.aikg.server.http.Offers;
import org.aikg.server.http.Refusals;
import org.aikg.server.http.RequestGate;
import org.aikg.server.page.PageServlets;
import org.aikg.server.query.QueriesServlet;
import org.aikg.server.query.QueryPage;
import org.aikg.server.query.SparqlServlet;
import org.aikg.server.search.SearchServlet;
import org.aikg.server.site.PrefixesServlet;
import org.aikg.server.site.ReadTransactionFilter;
import org.aikg.server.site.Site;
import org.aikg.server.site.StaticServlet;
import org.aikg.server.site.Templates;
import org.aikg.server.sparql.Fragments;
import org.aikg.server.sparql.FusekiOperations;
import org.aikg.server.sparql.GraphStore;
import org.aikg.server.sparql.ServiceDescription;
import org.aikg.server.sparql.SparqlEndpoint;
import org.aikg.store.Published;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.system.Txn;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * Publishes a dataset on embedded Fuseki: the SPARQL endpoint ({@code /sparql}, and Fuseki's own
 * read-only {@code /ds/…}), linked-data pages ({@code /id/…} → {@code /doc/…}), downloads,
 * VoID/DCAT, the ontology and the named queries. Read-only throughout.
 *
 * <pre>{@code
 * AikgServer server = AikgServer.builder(Tdb2Store.open(Path.of("store"))).port(3030).queryTimeout(Duration.ofSeconds(10)).build().start();
 * System.out.println(server.url());
 * server.stop();
 * }</pre>
 */
public final class AikgServer {
    /** Jetty's output buffer: Fuseki sets 5 MiB, past what Jetty's pool serves (see WEB.md, apache/jena#4084). */
    static final int OUTPUT_BUFFER = 32 * 1024;
    /** How long after it listens the server opens or builds the search index when no search asked for it first. */
    static final Duration SEARCH_AFTER = Duration.ofSeconds(2);
    /** The largest request body taken: a query of the largest size, percent-encoded in a form. */
    static final long MAX_BODY = SparqlEndpoint.MAX_QUERY_BYTES * 4L;
    /** The name of Fuseki's dataset, for Fuseki's own clients. */
    static final String DATASET = "/ds";

    private final FusekiServer fuseki;
    private final Downloads downloads;
    private final String host;

    private AikgServer(FusekiServer fuseki, Downloads downloads, String host) {
        this.fuseki = fuseki;
        this.downloads = downloads;
        this.host = host;
    }

    /** A public URL checked (http or https, a host, no query) and without its final slash; IllegalArgumentException otherwise. */
    public static String checkedUrl(String url) {
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad public URL \"" + url + "\": " + e.getReason());
        }
        if (!(("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null && u.getRawQuery() == null
                && u.getRawFragment() == null && u.getUserInfo() == null)) {
            throw new IllegalArgumentException("bad public URL \"" + url + "\" (expected http:// or https://, a host, no query)");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * Initialises Jena on this thread ({@link JenaSetup}), then starts loading what else any server needs
     * before its first answer (Fuseki's and Jetty's classes, the SPARQL parser) on a thread of its own,
     * and returns: called before the data is read, the two overlap on a machine with more than one core.
     */
    public static void prepare() {
        JenaSetup.init();  // on this thread first: Jena's class initialisers must not race each other
        Thread t = new Thread(() -> {
            try {
                FusekiServer.create().port(0).loopback(true).build();  // never started: its classes loaded and initialised
                QueryFactory.create("ASK {}");
            } catch (RuntimeException | LinkageError e) {
                // only a head start: whatever failed here is done again, and reported, when the server is built
            }
        }, "aikg-prepare");
        t.setDaemon(true);
        t.start();
    }

    /** A server of {@code published}: its quads and the dataset's description (its base IRI, ...). */
    public static Builder builder(Published published) {
        return new Builder(published);
    }

    /** Starts listening; returns this. */
    public AikgServer start() {
        fuseki.start();
        return this;
    }

    /** The port listened on (useful with port 0). */
    public int port() {
        return fuseki.getHttpPort();
    }

    /** The address to open in a browser. */
    public String url() {
        return "http://" + host + ":" + port() + "/";
    }

    public void stop() {
        try {
            fuseki.stop();
        } finally {
            downloads.close();
        }
    }

    /** Blocks until the server stops. */
    public void join() {
        fuseki.join();
    }

    /** The configuration of a server, checked when built. */
    public static final class Builder {
        private final Published published;
        private int port = 3030;
        private Limits limits = Limits.DEFAULT;
        private boolean loopbackOnly = true;
        private Duration bodyDeadline = Duration.ofSeconds(10);
        private String publicUrl;
        private long pageCacheBytes = 64L << 20;

        private Builder(Published published) {
            this.published = Objects.requireNonNull(published, "published");
        }

        public Builder port(int port) {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("bad port " + port + " (expected 0-65535; 0 picks a free one)");
            this.port = port;
            return this;
        }

        /** The time limit of any request's work (default 10 s). */
        public Builder queryTimeout(Duration timeout) {
            this.limits = limits.withTimeout(timeout);
            return this;
        }

        /** The most rows (or triples) a query may answer with (default 100,000). */
        public Builder maxRows(int maxRows) {
            this.limits = limits.withMaxRows(maxRows);
            return this;
        }

        /** The most bytes of an answer (default 64 MiB). */
        public Builder maxBytes(long maxBytes) {
            this.limits = limits.withMaxBytes(maxBytes);
            return this;
        }

        /** How many queries run at once (default: 2 per core, at least 4); four times as many more may wait a second for a place. */
        public Builder maxQueries(int maxQueries) {
            this.limits = limits.withMaxQueries(maxQueries);
            return this;
        }

        /** Every limit at once. */
        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** How long a request body may take to arrive (default 10 s); past it, 408 and the connection closed. */
        public Builder bodyDeadline(Duration deadline) {
            if (deadline.isNegative() || deadline.isZero()) throw new IllegalArgumentException("the body deadline must be positive, not " + deadline);
            this.bodyDeadline = deadline;
            return this;
        }

        /**
         * The address clients reach the server at ({@code https://kg.example.org}), written into the
         * controls of the Triple Pattern Fragments; by default {@code http://localhost:PORT}. Never
         * taken from a request's {@code Host}.
         */
        public Builder publicUrl(String url) {
            this.publicUrl = checkedUrl(url);
            return this;
        }

        /** The most bytes of rendered pages kept (default 64 MiB); 0 renders every page on every request. */
        public Builder pageCacheBytes(long bytes) {
            if (bytes < 0) throw new IllegalArgumentException("the page cache size must be 0 or more, not " + bytes);
            this.pageCacheBytes = bytes;
            return this;
        }

        /** Listen on the loopback interface only (the default), or on all interfaces. */
        public Builder loopbackOnly(boolean loopbackOnly) {
            this.loopbackOnly = loopbackOnly;
            return this;
        }

        public AikgServer build() {
            JenaSetup.init();
            // nothing here reads the whole store: what is counted from it is counted on first use (see Site)
            Site site = new Site(published);
            Downloads downloads = new Downloads(site);
            FusekiServer fuseki = FusekiServer.create()
                    .fusekiModules(FusekiModules.create(new Module(site, downloads, limits, bodyDeadline, publicUrl, pageCacheBytes)))
                    .port(port)
                    .loopback(loopbackOnly)
                    .enableCors(true, null)
                    .build();
            return new AikgServer(fuseki, downloads, "localhost");
        }
    }

    /** Mounts aikg on Fuseki: the dataset and its operations, the filters, the servlets of the site. */
    private static final class Module implements FusekiModule {
        private final Site site;
        private final Downloads downloads;
        private final Templates templates = new Templates();
        private final PageServlets pages;
        private final SparqlEndpoint sparql;
        private final Limits limits;
        private final Duration bodyDeadline;
        private final String publicUrl;
        private final CompletableFuture<SearchIndex> search = new CompletableFuture<>();
        private final AtomicBoolean searchStarted = new AtomicBoolean();
        private volatile Thread searchLater;
        private volatile FusekiServer server;

        Module(Site site, Downloads downloads, Limits limits, Duration bodyDeadline, String publicUrl, long pageCacheBytes) {
            this.limits = limits;
            this.site = site;
            this.bodyDeadline = bodyDeadline;
            this.publicUrl = publicUrl;
            this.downloads = downloads;
            this.pages = new PageServlets(site, templates, downloads, pageCacheBytes);
            this.sparql = new SparqlEndpoint(new SparqlEndpoint.Settings(site.dsg, site.base, site.prefixes,
                    () -> Txn.calculateRead(site.dsg, () -> ServiceDescription.of(site.base + "sparql", site.datasetNode, site.triples(),
                            site.dsg.listGraphNodes()))), new QueryPage(site, templates));
        }

        @Override
        public String name() {
            return "aikg";
        }

        @Override
        public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
            new FusekiOperations(sparql, new GraphStore(site.dsg, site.prefixes)).register(builder);
            builder.add(DATASET, FusekiOperations.dataService(site.dsg));
            builder.addFilter("/*", new RequestGate(MAX_BODY));
            builder.addFilter("/*", new Lanes(limits, Module::isQueryWork));
            builder.addFilter("/*", new ReadTransactionFilter(site.dsg));
            HttpServlet meta = pages.metadata();
            for (String suffix : Offers.PAGE.suffixes()) builder.addServlet("/dataset." + suffix, meta).addServlet("/def." + suffix, meta);
            HttpServlet ld = pages.linkedData();
            DownloadServlet dl = new DownloadServlet(site, downloads, pages.downloadList());
            HttpServlet classes = pages.classes();
            QueriesServlet queries = new QueriesServlet(site, pages.jsonLd(), templates, sparql);
            SparqlServlet endpoint = new SparqlServlet(sparql);
            builder.addServlet("", pages.home())
                    .addServlet("/sparql", endpoint)
                    .addServlet("/sparql/", endpoint)
                    .addServlet("/id/*", ld)
                    .addServlet("/doc/*", ld)
                    .addServlet("/download/*", dl)
                    .addServlet("/download", dl)
                    .addServlet("/class", classes)
                    .addServlet("/class/*", classes)
                    .addServlet("/dataset", meta)
                    .addServlet("/.well-known/void", meta)
                    .addServlet("/def", meta)
                    .addServlet("/queries", queries)
                    .addServlet("/queries/*", queries)
                    .addServlet("/static/*", new StaticServlet())
                    .addServlet("/prefixes.json", new PrefixesServlet(site.prefixes))
                    .addServlet("/search", new SearchServlet(site, pages.links(), templates, this::searchIndex))
                    .addServlet("/fragments", new Fragments(site.dsg, site::triplesIfCounted, this::address, site.prefixes));
            CrawlServlet crawl = new CrawlServlet(site.dsg, site.base, this::address, site.loaded.atZone(ZoneOffset.UTC).toLocalDate());
            // the numbered sitemap files must lie at the root (a sitemap lists only URLs under its own folder): *.xml, after every prefix
            builder.addServlet("/robots.txt", crawl).addServlet("/sitemap.xml", crawl).addServlet("*.xml", crawl);
        }

        /** Work that may run to the time limit: queries (also Fuseki's, and Graph Store reads), fragments, named queries. */
        private static boolean isQueryWork(HttpServletRequest req) {
            String path = req.getRequestURI();
            if (path.equals("/sparql") || path.equals("/sparql/")) return req.getMethod().equals("POST") || req.getParameter("query") != null;
            return path.equals(DATASET) || path.startsWith(DATASET + "/") || path.equals("/fragments") || path.startsWith("/queries/");
        }

        /**
         * The counts of the whole graph, what pages need of it, and the search index (opened, or built from
         * the data): each on the first request that needs it, or else a little after the server listens
         * ({@link #SEARCH_AFTER}), so that they never take the cores from the first answers, and later
         * requests need not wait for them.
         */
        @Override
        public void serverAfterStarting(FusekiServer server) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(SEARCH_AFTER.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    Txn.executeRead(site.dsg, () -> {
                        site.countNow();
                        pages.prepare();
                    });
                } catch (RuntimeException e) {
                    // worked out again, and the failure reported, by the first request that needs it
                }
                openSearchIndex();
            }, "aikg-search-index");
            t.setDaemon(true);
            searchLater = t;
            t.start();
        }

        /** The search index, waited for no longer than the request's budget (it may be being built from the data). */
        private SearchIndex searchIndex(Budget budget) {
            if (searchStarted.compareAndSet(false, true)) {
                // opened or built on a thread of its own: the first search waits for it no longer than its budget
                Thread t = new Thread(this::makeSearchIndex, "aikg-search-index-now");
                t.setDaemon(true);
                t.start();
            }
            try {
                return search.get(budget.remainingMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw HttpError.unavailable("the search index is being built from the data; try again in a moment");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw HttpError.unavailable("the server is stopping");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw new IllegalStateException(e.getCause());
            }
        }

        private void openSearchIndex() {
            if (searchStarted.compareAndSet(false, true)) makeSearchIndex();
        }

        private void makeSearchIndex() {
            try {
                search.complete(site.searchIndex != null ? SearchIndex.open(site.searchIndex) : Txn.calculateRead(site.dsg, () -> SearchIndex.of(site.data)));
            } catch (RuntimeException e) {
                search.completeExceptionally(e);
            }
        }

        @Override
        public void serverStopped(FusekiServer server) {
            // a server stopped before its search index was asked for never opens it
            searchStarted.set(true);
            if (searchLater != null) searchLater.interrupt();
            if (search.isDone() && !search.isCompletedExceptionally()) search.join().close();
        }

        /** Where clients reach the server: the configured URL, or this machine at the port listened on. */
        private String address() {
            return publicUrl != null ? publicUrl : "http://localhost:" + server.getHttpPort();
        }

        @Override
        public void server(FusekiServer server) {
            this.server = server;
            for (Connector c : server.getJettyServer().getConnectors()) {
                HttpConnectionFactory f = c.getConnectionFactory(HttpConnectionFactory.class);
                if (f != null) f.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER);
            }
            JettyErrors.install(server.getJettyServer(), MAX_BODY);
            BodyDeadline.install(server.getJettyServer(), MAX_BODY, bodyDeadline);
            Refusals.install(server.getServletContext(), pages.errorPage());
        }
    }
}
