package org.aikg.convert;

import java.util.Comparator;
import org.aikg.vocab.Vocab;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * The order every output is written in ({@code list.sort(TripleOrder.INSTANCE)}), so that the same input gives the same bytes and a change
 * of data shows as a small diff: by subject, then predicate (rdf:type first), then object (IRIs
 * before literals; literals by text, language, datatype).
 */
public final class TripleOrder implements Comparator<Triple> {
    public static final TripleOrder INSTANCE = new TripleOrder();

    private TripleOrder() {}

    @Override
    public int compare(Triple a, Triple b) {
        int c = node(a.getSubject(), b.getSubject());
        if (c != 0) return c;
        c = predicate(a.getPredicate(), b.getPredicate());
        if (c != 0) return c;
        return node(a.getObject(), b.getObject());
    }

    private static int predicate(Node a, Node b) {
        boolean ta = a.equals(Vocab.RDF_type);
        boolean tb = b.equals(Vocab.RDF_type);
        if (ta != tb) return ta ? -1 : 1;
        return node(a, b);
    }

    public static int node(Node a, Node b) {
        int ka = kind(a);
        int kb = kind(b);
        if (ka != kb) return Integer.compare(ka, kb);
        if (a.isURI()) return a.getURI().compareTo(b.getURI());
        if (a.isBlank()) return a.getBlankNodeLabel().compareTo(b.getBlankNodeLabel());
        int c = a.getLiteralLexicalForm().compareTo(b.getLiteralLexicalForm());
        if (c != 0) return c;
        c = a.getLiteralLanguage().compareTo(b.getLiteralLanguage());
        if (c != 0) return c;
        return a.getLiteralDatatypeURI().compareTo(b.getLiteralDatatypeURI());
    }

    private static int kind(Node n) {
        return n.isURI() ? 0 : n.isBlank() ? 1 : 2;
    }
}
