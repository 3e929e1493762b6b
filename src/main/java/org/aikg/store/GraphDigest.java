package org.aikg.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.process.normalize.CanonicalizeLiteral;

/**
 * The content of a graph as a hash: SHA-256 over its triples as N-Triples lines, sorted, each ending in a line feed.
 * Each literal is written in its canonical form first ({@link CanonicalizeLiteral}: {@code "3"^^xsd:decimal} and
 * {@code "3.0"^^xsd:decimal} are one value), so that a store that keeps a literal as a value and writes it back
 * differently (Virtuoso does with decimals) gives the hash of what was sent.
 *
 * <p>Blank nodes have no name a store keeps, so no hash can say which blank node is which without canonical labelling
 * (RDFC-1.0, which Jena 5.6.0 lacks). Each is written as {@code _:b}: the hash stays equal for isomorphic graphs, and the
 * lines that differ only in their blank nodes are all kept. Two graphs that differ only in how their blank nodes
 * connect then have one hash, so the publisher sends a graph with blank nodes every time ({@link #hasBlankNodes})
 * rather than trust it to say the graph is unchanged. aikg's own graphs have no blank nodes.
 */
record GraphDigest(String sha256, long triples) {
    GraphDigest {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("not a SHA-256 in hex: " + sha256);
        if (triples < 0) throw new IllegalArgumentException("a negative number of triples: " + triples);
    }

    /**
     * The digest of the graph of {@code triples}. A line counts once (a repeated triple, or two spellings of one value
     * such as {@code "3"} and {@code "3.0"}, which a store that keeps values holds once), but a line with a blank node
     * as often as it comes: those are different triples.
     */
    static GraphDigest of(Iterator<Triple> triples) {
        Set<String> seen = new HashSet<>();
        List<String> lines = new ArrayList<>();
        while (triples.hasNext()) {
            Triple t = triples.next();
            String line = term(t.getSubject()) + " " + term(t.getPredicate()) + " " + term(t.getObject()) + " .\n";
            if (t.getSubject().isBlank() || t.getObject().isBlank() || seen.add(line)) lines.add(line);
        }
        lines.sort(null);
        MessageDigest sha = newSha256();
        for (String line : lines) sha.update(line.getBytes(StandardCharsets.UTF_8));
        return new GraphDigest(HexFormat.of().formatHex(sha.digest()), lines.size());
    }

    /** The digest of a graph with no triples, which is what a Graph Store holds of a graph it does not have. */
    static GraphDigest empty() {
        return of(List.<Triple>of().iterator());
    }

    /** True when a triple has a blank node: then equal digests do not prove equal graphs. */
    static boolean hasBlankNodes(List<Triple> triples) {
        for (Triple t : triples) {
            if (t.getSubject().isBlank() || t.getObject().isBlank()) return true;
        }
        return false;
    }

    private static String term(Node n) {
        if (n.isBlank()) return "_:b";
        return NodeFmtLib.strNT(n.isLiteral() ? CanonicalizeLiteral.get().apply(n) : n);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
