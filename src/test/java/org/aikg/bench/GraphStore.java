package org.aikg.bench;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * The store that publish writes to: Jena Fuseki (jena-fuseki-main 5.6.0, what the other baselines run) started in the
 * harness's JVM on 127.0.0.1 with an empty, updatable in-memory dataset ({@code DatasetGraphFactory.createTxnMem()}) at
 * {@code /ds}, whose Graph Store Protocol takes publish's {@code PUT}, {@code GET} and {@code DELETE ?graph=IRI}. A
 * servlet filter in front of it counts every request it receives by method, so that the requests a publish sends are
 * counted by the store, not by the client. In memory, not TDB2: on two cores a TDB2 store takes a PUT in about 0.2 s
 * (PublishIT), which would make the full publish a measure of the store's commits.
 */
final class GraphStore implements AutoCloseable {
    /**
     * Fuseki logs every request at INFO (four lines a request: thousands for a full publish, written by the harness while
     * it is timed). slf4j-simple reads a logger's level when the logger is made, and Jena's start makes Fuseki's, so this
     * is called first thing in {@link Benchmarks#main}. It quiets only this JVM (the other Fuseki servers run in their own).
     */
    static void quietLogs() {
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.jena.fuseki", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    }

    private static final Pattern COUNT = Pattern.compile("\"n\"\\s*:\\s*\\{[^}]*\"value\"\\s*:\\s*\"(\\d+)\"");

    final DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final FusekiServer server;

    private GraphStore() {
        server = FusekiServer.create().port(0).loopback(true).add("/ds", dsg, true).addFilter("/*", new Counter()).build().start();
    }

    static GraphStore start() {
        GraphStore s = new GraphStore();
        Bench.log("Graph Store (in-process Fuseki, in memory, updatable) at " + s.endpoint());
        return s;
    }

    /** The dataset's URL, publish's {@code --endpoint}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getHttpPort() + "/ds";
    }

    /** The requests received so far, by method (a copy, sorted). */
    Map<String, Long> requests() {
        Map<String, Long> m = new TreeMap<>();
        requests.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    /** {@code after - before}, by method, leaving out methods with none. */
    static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new TreeMap<>();
        after.forEach((k, v) -> {
            long n = v - before.getOrDefault(k, 0L);
            if (n != 0) d.put(k, n);
        });
        return d;
    }

    /** The quads of the store (every named graph and the default graph), counted by the store itself with SPARQL. */
    long quads() {
        return count("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }");
    }

    /** The named graphs of the store, counted with SPARQL. */
    long graphs() {
        return count("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
    }

    /** Whether the store holds the quad {@code ASK { GRAPH ?g { s p o } }} asks for (a pattern in SPARQL syntax). */
    boolean ask(String pattern) {
        HttpResponse<String> r = Bench.get(endpoint() + "/query?query=" + Bench.urlEncode("ASK { GRAPH ?g { " + pattern + " } }"), "application/sparql-results+json");
        if (r.statusCode() != 200) throw new IllegalStateException("the store answered " + r.statusCode() + ": " + r.body());
        return r.body().matches("(?s).*\"boolean\"\\s*:\\s*true.*");
    }

    private long count(String query) {
        HttpResponse<String> r = Bench.get(endpoint() + "/query?query=" + Bench.urlEncode(query), "application/sparql-results+json");
        Matcher m = COUNT.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) throw new IllegalStateException("the store answered " + r.statusCode() + ": " + r.body());
        return Long.parseLong(m.group(1));
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Counts each request by its method, then passes it on. */
    private final class Counter implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            requests.computeIfAbsent(((HttpServletRequest) req).getMethod(), k -> new AtomicLong()).incrementAndGet();
            chain.doFilter(req, res);
        }
    }
}
