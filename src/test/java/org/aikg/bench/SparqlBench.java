package org.aikg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aikg.query.NamedQueries;
import org.aikg.query.NamedQuery;

/**
 * /sparql on a TDB2 store: aikg's endpoint ({@code aikg serve --tdb2 STORE}) against stock Fuseki
 * 5.6.0 and against a bare embedded Fuseki with aikg's 32 KiB output buffer, each on a copy of the
 * same store: the seven named queries one at a time, and a subject lookup under wrk.
 */
final class SparqlBench {
    private SparqlBench() {}

    static final String JSON = "application/sparql-results+json";

    static Section run(Ctx ctx) {
        Path store = Stores.store(ctx, ctx.corpus);
        Path copy = Stores.copy(ctx, store);
        List<NamedQuery> queries = NamedQueries.bundled().all();
        List<String> lookups = new ArrayList<>();
        for (String iri : ctx.observations(1000)) lookups.add("SELECT ?p ?o WHERE { <" + iri + "> ?p ?o }");
        int lookupSeconds = Math.max(5, ctx.serveSeconds / 3);
        Section s = new Section("sparql", "SPARQL on the " + String.format(Locale.ROOT, "%,d", Stores.quads(store)) + "-quad TDB2 store, JSON results",
                "`GET /sparql?query=…` on `aikg serve --tdb2 STORE --query-timeout 300s` (`-Xmx4g`)",
                "`GET /ds/query?query=…` on (a) stock Fuseki 5.6.0 (`fuseki-server.jar --loc COPY --set tdb2:unionDefaultGraph=true /ds`, its own 5 MiB "
                        + "output buffer) and (b) a bare embedded Fuseki on the same copy with aikg's 32 KiB buffer (`FusekiBaseline --tdb2`), each `-Xmx4g`",
                "baseline time ÷ aikg time, or aikg req/s ÷ baseline req/s (above 1: aikg faster)");
        try (Stores.Server aikg = Stores.aikg(ctx, store, "4g", "--query-timeout", "300s")) {
            for (boolean stock : List.of(true, false)) {
                String which = stock ? "(a) stock Fuseki" : "(b) Fuseki, 32 KiB buffer";
                try (Stores.Server fuseki = stock ? Stores.stockFuseki(ctx, copy, "4g") : Stores.fixedFuseki(ctx, copy, "4g")) {
                    Section.Row named = s.row("7 named queries one after another, vs " + which, "s", "%.2f");
                    named.goal = "≥ 0.95×";
                    named.ratioFmt = "%.3f×";
                    Map<String, List<Double>> perQuery = new LinkedHashMap<>();
                    // one untimed round: the JIT and the store's caches warm on both sides
                    for (NamedQuery q : queries) {
                        time(aikg.query(q.text()));
                        time(fuseki.query(q.text()));
                    }
                    for (int rep = 0; rep < ctx.reps; rep++) {
                        double a = 0;
                        double b = 0;
                        for (NamedQuery q : queries) {
                            boolean aikgFirst = rep % 2 == 0;
                            double ta = 0;
                            double tb = 0;
                            for (int k = 0; k < 2; k++) {
                                if ((k == 0) == aikgFirst) ta = time(aikg.query(q.text()));
                                else tb = time(fuseki.query(q.text()));
                            }
                            a += ta;
                            b += tb;
                            perQuery.computeIfAbsent(q.name(), n -> new ArrayList<>()).add(tb / ta);
                        }
                        named.aikg.add(a);
                        named.base.add(b);
                        named.ratio.add(b / a);
                        Bench.log(String.format(Locale.ROOT, "sparql run %d vs %s: 7 queries aikg %.2f s, Fuseki %.2f s, ratio %.3f", rep + 1, which, a, b, b / a));
                    }
                    named.met = named.ratioMedian() >= 0.95;
                    StringBuilder per = new StringBuilder("Per named query vs " + which + ", median (min–max) of the time ratios: ");
                    perQuery.forEach((n, r) -> per.append('`').append(n).append("` ").append(Bench.mmm(r, "%.2f")).append("; "));
                    s.note(per.toString().replaceAll("; $", "."));

                    Section.Row lookup = s.row("subject lookup `SELECT ?p ?o { <iri> ?p ?o }` under wrk, vs " + which, "req/s", "%.0f");
                    lookup.goal = "≥ 0.95×";
                    lookup.ratioFmt = "%.3f×";
                    List<String> aPaths = lookups.stream().map(q -> "/sparql?query=" + Bench.urlEncode(q)).toList();
                    List<String> fPaths = lookups.stream().map(q -> "/ds/query?query=" + Bench.urlEncode(q)).toList();
                    Path ap = Wrk.writePaths(ctx.work.resolve("wrk/lookup-aikg.paths"), aPaths);
                    Path fp = Wrk.writePaths(ctx.work.resolve("wrk/lookup-fuseki.paths"), fPaths);
                    Wrk.run(ctx, aikg.url(""), ap, JSON, Math.max(2, ctx.warmupSeconds / 2), ServeBench.THREADS, ServeBench.CONNECTIONS);
                    Wrk.run(ctx, fuseki.url(""), fp, JSON, Math.max(2, ctx.warmupSeconds / 2), ServeBench.THREADS, ServeBench.CONNECTIONS);
                    for (int rep = 0; rep < ctx.reps; rep++) {
                        Wrk.Run[] runs = Wrk.paired(ctx, rep, new Wrk.Side(aikg, ap, JSON), new Wrk.Side(fuseki, fp, JSON), lookupSeconds);
                        Wrk.Run ra = runs[0];
                        Wrk.Run rf = runs[1];
                        lookup.aikg.add(ra.rps());
                        lookup.base.add(rf.rps());
                        lookup.ratio.add(ra.rps() / rf.rps());
                        Bench.log("sparql lookup run " + (rep + 1) + " vs " + which + ": aikg " + Wrk.summary(ra) + "; Fuseki " + Wrk.summary(rf));
                    }
                    lookup.met = lookup.ratioMedian() >= 0.95;
                }
            }
        }
        s.runs = ctx.reps;
        s.note("Named queries: one untimed round first, then in each run every query once on each side, in alternating order, one request at a time, "
                + "time to the last byte (java.net.http, HTTP/1.1); the run's figure is the sum of the seven. Lookups: wrk -t" + ServeBench.THREADS + " -c"
                + ServeBench.CONNECTIONS + ", " + lookupSeconds + " s runs after a short warm-up, 1,000 random observations (seed " + ctx.seed + ").");
        return s;
    }

    /** Seconds to the last byte of one GET with JSON results; fails on anything but 200. */
    static double time(String url) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).header("Accept", JSON).GET().build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<InputStream> r = Bench.HTTP.send(req, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            if (r.statusCode() != 200) throw new IllegalStateException("sparql: " + url + " answered " + r.statusCode());
            return Bench.seconds(System.nanoTime() - t0);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
