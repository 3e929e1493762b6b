package org.aikg.vocab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VocabularyTest {
    private static final Graph ONTOLOGY = RDFDataMgr.loadGraph("ontology/aikg.ttl");

    static List<Node> constants() throws IllegalAccessException {
        List<Node> out = new ArrayList<>();
        for (Field f : AIKG.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Node.class) out.add((Node) f.get(null));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constants")
    void everyConstantIsDeclaredWithLabelsInBothLanguages(Node term) {
        assertTrue(ONTOLOGY.contains(term, Vocab.RDF_type, Node.ANY), term + " has no rdf:type in ontology/aikg.ttl");
        assertTrue(hasLabel(term, "en"), term + " has no @en rdfs:label");
        assertTrue(hasLabel(term, "zh-Hans"), term + " has no @zh-Hans rdfs:label");
        assertTrue(ONTOLOGY.contains(term, NodeFactory.createURI(Vocab.RDFS + "comment"), Node.ANY), term + " has no rdfs:comment");
    }

    @Test
    void theTermListHoldsEveryConstant() throws IllegalAccessException {
        List<Node> constants = constants();
        assertTrue(AIKG.TERMS.containsAll(constants) && constants.containsAll(AIKG.TERMS), "AIKG.TERMS and the constants differ");
    }

    @Test
    void everyTermOfTheOntologyHasAConstant() throws IllegalAccessException {
        List<Node> constants = constants();
        ONTOLOGY.find(Node.ANY, NodeFactory.createURI(Vocab.RDFS + "isDefinedBy"), Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(AIKG.NS)) {
                assertTrue(constants.contains(t.getSubject()), t.getSubject() + " is in the ontology but not in AIKG.java");
            }
        });
        assertFalse(constants.isEmpty());
    }

    private static boolean hasLabel(Node term, String lang) {
        return ONTOLOGY.find(term, Vocab.RDFS_label, Node.ANY).toList().stream()
                .anyMatch(t -> t.getObject().isLiteral() && t.getObject().getLiteralLanguage().equalsIgnoreCase(lang));
    }
}
