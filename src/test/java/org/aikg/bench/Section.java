package org.aikg.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The results of one benchmark: a table (one row per measure, aikg beside its baseline, median
 * with min–max of the paired runs), the goals with met/missed, and notes.
 */
final class Section {
    /** One compared measure. {@code ratio} is per run (paired), the verdict uses its median. */
    static final class Row {
        final String measure;
        final String unit;
        final String fmt;
        final List<Double> aikg = new ArrayList<>();
        final List<Double> base = new ArrayList<>();
        final List<Double> ratio = new ArrayList<>();
        String ratioFmt = "%.2f×";
        String goal = "–";
        /** null: no goal; else whether the goal was met. */
        Boolean met;

        Row(String measure, String unit, String fmt) {
            this.measure = measure;
            this.unit = unit;
            this.fmt = fmt;
        }

        double aikgMedian() {
            return Bench.median(aikg);
        }

        double baseMedian() {
            return Bench.median(base);
        }

        double ratioMedian() {
            return Bench.median(ratio);
        }

        String verdict() {
            return met == null ? "–" : met ? "met" : "MISSED";
        }
    }

    final String name;
    final String title;
    final String aikgLabel;
    final String baseLabel;
    final String ratioDef;
    final List<Row> rows = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    /** A goal checked on something other than a compared row (soak). */
    record Check(String what, String goal, String measured, boolean met) {
        String verdict() {
            return met ? "met" : "MISSED";
        }
    }

    final List<Check> checks = new ArrayList<>();

    void check(String what, String goal, String measured, boolean met) {
        checks.add(new Check(what, goal, measured, met));
    }

    /** Free key/value lines (soak, memory readings). */
    final List<String[]> facts = new ArrayList<>();
    int runs;

    Section(String name, String title, String aikgLabel, String baseLabel, String ratioDef) {
        this.name = name;
        this.title = title;
        this.aikgLabel = aikgLabel;
        this.baseLabel = baseLabel;
        this.ratioDef = ratioDef;
    }

    Row row(String measure, String unit, String fmt) {
        Row r = new Row(measure, unit, fmt);
        rows.add(r);
        return r;
    }

    void note(String s) {
        notes.add(s);
    }

    void fact(String k, String v) {
        facts.add(new String[] {k, v});
    }

    /** Markdown for this section. */
    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("### ").append(name).append(": ").append(title).append("\n\n");
        if (!rows.isEmpty()) {
            b.append("aikg: ").append(aikgLabel).append("  \nbaseline: ").append(baseLabel).append("  \nratio: ").append(ratioDef)
                    .append(runs > 0 ? " — median of " + runs + " paired runs (min–max)" : "").append("\n\n");
            b.append("| measure | aikg | baseline | ratio | goal | verdict |\n| --- | --- | --- | --- | --- | --- |\n");
            for (Row r : rows) {
                b.append("| ").append(r.measure).append(r.unit.isEmpty() ? "" : " (" + r.unit + ")").append(" | ")
                        .append(Bench.mmm(r.aikg, r.fmt)).append(" | ").append(Bench.mmm(r.base, r.fmt)).append(" | ")
                        .append(Bench.mmm(r.ratio, r.ratioFmt)).append(" | ").append(r.goal).append(" | ").append(r.verdict()).append(" |\n");
            }
            b.append('\n');
        }
        if (!checks.isEmpty()) {
            b.append("| check | goal | measured | verdict |\n| --- | --- | --- | --- |\n");
            for (Check c : checks) b.append("| ").append(c.what()).append(" | ").append(c.goal()).append(" | ").append(c.measured()).append(" | ").append(c.verdict()).append(" |\n");
            b.append('\n');
        }
        if (!facts.isEmpty()) {
            b.append("| | |\n| --- | --- |\n");
            for (String[] f : facts) b.append("| ").append(f[0]).append(" | ").append(f[1]).append(" |\n");
            b.append('\n');
        }
        for (String n : notes) b.append("- ").append(n).append('\n');
        if (!notes.isEmpty()) b.append('\n');
        return b.toString();
    }
}
