package org.aikg;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;

/**
 * A SPARQL 1.1 Graph Store in memory, on loopback, for tests: {@code PUT}, {@code GET} and {@code DELETE} of
 * {@code ?graph=IRI} and {@code ?default}, as the protocol says (a graph it does not hold is 404), each request logged
 * ("PUT https://…"). Graphs are read and written as N-Triples. {@link #refusing} makes it answer 400 to a PUT of one graph.
 *
 * <pre>{@code
 * try (FakeGraphStore store = new FakeGraphStore()) {
 *     TestCli.run("publish", "--endpoint", store.url(), "data");
 *     assertEquals(2, store.count("PUT"));
 * }
 * }</pre>
 */
public final class FakeGraphStore implements AutoCloseable {
    private final HttpServer server;
    private final DatasetGraph dataset = DatasetGraphFactory.createGeneral();
    private final List<String> log = new ArrayList<>();
    private volatile String refusing;

    public FakeGraphStore() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ds", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ds";
    }

    /** Every request so far, "METHOD graph" (the graph's IRI, or "default"), in order. */
    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    /** The requests so far with {@code method}. */
    public synchronized long count(String method) {
        return log.stream().filter(l -> l.startsWith(method + " ")).count();
    }

    public synchronized void clearLog() {
        log.clear();
    }

    /** What the store holds, as someone with access to its disk would see it; changes to it are changes to the store. */
    public DatasetGraph dataset() {
        return dataset;
    }

    /** A copy of what the store holds. */
    public synchronized DatasetGraph copy() {
        DatasetGraph copy = DatasetGraphFactory.createGeneral();
        dataset.find().forEachRemaining(copy::add);
        return copy;
    }

    /** Answers 400 to a PUT of {@code graph} (null: to none). */
    public void refusing(String graph) {
        this.refusing = graph;
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String query = exchange.getRequestURI().getRawQuery();
            String name;
            Node graph;
            if ("default".equals(query)) {
                name = "default";
                graph = Quad.defaultGraphIRI;
            } else if (query != null && query.startsWith("graph=")) {
                name = URLDecoder.decode(query.substring(6), StandardCharsets.UTF_8);
                graph = NodeFactory.createURI(name);
            } else {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            String method = exchange.getRequestMethod();
            log.add(method + " " + name);
            boolean held = graph.equals(Quad.defaultGraphIRI) ? !dataset.getDefaultGraph().isEmpty() : dataset.containsGraph(graph)
                    && !dataset.getGraph(graph).isEmpty();
            switch (method) {
                case "PUT" -> {
                    if (name.equals(refusing)) {
                        byte[] no = "refused for the test".getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(400, no.length);
                        exchange.getResponseBody().write(no);
                        return;
                    }
                    Graph g = graph(graph);
                    g.clear();
                    RDFParser.source(new ByteArrayInputStream(body)).lang(Lang.NTRIPLES).parse(g);
                    exchange.sendResponseHeaders(held ? 204 : 201, -1);
                }
                case "GET" -> {
                    if (!held) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    RDFDataMgr.write(out, graph(graph), Lang.NTRIPLES);
                    exchange.getResponseHeaders().add("Content-Type", "application/n-triples");
                    exchange.sendResponseHeaders(200, out.size());
                    exchange.getResponseBody().write(out.toByteArray());
                }
                case "DELETE" -> {
                    if (!held) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    graph(graph).clear();
                    exchange.sendResponseHeaders(204, -1);
                }
                default -> exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    private Graph graph(Node graph) {
        return graph.equals(Quad.defaultGraphIRI) ? dataset.getDefaultGraph() : dataset.getGraph(graph);
    }

    /** The names of the graphs that hold triples. */
    public synchronized Set<Node> graphs() {
        Set<Node> names = new java.util.HashSet<>();
        dataset.listGraphNodes().forEachRemaining(g -> {
            if (!dataset.getGraph(g).isEmpty()) names.add(g);
        });
        return names;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
