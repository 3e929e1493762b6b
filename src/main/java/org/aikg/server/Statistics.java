package org.aikg.server;

import static org.aikg.vocab.Vocab.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private volatile Map<Node, Statistic> all;

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
        Map<Node, Statistic> m = all;
        if (m == null) {
            synchronized (this) {
                m = all;
                if (m == null) all = m = collect();
            }
        }
        return m;
    }

    private Map<Node, Statistic> collect() {
        List<Node> observations = classes.of(SCHEMA_Observation);
        Set<Node> wanted = new HashSet<>(observations);
        Map<Node, Node> variables = firstObjects(SCHEMA_variableMeasured, wanted);
        Map<Node, Node> units = firstObjects(SCHEMA_unitCode, wanted);
        Map<Node, Node> dates = firstObjects(SCHEMA_observationDate, wanted);
        Map<Node, Node> values = firstObjects(SCHEMA_value, wanted);
        Map<Node, Node> minValues = firstObjects(SCHEMA_minValue, wanted);
        Map<Node, Node> maxValues = firstObjects(SCHEMA_maxValue, wanted);
        Map<Node, Node> qualifiers = firstObjects(AIKG.valueQualifier, wanted);
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

    /** The first object of {@code p} of each of {@code subjects} that has one. */
    private Map<Node, Node> firstObjects(Node p, Set<Node> subjects) {
        Map<Node, Node> out = new HashMap<>();
        data.find(Node.ANY, p, Node.ANY).forEachRemaining(t -> {
            if (subjects.contains(t.getSubject())) out.putIfAbsent(t.getSubject(), t.getObject());
        });
        return out;
    }
}
