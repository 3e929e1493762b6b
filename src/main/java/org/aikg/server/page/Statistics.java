package org.aikg.server.page;

import static org.aikg.vocab.Vocab.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aikg.server.site.Once;
import org.aikg.vocab.AIKG;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/**
 * What pages show of every statistic: its variable, unit, period, value or bounds, qualifier and the
 * passages it was read from. Gathered on first use in one pass over each of these properties and
 * kept, since the published graph does not change until it is reloaded: charts compare statistics
 * across the whole graph, and every page lists the statistics of its source with their figures in
 * the order of the text, which read each statistic and its passages on every page.
 */
final class Statistics {
    /** One statistic (an instance of {@code schema:Observation}); a property it does not have is null. */
    record Statistic(Node variable, Node unit, Node date, Node value, Node minValue, Node maxValue, Node qualifier, List<Node> passages) {}

    private final Graph data;
    private final Classes classes;
    private final Once<Map<Node, Statistic>> all = new Once<>(this::collect);

    Statistics(Graph data, Classes classes) {
        this.data = data;
        this.classes = classes;
    }

    /** The statistic {@code n} is, or null when it is none. */
    Statistic of(Node n) {
        return all().get(n);
    }

    /** Every statistic, by its IRI. */
    Map<Node, Statistic> all() {
        return all.get();
    }

    private Map<Node, Statistic> collect() {
        List<Node> observations = classes.of(SCHEMA_Observation);
        Set<Node> wanted = new HashSet<>(observations);
        Map<Node, Node> variables = Offsets.firstObjects(data, SCHEMA_variableMeasured, wanted::contains);
        Map<Node, Node> units = Offsets.firstObjects(data, SCHEMA_unitCode, wanted::contains);
        Map<Node, Node> dates = Offsets.firstObjects(data, SCHEMA_observationDate, wanted::contains);
        Map<Node, Node> values = Offsets.firstObjects(data, SCHEMA_value, wanted::contains);
        Map<Node, Node> minValues = Offsets.firstObjects(data, SCHEMA_minValue, wanted::contains);
        Map<Node, Node> maxValues = Offsets.firstObjects(data, SCHEMA_maxValue, wanted::contains);
        Map<Node, Node> qualifiers = Offsets.firstObjects(data, AIKG.valueQualifier, wanted::contains);
        Map<Node, List<Node>> passages = new HashMap<>();
        data.find(Node.ANY, PROV_wasDerivedFrom, Node.ANY).forEachRemaining(t -> {
            if (wanted.contains(t.getSubject())) passages.computeIfAbsent(t.getSubject(), k -> new ArrayList<>(1)).add(t.getObject());
        });
        Map<Node, Statistic> out = new HashMap<>();
        for (Node o : observations) {
            out.put(o, new Statistic(variables.get(o), units.get(o), dates.get(o), values.get(o), minValues.get(o), maxValues.get(o),
                    qualifiers.get(o), List.copyOf(passages.getOrDefault(o, List.of()))));
        }
        return out;
    }
}
