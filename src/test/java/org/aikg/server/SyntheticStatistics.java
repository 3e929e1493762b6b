package org.aikg.server;

import java.util.List;
import org.aikg.vocab.AIKG;
import org.aikg.vocab.Vocab;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * SYNTHETIC statistics, made up for the tests of charts and stated by no source: the article's
 * figures are never comparable (no two share a variable, or a unit and a period), so it has no
 * chart. They live in a graph of their own, under variables named as what they are.
 *
 * <ul>
 *   <li>"Synthetic count A": 2021 = 10 (exact), 2022 ≈ 12, 2023 &gt; 15 — a chart by period;</li>
 *   <li>"Synthetic count B": 2023 = 30 — with A's 2023 figure, a chart of one unit for one period;</li>
 *   <li>"Synthetic count C": one figure, undated — in no chart.</li>
 * </ul>
 */
final class SyntheticStatistics {
    static final String BASE = "https://w3id.org/ai-industry-kg/";
    static final Node GRAPH = uri(BASE + "graph/synthetic-chart-test");
    static final String A_2021 = "synthetic-count-a-2021";
    static final String A_2022 = "synthetic-count-a-2022";
    static final String A_2023 = "synthetic-count-a-2023";
    static final String B_2023 = "synthetic-count-b-2023";
    static final String C = "synthetic-count-c";

    private SyntheticStatistics() {}

    static void addTo(DatasetGraph dsg) {
        variable(dsg, "synthetic-count-a", "Synthetic count A", "合成计数A");
        variable(dsg, "synthetic-count-b", "Synthetic count B", "合成计数B");
        variable(dsg, "synthetic-count-c", "Synthetic count C", "合成计数C");
        observation(dsg, A_2021, "synthetic-count-a", "2021", Vocab.SCHEMA_value, "10", AIKG.Exact);
        observation(dsg, A_2022, "synthetic-count-a", "2022", Vocab.SCHEMA_value, "12", AIKG.Approximately);
        observation(dsg, A_2023, "synthetic-count-a", "2023", Vocab.SCHEMA_minValue, "15", AIKG.MoreThan);
        observation(dsg, B_2023, "synthetic-count-b", "2023", Vocab.SCHEMA_value, "30", AIKG.Exact);
        observation(dsg, C, "synthetic-count-c", null, Vocab.SCHEMA_value, "7", AIKG.Exact);
    }

    private static void variable(DatasetGraph dsg, String slug, String en, String zh) {
        Node v = uri(BASE + "id/variable/" + slug);
        add(dsg, v, Vocab.RDF_type, Vocab.SCHEMA_StatisticalVariable);
        add(dsg, v, Vocab.SCHEMA_name, NodeFactory.createLiteralLang(en, "en"));
        add(dsg, v, Vocab.SCHEMA_name, NodeFactory.createLiteralLang(zh, "zh-Hans"));
    }

    private static void observation(DatasetGraph dsg, String slug, String variable, String year, Node valueProperty, String value, Node qualifier) {
        Node o = uri(BASE + "id/observation/" + slug);
        add(dsg, o, Vocab.RDF_type, Vocab.SCHEMA_Observation);
        add(dsg, o, Vocab.SCHEMA_variableMeasured, uri(BASE + "id/variable/" + variable));
        if (year != null) add(dsg, o, Vocab.SCHEMA_observationDate, NodeFactory.createLiteralDT(year, XSDDatatype.XSDgYear));
        add(dsg, o, valueProperty, NodeFactory.createLiteralDT(value, XSDDatatype.XSDdecimal));
        add(dsg, o, Vocab.SCHEMA_unitCode, uri(Vocab.UNIT + "NUM"));
        add(dsg, o, AIKG.valueQualifier, qualifier);
    }

    /** "Synthetic count D": one figure a year, 1990 to 2019 — a group of 30, more than a chart's 24 bars. */
    static void addManyTo(DatasetGraph dsg) {
        variable(dsg, "synthetic-count-d", "Synthetic count D", "合成计数D");
        for (int year = 1990; year <= 2019; year++) {
            observation(dsg, "synthetic-count-d-" + year, "synthetic-count-d", Integer.toString(year), Vocab.SCHEMA_value,
                    Integer.toString(year - 1980), AIKG.Exact);
        }
    }

    static List<String> all() {
        return List.of(A_2021, A_2022, A_2023, B_2023, C);
    }

    private static void add(DatasetGraph dsg, Node s, Node p, Node o) {
        dsg.add(Quad.create(GRAPH, s, p, o));
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
