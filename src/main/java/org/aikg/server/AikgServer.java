package org.aikg.server;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.aikg.JenaSetup;
import org.aikg.input.Description;
import org.aikg.release.History;
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
import org.aikg.server.live.Generations;
import org.aikg.server.live.Live;
import org.aikg.server.live.LiveFilter;
import org.aikg.server.page.PageServlets;
import org.aikg.server.query.QueriesServlet;
import org.aikg.server.query.QueryPage;
import org.aikg.server.query.SparqlServlet;
import org.aikg.server.query.TermsServlet;
import org.aikg.server.search.SearchServlet;
import org.aikg.server.site.Bundle;
import org.aikg.server.site.PrefixesServlet;
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
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    /**
     * How long no request must have been answered before the server does its own work after a start (the
     * first step, and every other): a client that sends its queries as soon as the server listens has the
     * cores, and a person who reads the address and opens it finds the work done.
     */
    static final Duration QUIET_FIRST = Duration.ofMillis(500);
    /** How long no request must have been answered before each later step of that work. */
    static final Duration QUIET = Duration.ofMillis(100);
    /** The longest the server's own work waits for quiet: a server that is never quiet still gets it done. */
    static final Duration QUIET_AT_MOST = Duration.ofSeconds(5);
    /** The largest request body taken: a query of the largest size, percent-encoded in a form. */
    static final long MAX_BODY = SparqlEndpoint.MAX_QUERY_BYTES * 4L;
    /** The name of Fuseki's dataset, for Fuseki's own clients. */
    static final String DATASET = "/ds";
    private static final Logger LOG = LoggerFactory.getLogger("org.aikg.server");

    private final FusekiServer fuseki;
    private final Module module;
    private final String host;

    private AikgServer(FusekiServer fuseki, Module module, String host) {
        this.fuseki = fuseki;
        this.module = module;
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
        fuseki.stop();
    }

    /**
     * Serves a change of the data (a server built {@link Builder#live live}): {@code graphs} new or changed,
     * each whole, and {@code removed}, with the dataset's description as it now is. Written in one
     * transaction and switched with everything derived from the data as one step: a request sees the
     * content before or after, never a mix. Open pages reload. A change of the base IRI is refused (shown
     * as a {@link #failed failure}).
     */
    public void change(Map<Node, ? extends Collection<Triple>> graphs, Set<Node> removed, Description description) {
        module.change(graphs, removed, description);
    }

    /** Shows {@code message} (data that does not convert: its file, line and column) on every page; the data served stays. */
    public void failed(String message) {
        module.failed(Objects.requireNonNull(message, "message"));
    }

    /**
     * Done once the server's own work after its start is done (the counts, what pages need, the home page
     * in each language): a reader who comes after it finds every page as fast as the next reader will.
     */
    CompletableFuture<Void> prepared() {
        return module.prepared;
    }

    /** Whether the home page in {@code lang} is rendered and kept, for both ways of asking for the language. */
    boolean homeKept(String lang) {
        return module.served.current().pages.homeKept(lang);
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
        private boolean live;
        private Path releases;

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

        /**
         * A live preview ({@code serve --watch}): the server takes changes of the data ({@link #change}),
         * open pages reload themselves ({@code /live}, server-sent events) and show a failure as a banner.
         * What a store keeps beside its data (counts, downloads, its search index) is not used: it is
         * that of the content the store was loaded with.
         */
        public Builder live(boolean live) {
            this.live = live;
            return this;
        }

        /**
         * The folder of the dataset's releases ({@code aikg release -o DIR}): each served under
         * {@code /download/VERSION/}, listed on {@code /changes} and {@code /dataset}, and what each changed
         * shown on the things' pages, which take their {@code Last-Modified} and sitemap day from it.
         */
        public Builder releases(Path dir) {
            this.releases = Objects.requireNonNull(dir, "dir");
            return this;
        }

        public AikgServer build() {
            JenaSetup.init();
            // nothing here reads the whole store: what is counted from it is counted on first use (see Site)
            Published p = live ? Published.inMemory(published.dsg(), published.description()) : published;
            Module module = new Module(p, limits, bodyDeadline, publicUrl, pageCacheBytes, live, releases);
            FusekiServer fuseki = FusekiServer.create()
                    .fusekiModules(FusekiModules.create(module))
                    .port(port)
                    .loopback(loopbackOnly)
                    .enableCors(true, null)
                    .build();
            return new AikgServer(fuseki, module, "localhost");
        }
    }

    /** Mounts aikg on Fuseki: the dataset and its operations, the filters, the servlets of the site. */
    private static final class Module implements FusekiModule {
        private final Templates templates = new Templates();
        private final SparqlEndpoint sparql;
        private final Generations<Served> served;
        private final Limits limits;
        private final Duration bodyDeadline;
        private final String publicUrl;
        private final long pageCacheBytes;
        /** The live preview's events, or null when the data never changes while served. */
        private final Live live;
        private final DatasetGraph dsg;
        private final String base;
        private final CompletableFuture<SearchIndex> search = new CompletableFuture<>();
        private final AtomicBoolean searchStarted = new AtomicBoolean();
        /** Done once the work of {@link #serverAfterStarting} but the search index is done. */
        private final CompletableFuture<Void> prepared = new CompletableFuture<>();
        private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "aikg-later");
            t.setDaemon(true);
            return t;
        });
        private volatile Thread searchLater;
        /** Every request's budget and place; the server's own work after a start waits for them to be quiet. */
        private final Lanes lanes;
        private volatile FusekiServer server;
        /** The folder of the releases, or null. */
        private final Path releases;
        private History history;

        Module(Published published, Limits limits, Duration bodyDeadline, String publicUrl, long pageCacheBytes, boolean live, Path releases) {
            this.releases = releases;
            this.limits = limits;
            this.lanes = new Lanes(limits, Module::isQueryWork);
            this.bodyDeadline = bodyDeadline;
            this.publicUrl = publicUrl;
            this.pageCacheBytes = pageCacheBytes;
            this.live = live ? new Live() : null;
            this.dsg = published.dsg();
            this.base = published.description().base();
            Site first = site(published);
            this.sparql = new SparqlEndpoint(new SparqlEndpoint.Settings(dsg, first.base, first.prefixes, this::serviceDescription),
                    new QueryPage(first, templates));
            // after the endpoint: the pages of the named queries run them on it
            this.served = new Generations<>(dsg, new Served(first, this), RequestGate::isDatasetRequest, req -> req.getRequestURI().equals("/search"));
        }

        /** The SPARQL service description, with the size of the content served now. */
        private Graph serviceDescription() {
            Site site = served.current().site;
            return Txn.calculateRead(dsg, () -> ServiceDescription.of(site.base + "sparql", site.datasetNode, site.triples(), dsg.listGraphNodes()));
        }

        /** The site of one content: under --watch, its reads outside requests are refused once another content is served. */
        private Site site(Published published) {
            BiConsumer<Site, Runnable> reader = live == null ? (site, work) -> Txn.executeRead(site.dsg, work) : (site, work) -> {
                if (!served.readAs(s -> s.site == site, work)) {
                    throw HttpError.unavailable("the data changed while this was being made; ask again for the new data");
                }
            };
            return new Site(published, reader, this::history);
        }

        /**
         * The releases' history: read on first use (their patches, once), and again when a release is made
         * while the server runs. A folder that cannot be read is reported, and serves as no releases.
         */
        private synchronized History history() {
            if (releases == null) return History.none();
            try {
                history = history == null ? History.read(releases, base) : history.reload();
            } catch (RuntimeException e) {
                if (history == null) {
                    LOG.warn("cannot read the releases in {}: {}", releases, e.getMessage());
                    history = History.none();
                }
            }
            return history;
        }

        @Override
        public String name() {
            return "aikg";
        }

        @Override
        public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
            Served first = served.current();
            new FusekiOperations(sparql, new GraphStore(dsg, first.site.prefixes)).register(builder);
            builder.add(DATASET, FusekiOperations.dataService(dsg));
            // first, so that every page gets the live preview's banner and script, refusals included
            if (live != null) builder.addFilter("/*", new LiveFilter(live, served::numberOf, templates));
            builder.addFilter("/*", new RequestGate(MAX_BODY));
            builder.addFilter("/*", lanes);
            builder.addFilter("/*", served);
            HttpServlet meta = mount(s -> s.meta);
            for (String suffix : Offers.PAGE.suffixes()) builder.addServlet("/dataset." + suffix, meta).addServlet("/def." + suffix, meta);
            HttpServlet ld = mount(s -> s.linkedData);
            HttpServlet dl = mount(s -> s.download);
            HttpServlet classes = mount(s -> s.classes);
            HttpServlet queries = mount(s -> s.queries);
            SparqlServlet endpoint = new SparqlServlet(sparql, first.site::queries);
            builder.addServlet("", mount(s -> s.home))
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
                    .addServlet("/prefixes.json", new PrefixesServlet(first.site.prefixes))
                    .addServlet("/terms.json", mount(s -> s.terms))
                    .addServlet("/changes", mount(s -> s.pages.changes()))
                    .addServlet("/statistics", mount(s -> s.pages.statistics()))
                    .addServlet("/search", mount(s -> s.search))
                    .addServlet("/fragments", mount(s -> s.fragments));
            HttpServlet crawl = mount(s -> s.crawl);
            // the numbered sitemap files must lie at the root (a sitemap lists only URLs under its own folder): *.xml, after every prefix
            builder.addServlet("/robots.txt", crawl).addServlet("/sitemap.xml", crawl).addServlet("*.xml", crawl);
            if (live != null) builder.addServlet("/live", live);
        }

        /** A servlet that answers with the one of the request's generation. */
        private HttpServlet mount(Function<Served, HttpServlet> pick) {
            return new Switch(served, pick);
        }

        /** Work that may run to the time limit: queries (also Fuseki's, and Graph Store reads), fragments, named queries. */
        private static boolean isQueryWork(HttpServletRequest req) {
            String path = req.getRequestURI();
            if (path.equals("/sparql") || path.equals("/sparql/")) return req.getMethod().equals("POST") || req.getParameter("query") != null;
            return path.equals(DATASET) || path.startsWith(DATASET + "/") || path.equals("/fragments") || path.startsWith("/queries/");
        }

        /**
         * The counts of the whole graph, what pages need of it and the home page in each language, worked out
         * after the server listens, on a thread of its own: {@link #QUIET_FIRST} after it listens and once no
         * request has been answered for as long, then each step after {@link #QUIET} of quiet, so that a client's
         * first queries have the cores, and all of it before a person who read the address opens it: the first
         * reader of a page waits no longer than the next. The search index (opened, or built from the data)
         * follows, {@link #SEARCH_AFTER} after the server listens at the
         * earliest, unless a request needed it first.
         */
        @Override
        public void serverAfterStarting(FusekiServer server) {
            Thread t = new Thread(() -> {
                long start = System.nanoTime();
                try {
                    Served s = served.current();
                    Thread.sleep(QUIET_FIRST.toMillis());
                    lanes.awaitQuiet(QUIET_FIRST, QUIET_AT_MOST);
                    history();
                    for (Runnable step : preparations(s)) {
                        lanes.awaitQuiet(QUIET, QUIET_AT_MOST);
                        prepare(s, step);
                    }
                    prepared.complete(null);
                    Thread.sleep(Math.max(0, SEARCH_AFTER.toMillis() - (System.nanoTime() - start) / 1_000_000));
                    lanes.awaitQuiet(QUIET, QUIET_AT_MOST);
                } catch (InterruptedException e) {
                    return;
                }
                openSearchIndex();
            }, "aikg-warm");
            t.setDaemon(true);
            searchLater = t;
            t.start();
        }

        /** Works out what pages need of the whole of a generation's content, so that no request has to. */
        private void prepare(Served s) {
            for (Runnable step : preparations(s)) prepare(s, step);
        }

        /** The steps of {@link #prepare(Served)}: the counts, what the pages share, the home page in each language. */
        private static List<Runnable> preparations(Served s) {
            List<Runnable> steps = new ArrayList<>(List.of(s.site::countNow, s.pages::prepare));
            for (String lang : Bundle.LANGUAGES) steps.add(() -> s.pages.warm(lang));
            return steps;
        }

        /** Does one step of {@link #prepare(Served)} in a read of the generation's content. */
        private void prepare(Served s, Runnable step) {
            try {
                s.site.read(step);
            } catch (RuntimeException e) {
                // worked out again, and the failure reported, by the first request that needs it
            }
        }

        /** The search index, waited for no longer than the request's budget (it may be being built from the data). */
        private SearchIndex searchIndex(Budget budget) {
            startSearchIndex();
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

        /** The things the search index finds for {@code text} now; nothing while it is being opened or built (a 404 page does not wait). */
        private List<Node> foundNow(String text) {
            if (!search.isDone() || search.isCompletedExceptionally()) return List.of();
            return search.join().search(text, 10).stream().map(SearchIndex.Hit::thing).toList();
        }

        /** Starts opening or building the search index on a thread of its own, if nothing started it yet. */
        private void startSearchIndex() {
            if (searchStarted.compareAndSet(false, true)) {
                // the first search waits for it no longer than its budget
                Thread t = new Thread(this::makeSearchIndex, "aikg-search-index-now");
                t.setDaemon(true);
                t.start();
            }
        }

        private void openSearchIndex() {
            if (searchStarted.compareAndSet(false, true)) makeSearchIndex();
        }

        /** Opens the index kept beside a store; else builds one from the data (under --watch, one whose entries each change replaces). */
        private void makeSearchIndex() {
            try {
                Site site = served.current().site;
                search.complete(site.searchIndex != null ? SearchIndex.open(site.searchIndex)
                        : Txn.calculateRead(dsg, () -> live != null ? SearchIndex.ofGraphs(dsg) : SearchIndex.of(site.data)));
            } catch (RuntimeException e) {
                search.completeExceptionally(e);
            }
        }

        /**
         * Puts a change of the data in place: the graphs new or changed, whole, and those removed, written
         * in one transaction; the search index's entries of those graphs replaced; and a new generation of
         * what is derived from the data, all switched as one step ({@link Generations#change}). Open pages
         * are told. One change at a time.
         */
        synchronized void change(Map<Node, ? extends Collection<Triple>> graphs, Set<Node> removed, Description description) {
            if (live == null) throw new IllegalStateException("this server was not built to take changes (see Builder.live)");
            if (!description.base().equals(base)) {
                failed("the base IRI of the dataset changed from <" + base + "> to <" + description.base() + ">: a running server keeps "
                        + "its base; stop it and start it again to serve the data under the new one");
                return;
            }
            if (graphs.isEmpty() && removed.isEmpty()) {
                live.state(served.number(), null);
                return;
            }
            openSearchIndex();
            SearchIndex index = search.join();
            Served before = served.current();
            dsg.begin(TxnType.WRITE);
            try (SearchIndex.Update entries = index.update()) {
                Site.Delta delta = Site.delta(dsg, graphs, removed, base);
                for (Node g : removed) {
                    dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
                    entries.remove(g);
                }
                for (Map.Entry<Node, ? extends Collection<Triple>> e : graphs.entrySet()) {
                    Node g = e.getKey();
                    dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
                    entries.remove(g);
                    for (Triple t : e.getValue()) {
                        dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject());
                        entries.add(g, t);
                    }
                }
                entries.flush();
                Published now = Published.inMemory(dsg, description);
                Served next = new Served(site(now), this);
                next.site.countsFrom(before.site, delta);
                served.change(() -> {
                    dsg.commit();
                    entries.commit();
                }, next);
            } finally {
                dsg.end();
            }
            live.state(served.number(), null);
            // what a thing's page needs first; the counts were carried over, changed by the delta
            prepare(served.current());
            // a request of the old content may still be reading its files: they go a while later
            later.schedule(before.downloads::close, 1, TimeUnit.MINUTES);
        }

        /** Shows the message of data that does not convert on every page; the data served stays as it was. */
        void failed(String message) {
            if (live == null) throw new IllegalStateException("this server was not built to take changes (see Builder.live)");
            live.state(served.number(), message);
        }

        @Override
        public void serverStopped(FusekiServer server) {
            // a server stopped before its search index was asked for never opens it
            searchStarted.set(true);
            if (searchLater != null) searchLater.interrupt();
            later.shutdownNow();
            served.current().downloads.close();
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
            Refusals.install(server.getServletContext(), served.current().pages.errorPage());
        }
    }

    /**
     * What is served of one content of the data: its site (counts, labels), pages and their caches,
     * downloads, search and fragments, sitemap. Made at the start, and again for each change under
     * {@code --watch}; every part is made lazily, so making one costs nothing that grows with the data.
     */
    private static final class Served {
        final Site site;
        final Downloads downloads;
        final PageServlets pages;
        final HttpServlet home;
        final HttpServlet linkedData;
        final HttpServlet classes;
        final HttpServlet meta;
        final HttpServlet download;
        final HttpServlet queries;
        final HttpServlet search;
        final HttpServlet fragments;
        final HttpServlet crawl;
        final HttpServlet terms;
        private final Set<HttpServlet> ready = ConcurrentHashMap.newKeySet();

        Served(Site site, Module m) {
            this.site = site;
            this.downloads = new Downloads(site);
            this.pages = new PageServlets(site, m.templates, downloads, m.pageCacheBytes, m::foundNow);
            this.home = pages.home();
            this.linkedData = pages.linkedData();
            this.classes = pages.classes();
            this.meta = pages.metadata();
            this.download = new DownloadServlet(site, downloads, pages.downloadList());
            this.queries = new QueriesServlet(site, pages.jsonLd(), m.templates, m.sparql);
            this.search = new SearchServlet(site, pages.links(), pages.facts(), m.templates, m::searchIndex);
            this.fragments = new Fragments(site.dsg, site::triplesIfCounted, m::address, site.prefixes);
            this.crawl = new CrawlServlet(site.dsg, site.base, m::address, site::lastChanged);
            this.terms = new TermsServlet(site);
        }

        /** {@code servlet}, initialised with the configuration of the servlet it stands in for, once. */
        HttpServlet ready(HttpServlet servlet, ServletConfig config) throws ServletException {
            if (!ready.contains(servlet)) {
                synchronized (ready) {
                    if (!ready.contains(servlet)) {
                        servlet.init(config);
                        ready.add(servlet);
                    }
                }
            }
            return servlet;
        }
    }

    /** Stands in for a servlet of every generation: each request is answered by the one of its own generation. */
    private static final class Switch extends HttpServlet {
        private final transient Generations<Served> served;
        private final transient Function<Served, HttpServlet> pick;

        Switch(Generations<Served> served, Function<Served, HttpServlet> pick) {
            this.served = served;
            this.pick = pick;
        }

        @Override
        public void service(ServletRequest req, ServletResponse resp) throws ServletException, IOException {
            Served s = served.of(req);
            s.ready(pick.apply(s), getServletConfig()).service(req, resp);
        }
    }
}
