package org.aikg.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * serve: wrk on loopback, 1,000 random observations of the corpus, on the TDB2 store: aikg's (i)
 * HTML pages and (ii) Turtle pages ({@code .ttl}) rendered on every request ({@code --page-cache 0}),
 * against (iii) {@code CONSTRUCT WHERE { <iri> ?p ?o }} of the same resources on a bare embedded
 * Fuseki with the same 32 KiB output buffer over a copy of the same store. Then the same pages with
 * aikg's page cache on, labelled cached: a second figure, not the headline.
 */
final class ServeBench {
    private ServeBench() {}

    private record Endpoint(String name, String baseUrl, Path paths, String accept) {}

    static final int THREADS = 2;
    static final int CONNECTIONS = 16;

    static Section run(Ctx ctx) {
        Path store = Stores.store(ctx, ctx.corpus);
        Path copy = Stores.copy(ctx, store);
        List<String> obs = ctx.observations(1000);
        List<String> html = new ArrayList<>();
        List<String> ttl = new ArrayList<>();
        List<String> construct = new ArrayList<>();
        for (String iri : obs) {
            html.add(ctx.docPath(iri));
            ttl.add(ctx.docPath(iri) + ".ttl");
            construct.add("/ds/query?query=" + Bench.urlEncode("CONSTRUCT WHERE { <" + iri + "> ?p ?o }"));
        }
        Path htmlPaths = Wrk.writePaths(ctx.work.resolve("wrk/html.paths"), html);
        Path ttlPaths = Wrk.writePaths(ctx.work.resolve("wrk/ttl.paths"), ttl);
        Path consPaths = Wrk.writePaths(ctx.work.resolve("wrk/construct.paths"), construct);
        Section s = new Section("serve", "linked-data pages under wrk -t" + THREADS + " -c" + CONNECTIONS + " on 127.0.0.1, " + obs.size()
                + " random observations (seed " + ctx.seed + "), on the TDB2 store",
                "(i) `GET /doc/observation/X` with `Accept: text/html`; (ii) `GET /doc/observation/X.ttl` — on `java -Xmx4g -jar target/aikg.jar serve "
                        + "--tdb2 STORE --page-cache 0` (every page rendered on every request); cached: the same with the page cache on (64 MiB)",
                "(iii) `GET /ds/query?query=CONSTRUCT WHERE { <iri> ?p ?o }` with `Accept: text/turtle`, same resources, on a bare embedded Fuseki "
                        + "(`FusekiBaseline --tdb2`, `-Xmx4g`, its own JVM) over a copy of the same store, with the same 32 KiB output buffer as aikg",
                "aikg req/s ÷ Fuseki req/s (above 1: aikg faster); for p99, aikg ÷ Fuseki (below 1: aikg faster)");
        Section.Row rpsHtml = s.row("(i) HTML page, uncached ÷ (iii): throughput", "req/s", "%.0f");
        Section.Row p99Html = s.row("(i) HTML page, uncached ÷ (iii): p99 latency", "ms", "%.2f");
        Section.Row rpsTtl = s.row("(ii) Turtle page, uncached ÷ (iii): throughput", "req/s", "%.0f");
        Section.Row p99Ttl = s.row("(ii) Turtle page, uncached ÷ (iii): p99 latency", "ms", "%.2f");
        Section.Row rpsHtmlC = s.row("(i) HTML page, CACHED ÷ (iii): throughput", "req/s", "%.0f");
        Section.Row rpsTtlC = s.row("(ii) Turtle page, CACHED ÷ (iii): throughput", "req/s", "%.0f");
        rpsHtml.goal = rpsTtl.goal = "≥ 1.0×";
        p99Html.goal = p99Ttl.goal = "aikg p99 < 10 ms";
        rpsHtmlC.goal = rpsTtlC.goal = "report only";
        p99Html.ratioFmt = p99Ttl.ratioFmt = "%.3f×";
        try (Stores.Server fuseki = Stores.fixedFuseki(ctx, copy, "4g")) {
            Endpoint eCons = new Endpoint("(iii) Fuseki CONSTRUCT", fuseki.url(""), consPaths, "text/turtle");
            for (boolean cached : List.of(false, true)) {
                try (Stores.Server aikg = cached ? Stores.aikg(ctx, store, "4g") : Stores.aikg(ctx, store, "4g", "--page-cache", "0")) {
                    String tag = cached ? ", cached" : "";
                    Endpoint eHtml = new Endpoint("(i) HTML page" + tag, aikg.url(""), htmlPaths, "text/html");
                    Endpoint eTtl = new Endpoint("(ii) Turtle page" + tag, aikg.url(""), ttlPaths, "text/turtle");
                    List<Endpoint> all = List.of(eHtml, eTtl, eCons);
                    if (!cached) sample(s, ctx, obs.get(0), eHtml, eTtl, eCons, html.get(0), ttl.get(0), construct.get(0));
                    for (Endpoint e : all) {
                        Wrk.Run w = wrk(ctx, e, ctx.warmupSeconds, aikg, fuseki);
                        Bench.log("  warm-up " + e.name() + ": " + Wrk.summary(w));
                    }
                    int reps = cached ? Math.max(1, (ctx.reps + 1) / 2) : ctx.reps;
                    for (int rep = 0; rep < reps; rep++) {
                        List<Endpoint> order = rep % 2 == 0 ? List.of(eHtml, eTtl, eCons) : List.of(eCons, eTtl, eHtml);
                        Wrk.Run[] runs = new Wrk.Run[3];
                        for (Endpoint e : order) {
                            runs[all.indexOf(e)] = wrk(ctx, e, ctx.serveSeconds, aikg, fuseki);
                            Bench.log("serve run " + (rep + 1) + " " + e.name() + ": " + Wrk.summary(runs[all.indexOf(e)]));
                            long bad = runs[all.indexOf(e)].non2xx3xx() + runs[all.indexOf(e)].socketErrors();
                            if (bad > 0) s.note("WARNING: " + e.name() + ", run " + (rep + 1) + ": " + bad + " failed requests.");
                        }
                        int secs = ctx.serveSeconds;
                        if (cached) {
                            add(rpsHtmlC, runs[0].rps(), runs[2].rps());
                            add(rpsTtlC, runs[1].rps(), runs[2].rps());
                        } else {
                            add(rpsHtml, runs[0].rps(), runs[2].rps());
                            add(p99Html, runs[0].p99Or(CONNECTIONS, secs), runs[2].p99Or(CONNECTIONS, secs));
                            add(rpsTtl, runs[1].rps(), runs[2].rps());
                            add(p99Ttl, runs[1].p99Or(CONNECTIONS, secs), runs[2].p99Or(CONNECTIONS, secs));
                        }
                    }
                }
            }
        }
        s.runs = ctx.reps;
        rpsHtml.met = rpsHtml.ratioMedian() >= 1.0;
        rpsTtl.met = rpsTtl.ratioMedian() >= 1.0;
        p99Html.met = !p99Html.aikg.contains(Double.NaN) && p99Html.aikgMedian() < 10;
        p99Ttl.met = !p99Ttl.aikg.contains(Double.NaN) && p99Ttl.aikgMedian() < 10;
        s.note("Each measured run lasts " + ctx.serveSeconds + " s after one " + ctx.warmupSeconds + " s warm-up per endpoint; order per round (i), (ii), "
                + "(iii), then reversed; after every run the harness waits until both servers are idle. The uncached rows come from " + ctx.reps
                + " rounds, the cached ones from " + Math.max(1, (ctx.reps + 1) / 2) + " (a second aikg start on the same store, page cache on: after the "
                + "warm-up most of the 1,000 pages are cached, so those rows measure the cache, not the work). wrk's time-out is " + Wrk.TIMEOUT_SECONDS
                + " s. A p99 is shown as not measurable when Little's law (" + CONNECTIONS + " connections ÷ throughput) puts the mean latency above 5 % "
                + "of the run (wrk leaves out the requests still in flight at the end).");
        return s;
    }

