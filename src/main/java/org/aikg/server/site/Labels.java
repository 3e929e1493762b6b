package org.aikg.server.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aikg.convert.TripleOrder;
import org.aikg.vocab.Vocab;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * The label of a node in the reader's language: from the data first, then from the vocabularies
 * (the ontology and the bundled labels of reused terms). Falls back zh → en → untagged → any → the
 * IRI's local name, so there is always something to show.
 */
public final class Labels {
    private static final List<Node> LABEL_PROPERTIES = List.of(
            Vocab.SCHEMA_name, Vocab.SKOS_prefLabel, Vocab.RDFS_label, Vocab.SCHEMA_headline, Vocab.DCT_title);

    /** The most labels kept of each kind, the least used going first: a few tens of MiB at most. */
    private static final int KEPT = 200_000;
    private static final Node NONE = NodeFactory.createBlankNode("aikg-no-label");

    private record Key(Node node, String lang) {}

    private final Graph data;
    private final Graph vocab;
    /**
     * Labels once found, since the published graph does not change while it is served: a thing
     * that many sources name (a publisher, a country) has its name in every source's graph, so
     * finding it in the union reads it once per source, and pages name such things often.
     */
    private final Cache<Key, Node> kept = Caffeine.newBuilder().maximumSize(KEPT).build();
    /** The texts {@link #label} and {@link #foreignLanguage} give, kept likewise: a statistic's is made from its variable's name and its period. */
    private final Cache<Key, String> texts = Caffeine.newBuilder().maximumSize(KEPT).build();
    private final Cache<Key, String> foreign = Caffeine.newBuilder().maximumSize(KEPT).build();

    Labels(Graph data, Graph vocab) {
        this.data = data;
        this.vocab = vocab;
    }

    /** The best label, or null when neither graph has one. */
    Node find(Node n, String lang) {
        if (!n.isURI() && !n.isBlank()) return null;
        Key key = new Key(n, lang);
        Node hit = kept.getIfPresent(key);
        if (hit != null) return hit == NONE ? null : hit;
        Node found = best(data, n, lang);
        if (found == null) found = best(vocab, n, lang);
        kept.put(key, found == null ? NONE : found);
        return found;
    }

    public String label(Node n, String lang) {
        if (n.isLiteral()) return n.getLiteralLexicalForm();
        Key key = new Key(n, lang);
        String hit = texts.getIfPresent(key);
        if (hit != null) return hit;
        String text = text(n, lang);
        texts.put(key, text);
        return text;
    }

    private String text(Node n, String lang) {
        Node l = find(n, lang);
        if (l != null) return l.getLiteralLexicalForm();
        String derived = derived(n, lang);
        return derived != null ? derived : localName(n);
    }

