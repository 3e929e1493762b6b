package org.aikg.server.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.aikg.convert.TripleOrder;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The description of a thing that its {@code /doc/} page serves as RDF: every triple about it, and
 * the triples about its own fragments ({@code …#quote}, {@code …#position}).
 */
final class Describe {
    private Describe() {}

    static Graph of(Graph data, Node thing, Map<String, String> prefixes) {
        return of(s -> data.find(s, Node.ANY, Node.ANY).toList(), thing, prefixes);
    }

    /** The description made of what a page has read already ({@code triples}: a thing's triples). */
    static Graph of(Function<Node, List<Triple>> triples, Node thing, Map<String, String> prefixes) {
        Graph g = GraphFactory.createGraphMem();
        prefixes.forEach(g.getPrefixMapping()::setNsPrefix);
        List<Node> todo = new ArrayList<>(List.of(thing));
        while (!todo.isEmpty()) {
            Node s = todo.remove(todo.size() - 1);
            List<Triple> out = new ArrayList<>(triples.apply(s));
            out.sort(TripleOrder.INSTANCE);
            for (Triple t : out) {
                g.add(t);
                Node o = t.getObject();
                if ((o.isBlank() || isFragmentOf(o, thing)) && !g.contains(o, Node.ANY, Node.ANY)) todo.add(o);
            }
        }
        return g;
    }

    static boolean exists(Graph data, Node thing) {
        return data.contains(thing, Node.ANY, Node.ANY);
    }

    private static boolean isFragmentOf(Node o, Node thing) {
        return o.isURI() && thing.isURI() && o.getURI().startsWith(thing.getURI() + "#");
    }
}
