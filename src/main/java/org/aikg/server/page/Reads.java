package org.aikg.server.page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * What one page reads of a graph: the triples of each thing it looks at, found once (one find per
 * thing, not one per property: a statistic's figure alone reads five). Made for one page and
 * dropped with it, so a page of a thing not asked for before reads the store.
 */
final class Reads {
    private final Graph data;
    private final Map<Node, List<Triple>> read = new HashMap<>();

    Reads(Graph data) {
        this.data = data;
    }

    /** The triples of {@code s}, in the order the graph gives them. */
    List<Triple> of(Node s) {
        List<Triple> ts = read.get(s);
        if (ts == null) {
            ts = data.find(s, Node.ANY, Node.ANY).toList();
            read.put(s, ts);
        }
        return ts;
    }

    /** The first object of {@code p} of {@code s}, or null. */
    Node one(Node s, Node p) {
        for (Triple t : of(s)) if (t.getPredicate().equals(p)) return t.getObject();
        return null;
    }

    /** The triples of {@code s} with predicate {@code p}. */
    List<Triple> all(Node s, Node p) {
        List<Triple> out = new ArrayList<>();
        for (Triple t : of(s)) if (t.getPredicate().equals(p)) out.add(t);
        return out;
    }

    boolean has(Node s, Node p, Node o) {
        for (Triple t : of(s)) if (t.getPredicate().equals(p) && t.getObject().equals(o)) return true;
        return false;
    }
}