    /**
     * A label made from what a nameless node links to: an observation's variable and period, a
     * claim's text (whole: a title is never cut), a passage's place in its text.
     */
    private String derived(Node n, String lang) {
        Node variable = object(n, Vocab.SCHEMA_variableMeasured);
        if (variable != null) {
            Node date = object(n, Vocab.SCHEMA_observationDate);
            Node name = find(variable, lang);
            if (name != null) return name.getLiteralLexicalForm() + (date == null ? "" : periodSuffix(date, lang));
        }
        Node text = pick(data.find(n, Vocab.SCHEMA_text, Node.ANY).toList(), lang);
        if (text != null) return text.getLiteralLexicalForm();
        if (data.contains(n, Vocab.RDF_type, Vocab.OA_SpecificResource)) {
            for (Triple t : data.find(n, Vocab.OA_hasSelector, Node.ANY).toList()) {
                Node start = object(t.getObject(), Vocab.OA_start);
                Node end = object(t.getObject(), Vocab.OA_end);
                if (start != null && end != null) {
                    try {
                        return Words.of(lang).characters(Long.parseLong(start.getLiteralLexicalForm()), Long.parseLong(end.getLiteralLexicalForm()));
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    /**
     * The language of the label {@link #label} gives, when it is not the reader's (a claim that is
     * only in English, on a Chinese page), for HTML's lang attribute; null when it is the reader's or unknown.
     */
    public String foreignLanguage(Node n, String lang) {
        if (n.isLiteral()) return null;
        Key key = new Key(n, lang);
        String hit = foreign.getIfPresent(key);
        if (hit != null) return hit.isEmpty() ? null : hit;
        String tag = foreignTag(n, lang);
        foreign.put(key, tag == null ? "" : tag);
        return tag;
    }

    private String foreignTag(Node n, String lang) {
        Node l = find(n, lang);
        if (l == null) {
            Node variable = object(n, Vocab.SCHEMA_variableMeasured);
            l = variable != null ? find(variable, lang) : pick(data.find(n, Vocab.SCHEMA_text, Node.ANY).toList(), lang);
        }
        if (l == null) return null;
        String tag = l.getLiteralLanguage();
        if (tag.isEmpty() || matches(tag.toLowerCase(Locale.ROOT), lang)) return null;
        return tag.equalsIgnoreCase("zh") ? "zh-Hans" : tag;
    }

    /** " (2023)" or "（2023年）": a statistic's period after its variable's name. */
    public static String periodSuffix(Node date, String lang) {
        return Words.of(lang).periodAfter(Dates.format(date, lang));
    }

    private Node object(Node s, Node p) {
        var it = data.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    /** A comment or description from the vocabularies, in the language if possible. */
    public String comment(Node n, String lang) {
        Node c = pick(vocab.find(n, NodeFactory.createURI(Vocab.RDFS + "comment"), Node.ANY).toList(), lang);
        return c == null ? null : c.getLiteralLexicalForm();
    }

    private static Node best(Graph g, Node n, String lang) {
        for (Node p : LABEL_PROPERTIES) {
            Node l = pick(g.find(n, p, Node.ANY).toList(), lang);
            if (l != null) return l;
        }
        return null;
    }

    /** Picks the literal of the wanted language, then English, then untagged, then any. */
    public static Node pick(List<Triple> triples, String lang) {
        Node en = null;
        Node plain = null;
        Node any = null;
        for (Triple t : triples) {
            Node o = t.getObject();
            if (!o.isLiteral()) continue;
            String l = o.getLiteralLanguage().toLowerCase(Locale.ROOT);
            if (matches(l, lang)) return o;
            if (en == null && matches(l, "en")) en = o;
            if (plain == null && l.isEmpty()) plain = o;
            if (any == null) any = o;
        }
        return en != null ? en : plain != null ? plain : any;
    }

    /** Nodes in the order of their labels ({@link LabelOrder}), ties by IRI. */
    public List<Node> sorted(List<Node> nodes, String lang) {
        Map<Node, String> labels = new HashMap<>();
        for (Node n : nodes) labels.computeIfAbsent(n, k -> label(k, lang));
        List<Node> copy = new ArrayList<>(nodes);
        copy.sort(Comparator.comparing((Node n) -> labels.get(n), LabelOrder.of(lang)).thenComparing(TripleOrder::node));
        return copy;
    }

    /** A label at the head of a title or a list: its first letter upper case, in a language that has cases. */
    public static String capitalised(String s, String lang) {
        return lang.equals("zh") || s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** A language tag for HTML's lang attribute ("zh" is written Simplified, as the data's zh is); null for none. */
    public static String htmlLang(String tag) {
        return tag == null || tag.isEmpty() ? null : tag.equalsIgnoreCase("zh") ? "zh-Hans" : tag;
    }

    public static boolean matches(String tag, String lang) {
        return tag.equals(lang) || tag.startsWith(lang + "-");
    }

    public static String localName(Node n) {
        if (!n.isURI()) return n.toString();
        String s = n.getURI();
        int cut = Math.max(s.lastIndexOf('#'), s.lastIndexOf('/'));
        String local = cut >= 0 && cut < s.length() - 1 ? s.substring(cut + 1) : s;
        return local;
    }
}
