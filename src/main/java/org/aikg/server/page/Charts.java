package org.aikg.server.page;

import static org.aikg.vocab.Vocab.*;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.aikg.server.page.Views.Bar;
import org.aikg.server.page.Views.Chart;
import org.aikg.server.page.Views.Key;
import org.aikg.server.page.Views.Link;
import org.aikg.server.site.Dates;
import org.aikg.server.site.Labels;
import org.aikg.server.site.Once;
import org.aikg.server.site.Site;
import org.aikg.server.site.Words;
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
    private final Classes classes;
    private final Statistics statistics;
    private final Facts facts;
    private final Links links;

    Charts(Site site, Classes classes, Statistics statistics, Facts facts, Links links) {
        this.site = site;
        this.classes = classes;
        this.statistics = statistics;
        this.facts = facts;
        this.links = links;
    }

    /** A group of observations to compare: the title says what they have in common; each bar is labelled by what differs. */
    private record Group(String title, boolean byPeriod, List<Node> observations) {}

    /** What a chart needs of a statistic: its variable, unit, period, the number drawn and its qualifier's local name. */
    private record Figure(Node variable, Node unit, Node date, BigDecimal amount, String qualifier) {}

    /**
     * Every statistic's figure, and the statistics that can share a chart: by variable and unit, and by
     * unit and stated period (those with a unit and a number only, in IRI order).
     */
    private record Index(Map<Node, Figure> figures, Map<List<Node>, List<Node>> byVariable, Map<List<Node>, List<Node>> byUnitAndPeriod) {}

    /** A chart as every page shows it, none of its bars marked, the statistic of each bar, and its whole group. */
    private record Drawn(Chart chart, List<Node> shown, Group group) {}

    /**
     * Worked out on first use and kept, since the published graph does not change until it is
     * reloaded: a period is shared by hundreds of statistics of a large store, and each page of one
     * would otherwise look them all up, and their labels, to draw the same chart.
     */
    private final Once<Index> index = new Once<>(this::collect);
    /** Each group's chart per language, with and without an explicit one: at most four a group. */
    private final Map<String, Drawn> drawn = new ConcurrentHashMap<>();
    /** A group that is no comparison. */
    private static final Drawn NONE = new Drawn(new Chart("", List.of(), List.of()), List.of(), null);

    /** Every chart of the published statistics. */
    List<Chart> all(String lang, boolean explicit) {
        Index ix = index();
        List<Node> obs = classes.ordered(SCHEMA_Observation, lang, things -> site.labels().sorted(things, lang));
        Map<List<Node>, Boolean> seenVariable = new LinkedHashMap<>();
        Map<List<Node>, Boolean> seenPeriod = new LinkedHashMap<>();
        for (Node o : obs) {
            Figure f = ix.figures().get(o);
            if (f == null) continue;
            if (f.variable() != null) seenVariable.putIfAbsent(List.of(f.variable(), f.unit()), true);
            if (f.date() != null) seenPeriod.putIfAbsent(List.of(f.unit(), f.date()), true);
        }
        List<Chart> out = new ArrayList<>();
        for (List<Node> key : seenVariable.keySet()) {
            if (out.size() < MAX_CHARTS) drawn(true, key, lang, explicit).ifPresent(d -> out.add(d.chart()));
        }
        for (List<Node> key : seenPeriod.keySet()) {
            if (out.size() < MAX_CHARTS) drawn(false, key, lang, explicit).ifPresent(d -> out.add(d.chart()));
        }
        return out;
    }

    /** The charts a statistic is part of, with its bar marked. */
    List<Chart> of(Node observation, String lang, boolean explicit) {
        Figure f = index().figures().get(observation);
        if (f == null) return List.of();
        List<Chart> out = new ArrayList<>();
        if (f.variable() != null) {
            drawn(true, List.of(f.variable(), f.unit()), lang, explicit).ifPresent(d -> out.add(marked(around(d, observation, lang, explicit), observation)));
        }
        if (f.date() != null) {
            drawn(false, List.of(f.unit(), f.date()), lang, explicit).ifPresent(d -> out.add(marked(around(d, observation, lang, explicit), observation)));
        }
        return out;
    }

    /**
     * The group's chart when it shows {@code current}; in a group of more than {@link #MAX_BARS}
     * where it does not, the bars around it (drawn for this page, not kept), so that the page's own
     * statistic is always in its chart.
     */
    private Drawn around(Drawn d, Node current, String lang, boolean explicit) {
        if (d.shown().contains(current)) return d;
        List<Node> all = d.group().observations();
        int at = all.indexOf(current);
        if (at < 0) return d;
        int from = Math.max(0, Math.min(at - MAX_BARS / 2, all.size() - MAX_BARS));
        Group g = d.group();
        return draw(new Group(g.title(), g.byPeriod(), all.subList(from, Math.min(all.size(), from + MAX_BARS))), lang, explicit);
    }

    private static Chart marked(Drawn d, Node current) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < d.shown().size(); i++) {
            Bar b = d.chart().bars().get(i);
            bars.add(d.shown().get(i).equals(current) ? new Bar(b.label(), b.value(), b.width(), b.kind(), true) : b);
        }
        return new Chart(d.chart().title(), bars, d.chart().legend());
    }

    /**
     * The chart of one group (by variable and unit, or by unit and period), drawn once per language:
     * empty when the group is no comparison (one figure, or one variable in a period).
     */
    private Optional<Drawn> drawn(boolean byPeriod, List<Node> key, String lang, boolean explicit) {
        String id = (byPeriod ? "v|" : "p|") + key.get(0) + "|" + key.get(1) + "|" + lang + "|" + explicit;
        Drawn d = drawn.get(id);
        if (d == null) {
            Group g = group(byPeriod, key, lang);
            d = g == null ? NONE : draw(g, lang, explicit);
            drawn.putIfAbsent(id, d);
        }
        return d == NONE ? Optional.empty() : Optional.of(d);
    }

    /** A group in label order (by period: then by its period), or null when it compares nothing. */
    private Group group(boolean byPeriod, List<Node> key, String lang) {
        Index ix = index();
        List<Node> members = (byPeriod ? ix.byVariable() : ix.byUnitAndPeriod()).getOrDefault(key, List.of());
        if (members.size() < 2) return null;
        Words w = Words.of(lang);
        List<Node> sorted = new ArrayList<>(site.labels().sorted(members, lang));
        if (byPeriod) {
            sorted.sort(Comparator.comparing((Node o) -> {
                Node d = ix.figures().get(o).date();
                return d == null ? "~" : d.getLiteralLexicalForm();
            }));
            return new Group(w.byPeriod(site.labels().label(key.get(0), lang)), true, sorted);
        }
        Set<Node> variables = new HashSet<>();
        for (Node o : members) variables.add(ix.figures().get(o).variable());
        if (variables.size() < 2) return null;
        return new Group(w.sameUnitPeriod(Labels.capitalised(site.labels().label(key.get(0), lang), lang), Dates.format(key.get(1), lang)), false, sorted);
    }

    private Index index() {
        return index.get();
    }

    /** Works out now what the charts need of the whole graph. */
    void prepare() {
        index();
    }

    /** The statistics with a unit and a number, and the groups they form. */
    private Index collect() {
        Map<Node, Figure> figures = new HashMap<>();
        Map<List<Node>, List<Node>> byVariable = new HashMap<>();
        Map<List<Node>, List<Node>> byUnitAndPeriod = new HashMap<>();
        Map<Node, Statistics.Statistic> all = statistics.all();
        for (Node o : classes.of(SCHEMA_Observation)) {
            Statistics.Statistic s = all.get(o);
            BigDecimal amount = amount(s);
            if (s.unit() == null || amount == null) continue;
            Node q = s.qualifier();
            String qualifier = q != null && q.isURI() && q.getURI().startsWith(AIKG.NS) ? q.getURI().substring(AIKG.NS.length()) : "Exact";
            Figure f = new Figure(s.variable(), s.unit(), s.date(), amount, qualifier);
            figures.put(o, f);
            if (f.variable() != null) byVariable.computeIfAbsent(List.of(f.variable(), f.unit()), k -> new ArrayList<>()).add(o);
            if (f.date() != null) byUnitAndPeriod.computeIfAbsent(List.of(f.unit(), f.date()), k -> new ArrayList<>()).add(o);
        }
        return new Index(figures, byVariable, byUnitAndPeriod);
    }

    /** The number drawn: the value, or the bound where only a bound is given; null when there is none. */
    private static BigDecimal amount(Statistics.Statistic s) {
        for (Node v : Arrays.asList(s.value(), s.minValue(), s.maxValue())) {
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

    private Drawn draw(Group g, String lang, boolean explicit) {
        Words w = Words.of(lang);
        Map<Node, Figure> figures = index().figures();
        List<Node> shown = g.observations().stream().limit(MAX_BARS).toList();
        BigDecimal max = BigDecimal.ZERO;
        for (Node o : shown) max = max.max(figures.get(o).amount().abs());
        List<Bar> bars = new ArrayList<>();
        Set<String> qualifiers = new LinkedHashSet<>();
        for (Node o : shown) {
            Figure f = figures.get(o);
            qualifiers.add(f.qualifier());
            String label;
            if (g.byPeriod()) label = f.date() == null ? w.noPeriod() : Dates.format(f.date(), lang);
            else label = f.variable() == null ? site.labels().label(o, lang) : site.labels().label(f.variable(), lang);
            Link l = links.link(o, lang, explicit);
            BigDecimal pct = max.signum() == 0 ? BigDecimal.ZERO
                    : f.amount().abs().multiply(BigDecimal.valueOf(100)).divide(max, MathContext.DECIMAL64).setScale(1, RoundingMode.HALF_UP);
            if (pct.compareTo(BigDecimal.ONE) < 0) pct = BigDecimal.ONE;
            bars.add(new Bar(new Link(label, l.href(), l.title()), facts.figure(o, lang), pct.toPlainString(), kind(f.qualifier()), false));
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
        return new Drawn(new Chart(g.title(), List.copyOf(bars), List.copyOf(legend)), shown, g);
    }

    private static String kind(String qualifier) {
        return switch (qualifier) {
            case "Approximately" -> "approx";
            case "MoreThan", "AtLeast" -> "lower";
            case "LessThan", "AtMost" -> "upper";
            default -> "exact";
        };
    }
}
