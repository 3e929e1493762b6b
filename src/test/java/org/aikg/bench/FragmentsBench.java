package org.aikg.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * fragments: the time of one Triple Pattern Fragment page on the corpus's TDB2 store (1M quads), the
 * first and the 5,000th of {@code ?s ?p ?o} and the first of {@code ?s rdf:type ?o}, on aikg's
 * {@code /fragments} beside stock Fuseki 5.6.0 answering the same page as SPARQL
 * ({@code CONSTRUCT WHERE { ?s ?p ?o } OFFSET n LIMIT 100}, what a TPF server over SPARQL would ask;
 * Fuseki has no fragments of its own). Each request alone, sequentially, medians of {@link #REQUESTS}.
 */
final class FragmentsBench {
    private FragmentsBench() {}

    static final int REQUESTS = 15;
    static final String TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

    static Section run(Ctx ctx) {
        Path store = Stores.store(ctx, ctx.corpus);
        Path copy = Stores.copy(ctx, store);
        Section s = new Section("fragments", "one page of a Triple Pattern Fragment (1M-quad TDB2 store)", "`aikg serve --tdb2 STORE`: `/fragments?…&page=N`",
                "stock Fuseki 5.6.0: the same page as SPARQL (`CONSTRUCT … OFFSET … LIMIT 100`)", "aikg ÷ baseline (time)");
        try (Stores.Server aikg = Stores.aikg(ctx, store, "4g"); Stores.Server fuseki = Stores.stockFuseki(ctx, copy, "4g")) {
            record Case(String name, String aikg, String sparql) {}
            List<Case> cases = List.of(
                    new Case("?s ?p ?o, page 1", "/fragments", "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 100"),
                    new Case("?s ?p ?o, page 5,000", "/fragments?page=5000", "CONSTRUCT WHERE { ?s ?p ?o } OFFSET 499900 LIMIT 100"),
                    new Case("?s rdf:type ?o, page 1", "/fragments?predicate=" + Bench.urlEncode(TYPE), "CONSTRUCT WHERE { ?s a ?o } LIMIT 100"));
            for (Case c : cases) {
                Section.Row row = s.row(c.name(), "ms", "%.1f");
                for (int rep = 0; rep < ctx.reps; rep++) {
                    double[] pair = new double[2];
                    for (int k = 0; k < 2; k++) {
                        boolean aikgSide = (k == 0) == (rep % 2 == 0);
                        Bench.waitIdle(aikg.pid(), 120);
                        Bench.waitIdle(fuseki.pid(), 120);
                        String url = aikgSide ? aikg.url(c.aikg()) : fuseki.url("/ds/query?query=" + Bench.urlEncode(c.sparql()));
                        pair[aikgSide ? 0 : 1] = medianMillis(url);
                    }
                    row.aikg.add(pair[0]);
                    row.base.add(pair[1]);
                    row.ratio.add(pair[0] / pair[1]);
                }
                Bench.log(String.format(Locale.ROOT, "fragments %s: aikg %.1f ms, fuseki %.1f ms", c.name(), row.aikgMedian(), row.baseMedian()));
            }
            s.runs = ctx.reps;
            s.note("Each figure is the median of " + REQUESTS + " requests made one after another (Turtle), after " + 3 + " not counted; the first page of a "
                    + "pattern counts at most 10,000 matches past itself (then says its count is a lower bound), the 5,000th skips 499,900 matches first.");
        }
        return s;
    }

    static double medianMillis(String url) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < REQUESTS + 3; i++) {
            long t0 = System.nanoTime();
            var r = Bench.get(url, "text/turtle");
            double ms = (System.nanoTime() - t0) / 1e6;
            if (r.statusCode() != 200) throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
            if (i >= 3) times.add(ms);
        }
        return Bench.median(times);
    }
}
