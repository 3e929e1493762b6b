package org.aikg.convert;

import java.util.LinkedHashMap;
import java.util.Map;
import org.aikg.vocab.Vocab;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Mints the IRIs of MODEL.md under one canonical base: {@code {base}id/{type}/{slug}} for things,
 * {@code {base}graph/{source}} for a source's graph, {@code {base}dataset} for the dataset.
 *
 * <pre>{@code
 * Iris iris = new Iris("https://w3id.org/ai-industry-kg/");
 * Node expo = iris.thing("event", "world-intelligence-expo-2024");
 * }</pre>
 */
public record Iris(String base) {
    /** The type segments things are minted under, with the prefix each gets in outputs. */
    private static final Map<String, String> TYPE_PREFIXES = typePrefixes();

    public Iris {
        if (base == null || !base.endsWith("/")) throw new IllegalArgumentException("the base IRI must end with '/': " + base);
    }

    public Node thing(String type, String slug) {
        return NodeFactory.createURI(base + "id/" + type + "/" + slug);
    }

    public Node graph(String sourceId) {
        return NodeFactory.createURI(base + "graph/" + sourceId);
    }

    /** The graph that holds the dataset's own description. */
    public Node metadataGraph() {
        return graph("dataset");
    }

    public Node dataset() {
        return NodeFactory.createURI(base + "dataset");
    }

    public Node article(String sourceId) {
        return thing("article", sourceId);
    }

    /** The passage of a source between two code-point offsets. */
    public Node passage(String sourceId, int start, int end) {
        return thing("passage", sourceId + "-" + start + "-" + end);
    }

    /** The prefixes of every output: the reused vocabularies, then one per type path of this base. */
    public Map<String, String> prefixes() {
        Map<String, String> p = new LinkedHashMap<>(Vocab.standardPrefixes());
        TYPE_PREFIXES.forEach((type, prefix) -> p.put(prefix, base + "id/" + type + "/"));
        p.put("graph", base + "graph/");
        return p;
    }

    private static Map<String, String> typePrefixes() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String t : new String[] {"article", "event", "report", "org", "person", "place", "claim", "concept", "scheme", "passage"}) {
            m.put(t, t);
        }
        m.put("variable", "var");
        m.put("observation", "obs");
        return m;
    }
}
