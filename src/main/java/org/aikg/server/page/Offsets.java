package org.aikg.server.page;

import static org.aikg.vocab.Vocab.*;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.aikg.server.site.Once;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * Where each passage is in its document's text: the start and end (code points) of its first
 * selector that gives both. Worked out on first use in one pass over the selectors and kept, since
 * the published graph does not change until it is reloaded: a page lists the facts of its source in
 * the order of the text, and found each fact's place by reading its passage and both selectors.
 */
final class Offsets {
    /** A passage without a place. */
    private static final long[] NOWHERE = {Long.MAX_VALUE, Long.MAX_VALUE};

    private final Graph data;
    private final Once<Map<Node, long[]>> passages = new Once<>(this::collect);

    Offsets(Graph data) {
        this.data = data;
    }

    /** Works out now where every passage is. */
    void prepare() {
        passages.get();
    }

    /** The start and end of a passage; {@code Long.MAX_VALUE} for both where it has none. */
    long[] of(Node passage) {
        return passages.get().getOrDefault(passage, NOWHERE).clone();
    }

    private Map<Node, long[]> collect() {
        Map<Node, Node> starts = firstObjects(data, OA_start, s -> true);
        Map<Node, Node> ends = firstObjects(data, OA_end, s -> true);
        Map<Node, long[]> out = new HashMap<>();
        for (var it = data.find(Node.ANY, OA_hasSelector, Node.ANY); it.hasNext();) {
            Triple t = it.next();
            Node s = starts.get(t.getObject());
            Node e = ends.get(t.getObject());
            if (out.containsKey(t.getSubject()) || s == null || e == null) continue;
            try {
                out.put(t.getSubject(), new long[] {Long.parseLong(s.getLiteralLexicalForm()), Long.parseLong(e.getLiteralLexicalForm())});
            } catch (NumberFormatException | UnsupportedOperationException ignored) {
                // a malformed offset: no place (another selector of the passage may still give one)
            }
        }
        return out;
    }

    /** Of each subject {@code wanted} accepts, the first object of {@code p} the graph gives, in one pass over {@code p}. */
    static Map<Node, Node> firstObjects(Graph data, Node p, Predicate<Node> wanted) {
        Map<Node, Node> out = new HashMap<>();
        data.find(Node.ANY, p, Node.ANY).forEachRemaining(t -> {
            if (wanted.test(t.getSubject())) out.putIfAbsent(t.getSubject(), t.getObject());
        });
        return out;
    }
}
