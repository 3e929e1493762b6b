package org.aikg.server.page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.aikg.server.site.Once;
import org.aikg.server.site.Site;
import org.aikg.vocab.Vocab;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * The classes of the published graph and the things of each, for {@code /class/{Type}}: worked out
 * on first use (not at start-up) and kept, since the graph does not change until it is reloaded.
 * A schema.org class has its local name as its path ({@code /class/City}); a class of another
 * vocabulary keeps its prefix ({@code /class/skos:Concept}), so no two classes share a path.
 */
final class Classes {
    private final Site site;
    private final Once<Map<Node, List<Node>>> instances = new Once<>(this::collect);
    private final Map<String, List<Node>> ordered = new ConcurrentHashMap<>();

    Classes(Site site) {
        this.site = site;
    }

    /** Each class with its things (URIs, in IRI order), classes in IRI order. */
    Map<Node, List<Node>> instances() {
        return instances.get();
    }

    private Map<Node, List<Node>> collect() {
        Map<Node, List<Node>> m = new TreeMap<>(Comparator.comparing(Node::getURI));
        for (var it = site.data.find(Node.ANY, Vocab.RDF_type, Node.ANY); it.hasNext();) {
            Triple t = it.next();
            if (t.getObject().isURI() && t.getSubject().isURI() && path(t.getObject()) != null) {
                m.computeIfAbsent(t.getObject(), k -> new ArrayList<>()).add(t.getSubject());
            }
        }
        Map<Node, List<Node>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            v.sort(Comparator.comparing(Node::getURI));
            out.put(k, List.copyOf(v));
        });
        return out;
    }

    /** The things of a class in the order {@code order} gives for a language, worked out once per class and language. */
    List<Node> ordered(Node cls, String lang, Function<List<Node>, List<Node>> order) {
        return ordered.computeIfAbsent(cls.getURI() + "|" + lang, k -> List.copyOf(order.apply(of(cls))));
    }

    /** The things of a class (empty when it has none). */
    List<Node> of(Node cls) {
        return instances().getOrDefault(cls, List.of());
    }

    /** The local page of a class that has things here, or null. */
    String pageOf(Node cls) {
        return cls.isURI() && instances().containsKey(cls) ? path(cls) : null;
    }

    /** The path a class would have: {@code /class/City}, {@code /class/skos:Concept}; null for a class no prefix names. */
    String path(Node cls) {
        String iri = cls.getURI();
        if (iri.startsWith(Vocab.SCHEMA) && local(iri.substring(Vocab.SCHEMA.length()))) return "/class/" + iri.substring(Vocab.SCHEMA.length());
        for (Map.Entry<String, String> e : site.prefixes.entrySet()) {
            String ns = e.getValue();
            if (!ns.equals(Vocab.SCHEMA) && iri.startsWith(ns) && local(iri.substring(ns.length()))) {
                return "/class/" + e.getKey() + ":" + iri.substring(ns.length());
            }
        }
        return null;
    }

    /** The class a path segment names ({@code City}, {@code skos:Concept}), if it has things here; else null. */
    Node forSegment(String segment) {
        int colon = segment.indexOf(':');
        String iri;
        if (colon < 0) {
            iri = Vocab.SCHEMA + segment;
        } else {
            String ns = site.prefixes.get(segment.substring(0, colon));
            if (ns == null || ns.equals(Vocab.SCHEMA)) return null;
            iri = ns + segment.substring(colon + 1);
        }
        if (!local(iri.substring(iri.length() - (segment.length() - colon - 1)))) return null;
        Node cls = NodeFactory.createURI(iri);
        return instances().containsKey(cls) ? cls : null;
    }

    private static boolean local(String name) {
        return !name.isEmpty() && name.length() <= 100 && name.matches("[A-Za-z][A-Za-z0-9_-]*");
    }
}
