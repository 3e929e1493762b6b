package org.aikg.vocab;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The terms of aikg's own ontology ({@code ontology/aikg.ttl}); a test keeps the two in step.
 *
 * <pre>{@code
 * Triple t = Triple.create(observation, AIKG.valueQualifier, AIKG.MoreThan);
 * }</pre>
 */
public final class AIKG {
    private AIKG() {}

    /** The ontology document. */
    public static final String ONTOLOGY = "https://w3id.org/ai-industry-kg/def";
    public static final String NS = ONTOLOGY + "#";

    public static final Node ValueQualifier = term("ValueQualifier");
    public static final Node ValueQualifierScheme = term("ValueQualifierScheme");
    public static final Node Exact = term("Exact");
    public static final Node Approximately = term("Approximately");
    public static final Node MoreThan = term("MoreThan");
    public static final Node AtLeast = term("AtLeast");
    public static final Node LessThan = term("LessThan");
    public static final Node AtMost = term("AtMost");

    public static final Node Wording = term("Wording");
    public static final Node WordingScheme = term("WordingScheme");
    public static final Node Verbatim = term("Verbatim");
    public static final Node Paraphrase = term("Paraphrase");

    public static final Node valueQualifier = term("valueQualifier");
    public static final Node statedAs = term("statedAs");
    public static final Node changeOf = term("changeOf");
    public static final Node wording = term("wording");

    /** Every term above, for the test that checks the ontology declares them. */
    public static final List<Node> TERMS = List.of(ValueQualifier, ValueQualifierScheme, Exact, Approximately,
            MoreThan, AtLeast, LessThan, AtMost, Wording, WordingScheme, Verbatim, Paraphrase, valueQualifier, statedAs, changeOf, wording);

    private static Node term(String local) {
        return NodeFactory.createURI(NS + local);
    }
}