    private static void sample(Section s, Ctx ctx, String iri0, Endpoint eHtml, Endpoint eTtl, Endpoint eCons, String html, String ttl, String cons) {
        HttpResponse<String> rh = Bench.get(eHtml.baseUrl() + html, "text/html");
        HttpResponse<String> rt = Bench.get(eTtl.baseUrl() + ttl, "text/turtle");
        HttpResponse<String> rc = Bench.get(eCons.baseUrl() + cons, "text/turtle");
        for (HttpResponse<String> r : List.of(rh, rt, rc)) {
            if (r.statusCode() != 200 || r.body().isEmpty()) throw new IllegalStateException("serve: " + r.uri() + " answered " + r.statusCode());
        }
        Graph gt = GraphFactory.createDefaultGraph();
        RDFParser.fromString(rt.body(), Lang.TURTLE).base(iri0).parse(gt);
        Graph gc = GraphFactory.createDefaultGraph();
        RDFParser.fromString(rc.body(), Lang.TURTLE).base(iri0).parse(gc);
        s.note(String.format(Locale.ROOT, "One sample, %s: HTML %,d bytes; Turtle page %,d bytes, %d triples (the resource and its #fragments); "
                + "CONSTRUCT %,d bytes, %d triples (the resource's own triples only): the page does more.", ctx.docPath(iri0), rh.body().length(),
                rt.body().length(), gt.size(), rc.body().length(), gc.size()));
    }

    private static Wrk.Run wrk(Ctx ctx, Endpoint e, int seconds, Stores.Server a, Stores.Server b) {
        Wrk.Run r = Wrk.run(ctx, e.baseUrl(), e.paths(), e.accept(), seconds, THREADS, CONNECTIONS);
        Bench.waitIdle(a.pid(), 300);
        Bench.waitIdle(b.pid(), 300);
        return r;
    }

    private static void add(Section.Row r, double aikg, double base) {
        r.aikg.add(aikg);
        r.base.add(base);
        r.ratio.add(aikg / base);
    }
}
