package org.aikg.server.sparql;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.aikg.format.Format;
import org.aikg.server.budget.Budget;
import org.aikg.server.budget.Spool;
import org.aikg.server.http.HttpError;
import org.aikg.server.http.Offers;
import org.aikg.server.http.Params;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;

/**
 * Graph Store Protocol reads ({@code /ds/get}, {@code /ds/data}, {@code /ds}): {@code ?default} the
 * default graph (the union of the sources' graphs, on every store), {@code ?graph=IRI} one named graph,
 * neither the whole dataset (its named graphs, in a format that keeps them apart). Made here rather than
 * by Fuseki's own, so that a read is answered the same from memory and from TDB2, within the request's
 * {@link Budget} like a query (triples counted: past {@code --max-rows}, 422, and the whole graph is then
 * at {@code /download/}; bytes spooled: 422 past {@code --max-bytes}; the clock), and with the headers and
 * conditional answers of every other read, HEAD included.
 *
 * <pre>{@code
 * new GraphStore(dsg, prefixes).read(req, resp);
 * }</pre>
 */
public final class GraphStore {
    private final DatasetGraph dsg;
    private final Map<String, String> prefixes;

    /** Reads of {@code dsg}, whose default graph is the union of its named graphs. */
    public GraphStore(DatasetGraph dsg, Map<String, String> prefixes) {
        this.dsg = dsg;
        this.prefixes = Map.copyOf(prefixes);
    }

    /** Answers a GET or HEAD of the protocol. */
    public void read(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Budget budget = Budget.of(req);
        String graph = Params.one(req, "graph");
        boolean whole = req.getParameter("default") != null;
        if (graph != null && whole) throw HttpError.badRequest("a Graph Store request names ?default or ?graph=, not both");
        Node name = graph == null ? null : iri(graph);
        Offers offers = graph == null && !whole ? Offers.STORE_DATASET : Offers.STORE_GRAPH;
        Format f = offers.decide(req).orElseThrow(() -> HttpError.notAcceptable(req.getHeader("Accept"), offers));
        resp.setHeader("Vary", "Accept");
        try (Spool answer = new Spool(budget)) {
            Txn.executeRead(dsg, () -> {
                if (name != null && !dsg.containsGraph(name)) throw HttpError.notFound("there is no graph <" + graph + "> here");
                if (graph == null && !whole) {
                    DatasetGraph copy = DatasetGraphFactory.create();
                    long n = 0;
                    for (var it = dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY); it.hasNext();) {
                        budget.check();
                        Quad q = it.next();
                        if (q.isDefaultGraph()) continue;
                        if (++n > budget.limits().maxRows()) throw budget.tooMany("quads (the whole dataset is at /download/)");
                        copy.add(q);
                    }
                    prefixes.forEach(copy.prefixes()::add);
                    RDFWriter.source(copy).format(f.writer()).output(answer);
                } else {
                    Graph g = GraphFactory.createGraphMem();
                    // the union: a TDB2 store's own default graph is its storage's, empty (the union is a setting of its queries)
                    Graph from = name == null ? dsg.getUnionGraph() : dsg.getGraph(name);
                    for (var it = from.find(); it.hasNext();) {
                        budget.check();
                        g.add(it.next());
                        if (g.size() > budget.limits().maxRows()) throw budget.tooMany("triples (the whole graph is at /download/)");
                    }
                    prefixes.forEach(g.getPrefixMapping()::setNsPrefix);
                    f.write(g, answer);
                }
            });
            answer.send(req, resp, f.contentType());
        }
    }

    private static Node iri(String graph) {
        try {
            if (IRIx.create(graph).isReference()) return NodeFactory.createURI(graph);
        } catch (IRIException e) {
            throw HttpError.badRequest("graph is not an IRI: \"" + graph + "\" (" + e.getMessage() + ")");
        }
        throw HttpError.badRequest("graph must be an absolute IRI, not \"" + graph + "\"");
    }
}
