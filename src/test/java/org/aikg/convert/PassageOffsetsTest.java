package org.aikg.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.aikg.source.FactSheet;
import org.aikg.source.SourceSet;
import org.aikg.source.Sources;
import org.aikg.vocab.Vocab;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The offsets are checked against the text itself, counted in code points, independently of the converter. */
class PassageOffsetsTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"data", "src/test/resources/golden/chinese/data"})
    void everyPositionSelectorCutsItsExactQuoteFromTheText(String input) {
        SourceSet set = Sources.scan(List.of(java.nio.file.Path.of(input)));
        FactSheet sheet = set.read(set.sheets().get(0));
        Graph g = GraphFactory.createGraphMem();
        Converter.of(set).forEachGraph((name, triples) -> triples.forEach(g::add));
        int[] cps = sheet.text().codePoints().toArray();
        List<Triple> starts = g.find(Node.ANY, Vocab.OA_start, Node.ANY).toList();
        assertFalse(starts.isEmpty());
        for (Triple t : new ArrayList<>(starts)) {
            String iri = t.getSubject().getURI();
            Node quote = org.apache.jena.graph.NodeFactory.createURI(iri.replace("#position", "#quote"));
            int start = Integer.parseInt(t.getObject().getLiteralLexicalForm());
            int end = Integer.parseInt(g.find(t.getSubject(), Vocab.OA_end, Node.ANY).next().getObject().getLiteralLexicalForm());
            String exact = g.find(quote, Vocab.OA_exact, Node.ANY).next().getObject().getLiteralLexicalForm();
            assertEquals(exact, new String(cps, start, end - start), iri);
            for (Triple p : g.find(quote, Vocab.OA_prefix, Node.ANY).toList()) {
                String prefix = p.getObject().getLiteralLexicalForm();
                int pl = prefix.codePointCount(0, prefix.length());
                assertEquals(prefix, new String(cps, start - pl, pl), iri + " prefix");
            }
            for (Triple s : g.find(quote, Vocab.OA_suffix, Node.ANY).toList()) {
                String suffix = s.getObject().getLiteralLexicalForm();
                assertEquals(suffix, new String(cps, end, suffix.codePointCount(0, suffix.length())), iri + " suffix");
            }
        }
    }
}
