package org.aikg.server;

import java.util.List;
import java.util.Locale;
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
final class Labels {
    private static final List<Node> LABEL_PROPERTIES = List.of(
            Vocab.SCHEMA_name, Vocab.SKOS_prefLabel, Vocab.RDFS_label, Vocab.SCHEMA_headline, Vocab.DCT_title);

    private final Graph data;
    private final Graph vocab;

    Labels(Graph data, Graph vocab) {
        this.data = data;
        this.vocab = vocab;
    }

    /** The best label, or null when neither graph has one. */
    Node find(Node n, String lang) {
        if (!n.isURI() && !n.isBlank()) return null;
        Node found = best(data, n, lang);
        return found != null ? found : best(vocab, n, lang);
    }

    String label(Node n, String lang) {
        if (n.isLiteral()) return n.getLiteralLexicalForm();
        Node l = find(n, lang);
        return l != null ? l.getLiteralLexicalForm() : localName(n);
    }

    /** A comment or description from the vocabularies, in the language if possible. */
    String comment(Node n, String lang) {
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
    static Node pick(List<Triple> triples, String lang) {
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

    static boolean matches(String tag, String lang) {
        return tag.equals(lang) || tag.startsWith(lang + "-");
    }

    static String localName(Node n) {
        if (!n.isURI()) return n.toString();
        String s = n.getURI();
        int cut = Math.max(s.lastIndexOf('#'), s.lastIndexOf('/'));
        String local = cut >= 0 && cut < s.length() - 1 ? s.substring(cut + 1) : s;
        return local;
    }
}
