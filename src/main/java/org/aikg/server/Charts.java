package org.aikg.server;

import static org.aikg.vocab.Vocab.*;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aikg.server.Views.Bar;
import org.aikg.server.Views.Chart;
import org.aikg.server.Views.Key;
import org.aikg.server.Views.Link;
import org.aikg.server.Views.Words;
import org.aikg.vocab.AIKG;
import org.apache.jena.graph.Node;

/**
 * Bar charts that compare like with like, and nothing else: the figures of one variable over its
 * periods, or the figures of one unit for one stated period. A figure without a period is never put
 * beside a dated one of another variable, and a chart of one bar is no chart. Each chart says what
 * it compares and its legend explains the kinds of figure drawn (exact, approximate, a bound).
 */
final class Charts {
    static final int MAX_BARS = 24;
    static final int MAX_CHARTS = 12;

    private final Site site;
    private final Pages pages;

    Charts(Site site, Pages pages) {
        this.site = site;
        this.pages = pages;
    }

    /** A group of observations to compare: the title says what they have in common; each bar is labelled by what differs. */
    private record Group(String title, boolean byPeriod, List<Node> observations) {}

    /** Every chart of the published statistics. */
    List<Chart> all(String lang, boolean explicit) {
        List<Node> obs = new ArrayList<>();
        site.data.find(Node.ANY, RDF_type, SCHEMA_Observation).forEachRemaining(t -> obs.add(t.getSubject()));
        return groups(obs, lang).stream().limit(MAX_CHARTS).map(g -> chart(g, null, lang, explicit)).toList();
    }

    /** The charts a statistic is part of, with its bar marked. */
    List<Chart> of(Node observation, String lang, boolean explicit) {
        List<Node> obs = new ArrayList<>();
        Node variable = pages.one(observation, SCHEMA_variableMeasured);
        Node unit = pages.one(observation, SCHEMA_unitCode);
        if (variable != null) site.data.find(Node.ANY, SCHEMA_variableMeasured, variable).forEachRemaining(t -> obs.add(t.getSubject()));
        Node date = pages.one(observation, SCHEMA_observationDate);
        // of the other variables, only figures of the same unit and the same stated period compare with it
        if (unit != null && date != null) site.data.find(Node.ANY, SCHEMA_observationDate, date).forEachRemaining(t -> {
            if (!obs.contains(t.getSubject()) && unit.equals(pages.one(t.getSubject(), SCHEMA_unitCode))) obs.add(t.getSubject());
        });
        return groups(obs, lang).stream().filter(g -> g.observations().contains(observation)).map(g -> chart(g, observation, lang, explicit))
                .toList();
    }

    /** The comparable groups among {@code candidates}: by variable and unit, then by unit and stated period; two figures at least. */
    private List<Group> groups(List<Node> candidates, String lang) {
        Words w = Words.of(lang);
        Map<List<Node>, List<Node>> byVariable = new LinkedHashMap<>();
        Map<List<Node>, List<Node>> byUnitAndPeriod = new LinkedHashMap<>();
        for (Node o : pages.sortedByLabel(candidates, lang)) {
            Node variable = pages.one(o, SCHEMA_variableMeasured);
            Node unit = pages.one(o, SCHEMA_unitCode);
            Node date = pages.one(o, SCHEMA_observationDate);
            if (unit == null || amount(o) == null) continue;
            if (variable != null) byVariable.computeIfAbsent(List.of(variable, unit), k -> new ArrayList<>()).add(o);
            if (date != null) byUnitAndPeriod.computeIfAbsent(List.of(unit, date), k -> new ArrayList<>()).add(o);
        }
        List<Group> out = new ArrayList<>();
        byVariable.forEach((key, list) -> {
            if (list.size() < 2) return;
            List<Node> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparing((Node o) -> {
                Node d = pages.one(o, SCHEMA_observationDate);
                return d == null ? "~" : d.getLiteralLexicalForm();
            }));
            out.add(new Group(w.byPeriod(site.labels().label(key.get(0), lang)), true, sorted));
        });
        byUnitAndPeriod.forEach((key, list) -> {
            Set<Node> variables = new LinkedHashSet<>();
            for (Node o : list) variables.add(pages.one(o, SCHEMA_variableMeasured));
            if (list.size() < 2 || variables.size() < 2) return;
            out.add(new Group(w.sameUnitPeriod(capitalised(site.labels().label(key.get(0), lang), lang), Dates.format(key.get(1), lang)), false,
                    list));
        });
        return out;
    }

    private Chart chart(Group g, Node current, String lang, boolean explicit) {
        Words w = Words.of(lang);
        List<Node> shown = g.observations().stream().limit(MAX_BARS).toList();
        BigDecimal max = BigDecimal.ZERO;
        for (Node o : shown) max = max.max(amount(o).abs());
        List<Bar> bars = new ArrayList<>();
        Set<String> qualifiers = new LinkedHashSet<>();
        for (Node o : shown) {
            String q = qualifier(o);
            qualifiers.add(q);
            String label;
            if (g.byPeriod()) {
                Node date = pages.one(o, SCHEMA_observationDate);
                label = date == null ? w.noPeriod() : Dates.format(date, lang);
            } else {
                Node variable = pages.one(o, SCHEMA_variableMeasured);
                label = variable == null ? site.labels().label(o, lang) : site.labels().label(variable, lang);
            }
            Link l = pages.link(o, lang, explicit);
            BigDecimal pct = max.signum() == 0 ? BigDecimal.ZERO
                    : amount(o).abs().multiply(BigDecimal.valueOf(100)).divide(max, MathContext.DECIMAL64).setScale(1, RoundingMode.HALF_UP);
            if (pct.compareTo(BigDecimal.ONE) < 0) pct = BigDecimal.ONE;
            bars.add(new Bar(new Link(label, l.href(), l.title()), pages.figure(o, lang), pct.toPlainString(), kind(q), o.equals(current)));
        }
        List<Key> legend = new ArrayList<>();
        for (String q : List.of("Exact", "Approximately", "MoreThan", "AtLeast", "LessThan", "AtMost")) {
            if (!qualifiers.contains(q)) continue;
            legend.add(new Key(kind(q), switch (q) {
                case "Approximately" -> w.legendApprox();
                case "MoreThan" -> w.legendMoreThan();
                case "AtLeast" -> w.legendAtLeast();
                case "LessThan" -> w.legendLessThan();
                case "AtMost" -> w.legendAtMost();
                default -> w.legendExact();
            }));
        }
        return new Chart(g.title(), bars, legend);
    }

    /** The qualifier's local name (Exact when none is given). */
    private String qualifier(Node o) {
        Node q = pages.one(o, AIKG.valueQualifier);
        return q != null && q.isURI() && q.getURI().startsWith(AIKG.NS) ? q.getURI().substring(AIKG.NS.length()) : "Exact";
    }

    private static String kind(String qualifier) {
        return switch (qualifier) {
            case "Approximately" -> "approx";
            case "MoreThan", "AtLeast" -> "lower";
            case "LessThan", "AtMost" -> "upper";
            default -> "exact";
        };
    }

    /** The number drawn: the value, or the bound where only a bound is given; null when there is none. */
    private BigDecimal amount(Node obs) {
        for (Node p : List.of(SCHEMA_value, SCHEMA_minValue, SCHEMA_maxValue)) {
            Node v = pages.one(obs, p);
            if (v != null && v.isLiteral()) {
                try {
                    return new BigDecimal(v.getLiteralLexicalForm());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String capitalised(String s, String lang) {
        return lang.equals("zh") || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
