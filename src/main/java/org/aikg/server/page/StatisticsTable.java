package org.aikg.server.page;

import static org.aikg.vocab.Vocab.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aikg.server.page.Views.Link;
import org.aikg.server.site.Dates;
import org.aikg.server.site.LabelOrder;
import org.aikg.server.site.Once;
import org.aikg.server.site.Site;
import org.apache.jena.graph.Node;

/**
 * Every statistic as a row of one table ({@code /statistics}): its variable, its value (or bound), qualifier, unit,
 * period, source and the source's date; filtered by variable, unit, period and source, sorted by any column (the value
 * as a number), the same rows for the page, the CSV and the JSON.
 */
public final class StatisticsTable {
    /** The columns a table sorts by. */
    public enum Sort {
        VARIABLE, VALUE, PERIOD, SOURCE;

        static Sort named(String s) {
            for (Sort x : values()) if (x.name().equalsIgnoreCase(s)) return x;
            return null;
        }
    }

    /** What a reader asked for: each filter an IRI or a period as the data writes it (null: any), the sort and its direction. */
    public record Query(String variable, String unit, String period, String source, Sort sort, boolean descending) {}

    /** One statistic: its nodes as the data holds them (for the CSV and JSON), and as read (for the page). */
    public record Row(Node statistic, Node variable, Node value, Node qualifier, Node unit, Node period, Node source, Node published,
            Link statisticLink, String variableName, String figure, String qualifierName, String unitName, String periodText, Link sourceLink,
            String publishedText, BigDecimal number) {}

    /** The facts a row is made of, read once. */
    private record Fact(Node statistic, Node variable, Node value, Node qualifier, Node unit, Node period, Node source, Node published) {}

    private final Site site;
    private final Statistics statistics;
    private final Facts facts;
    private final Links links;
    private final Once<List<Fact>> all = new Once<>(this::collect);

    StatisticsTable(Site site, Statistics statistics, Facts facts, Links links) {
        this.site = site;
        this.statistics = statistics;
        this.facts = facts;
        this.links = links;
    }

    /** The rows {@code q} asks for, in its order, named in {@code lang}. */
    public List<Row> rows(Query q, String lang, boolean explicit) {
        List<Row> out = new ArrayList<>();
        for (Fact f : all.get()) {
            if (q.variable() != null && (f.variable() == null || !f.variable().getURI().equals(q.variable()))) continue;
            if (q.unit() != null && (f.unit() == null || !f.unit().getURI().equals(q.unit()))) continue;
            if (q.period() != null && (f.period() == null || !f.period().getLiteralLexicalForm().equals(q.period()))) continue;
            if (q.source() != null && (f.source() == null || !f.source().getURI().equals(q.source()))) continue;
            out.add(row(f, lang, explicit));
        }
        Comparator<Row> order = switch (q.sort() == null ? Sort.VARIABLE : q.sort()) {
            case VALUE -> Comparator.comparing(Row::number, Comparator.nullsLast(Comparator.naturalOrder()));
            case PERIOD -> Comparator.comparing(Row::periodText, Comparator.nullsLast(Comparator.naturalOrder()));
            case SOURCE -> Comparator.comparing((Row r) -> r.sourceLink() == null ? null : r.sourceLink().text(),
                    Comparator.nullsLast(LabelOrder.of(lang)));
            case VARIABLE -> Comparator.comparing(Row::variableName, LabelOrder.of(lang))
                    .thenComparing(Row::periodText, Comparator.nullsLast(Comparator.naturalOrder()));
        };
        if (q.descending()) order = order.reversed();
        out.sort(order.thenComparing(r -> r.statistic().getURI()));
        return out;
    }

    /** The choices of each filter: IRI (or period) → name in {@code lang}, in name order. */
    public Map<String, Map<String, String>> choices(String lang) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Map<String, String> variables = new TreeMap<>();
        Map<String, String> units = new TreeMap<>();
        Map<String, String> periods = new TreeMap<>();
        Map<String, String> sources = new TreeMap<>();
        for (Fact f : all.get()) {
            if (f.variable() != null) variables.put(f.variable().getURI(), site.labels().label(f.variable(), lang));
            if (f.unit() != null) units.put(f.unit().getURI(), site.labels().label(f.unit(), lang));
            if (f.period() != null) periods.put(f.period().getLiteralLexicalForm(), Dates.format(f.period(), lang));
            if (f.source() != null) sources.put(f.source().getURI(), site.labels().label(f.source(), lang));
        }
        out.put("variable", byName(variables, lang));
        out.put("unit", byName(units, lang));
        out.put("period", periods);
        out.put("source", byName(sources, lang));
        return out;
    }

    private static Map<String, String> byName(Map<String, String> m, String lang) {
        List<Map.Entry<String, String>> e = new ArrayList<>(m.entrySet());
        e.sort(Map.Entry.comparingByValue(LabelOrder.of(lang)));
        Map<String, String> out = new LinkedHashMap<>();
        e.forEach(x -> out.put(x.getKey(), x.getValue()));
        return out;
    }

    /** The first statistic of a variable, for its chart; null when it has none. */
    public Node firstOf(String variable) {
        for (Fact f : all.get()) if (f.variable() != null && f.variable().getURI().equals(variable)) return f.statistic();
        return null;
    }

    private Row row(Fact f, String lang, boolean explicit) {
        Link stat = links.link(f.statistic(), lang, explicit);
        String variable = f.variable() == null ? stat.text() : site.labels().label(f.variable(), lang);
        Link source = f.source() == null ? null : links.link(f.source(), lang, explicit);
        BigDecimal number = null;
        if (f.value() != null && f.value().isLiteral()) {
            try {
                number = new BigDecimal(f.value().getLiteralLexicalForm());
            } catch (NumberFormatException e) {
                // a value that is not a number sorts last
            }
        }
        return new Row(f.statistic(), f.variable(), f.value(), f.qualifier(), f.unit(), f.period(), f.source(), f.published(), stat, variable,
                facts.figure(f.statistic(), lang), f.qualifier() == null ? null : site.labels().label(f.qualifier(), lang),
                f.unit() == null ? null : site.labels().label(f.unit(), lang), f.period() == null ? null : Dates.format(f.period(), lang), source,
                f.published() == null ? null : Dates.format(f.published(), lang), number);
    }

    private List<Fact> collect() {
        List<Fact> out = new ArrayList<>();
        Reads reads = new Reads(site.data);  // the articles, read once for all their statistics
        statistics.all().forEach((o, s) -> {
            Node value = s.value() != null ? s.value() : s.minValue() != null ? s.minValue() : s.maxValue();
            Node source = null;
            for (Node p : s.passages()) {
                source = reads.one(p, OA_hasSource);
                if (source != null) break;
            }
            Node published = source == null ? null : reads.one(source, SCHEMA_datePublished);
            out.add(new Fact(o, s.variable(), value, s.qualifier(), s.unit(), s.date(), source, published));
        });
        out.sort(Comparator.comparing(f -> f.statistic().getURI()));
        return List.copyOf(out);
    }
}
