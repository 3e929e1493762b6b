package org.aikg.server;

import java.time.Duration;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * Publishes a dataset on embedded Fuseki: the SPARQL endpoint ({@code /sparql}, and Fuseki's own
 * read-only {@code /ds/…}), linked-data pages ({@code /id/…} → {@code /doc/…}), downloads,
 * VoID/DCAT, the ontology and the named queries. Read-only throughout.
 *
 * <pre>{@code
 * AikgServer server = AikgServer.builder(dsg).port(3030).queryTimeout(Duration.ofSeconds(10)).build().start();
 * System.out.println(server.url());
 * server.stop();
 * }</pre>
 */
public final class AikgServer {
    /** Jetty's output buffer: Fuseki sets 5 MiB, past what Jetty's pool serves (see WEB.md, apache/jena#4084). */
    static final int OUTPUT_BUFFER = 32 * 1024;

    private final FusekiServer fuseki;
    private final Downloads downloads;
    private final String host;
    private final long triples;

    private AikgServer(FusekiServer fuseki, Downloads downloads, String host, long triples) {
        this.fuseki = fuseki;
        this.downloads = downloads;
        this.host = host;
        this.triples = triples;
    }

    /** The triples of the published graph (the union of the sources' graphs). */
    public long triples() {
        return triples;
    }

    public static Builder builder(DatasetGraph dsg) {
        return new Builder(dsg);
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
        private final DatasetGraph dsg;
        private int port = 3030;
        private Duration queryTimeout = Duration.ofSeconds(10);
        private int maxRows = 100_000;
        private boolean loopbackOnly = true;

        private Builder(DatasetGraph dsg) {
            this.dsg = dsg;
        }

        public Builder port(int port) {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("bad port " + port + " (expected 0-65535; 0 picks a free one)");
            this.port = port;
            return this;
        }

        public Builder queryTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("the query timeout must be positive, not " + timeout);
            this.queryTimeout = timeout;
            return this;
        }

        /** The most rows (or triples) a query may answer with. */
        public Builder maxRows(int maxRows) {
            if (maxRows < 1) throw new IllegalArgumentException("the result cap must be at least 1, not " + maxRows);
            this.maxRows = maxRows;
            return this;
        }

        /** Listen on the loopback interface only (the default), or on all interfaces. */
        public Builder loopbackOnly(boolean loopbackOnly) {
            this.loopbackOnly = loopbackOnly;
            return this;
        }

        public AikgServer build() {
            dsg.getContext().set(ARQ.queryTimeout, Long.toString(queryTimeout.toMillis()));
            // no SERVICE calls: a query must not make this server fetch other addresses
            dsg.getContext().set(ARQ.httpServiceAllowed, false);
            ARQ.getContext().set(ARQ.httpServiceAllowed, false);
            Site site = Txn.calculateRead(dsg, () -> new Site(dsg));
            Downloads downloads = new Downloads(site);
            Templates templates = new Templates();
            Pages pages = new Pages(site);
            PageCache cache = new PageCache(64L << 20);
            SparqlServlet sparql = new SparqlServlet(site, pages, templates, queryTimeout, maxRows);
            LinkedDataServlet ld = new LinkedDataServlet(site, pages, templates, cache);
            MetadataServlet meta = new MetadataServlet(site, pages, templates, downloads);
            FusekiServer.Builder builder = FusekiServer.create();
            for (String suffix : new String[] {"ttl", "nt", "jsonld", "rdf", "html"}) {
                builder.addServlet("/dataset." + suffix, meta).addServlet("/def." + suffix, meta);
            }
            FusekiServer fuseki = builder
                    .port(port)
                    .loopback(loopbackOnly)
                    .add("/ds", dsg, false)
                    .addFilter("/*", new ReadOnlyFilter())
                    .addFilter("/*", new ReadTransactionFilter(dsg))
                    .addFilter("/*", new RootFilter(pages, templates, cache, downloads, sparql))
                    .addServlet("/sparql", sparql)
                    .addServlet("/id/*", ld)
                    .addServlet("/doc/*", ld)
                    .addServlet("/download/*", new DownloadServlet(site, downloads))
                    .addServlet("/download", new DownloadServlet(site, downloads))
                    .addServlet("/dataset", meta)
                    .addServlet("/.well-known/void", meta)
                    .addServlet("/def", meta)
                    .addServlet("/queries", new QueriesServlet(site, pages, templates, sparql))
                    .addServlet("/queries/*", new QueriesServlet(site, pages, templates, sparql))
                    .addServlet("/static/*", new StaticServlet())
                    .build();
            for (Connector c : fuseki.getJettyServer().getConnectors()) {
                HttpConnectionFactory f = c.getConnectionFactory(HttpConnectionFactory.class);
                if (f != null) f.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER);
            }
            PathErrors.install(fuseki.getJettyServer());
            return new AikgServer(fuseki, downloads, "localhost", site.triples);
        }
    }
}
