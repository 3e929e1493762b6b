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
 * serve: wrk on loopback, 1,000 random observations of the corpus: aikg's (i) HTML pages and (ii)
 * Turtle pages ({@code .ttl}) on the aikg server, against (iii) Fuseki's own
 * {@code DESCRIBE <iri>} of the same resources ({@code /ds/query}) on a bare Fuseki holding the
 * same quads, in its own JVM with the same heap. (aikg's server answers {@code /ds/query} with its
 * own SPARQL servlet, so it cannot stand for Fuseki; it is measured once, for context.)
 */
final class ServeBench {
    private ServeBench() {}

    private record Endpoint(String name, String baseUrl, Path paths, String accept) {}

    static final int THREADS = 2;
    static final int CONNECTIONS = 16;

    static Section run(Ctx ctx) {
        AikgProcess server = ctx.server();
        FusekiProcess fuseki = ctx.fuseki();
        List<String> obs = ctx.observations(1000);
        List<String> html = new ArrayList<>();
        List<String> ttl = new ArrayList<>();
        List<String> describe = new ArrayList<>();
        for (String iri : obs) {
            html.add(ctx.docPath(iri));
            ttl.add(ctx.docPath(iri) + ".ttl");
            describe.add("/ds/query?query=" + Bench.urlEncode("DESCRIBE <" + iri + ">"));
        }
        Path describePaths = Wrk.writePaths(ctx.work.resolve("wrk/describe.paths"), describe);
        Endpoint eHtml = new Endpoint("(i) HTML page", server.url(""), Wrk.writePaths(ctx.work.resolve("wrk/html.paths"), html), "text/html");
        Endpoint eTtl = new Endpoint("(ii) Turtle page", server.url(""), Wrk.writePaths(ctx.work.resolve("wrk/ttl.paths"), ttl), "text/turtle");
        Endpoint eDesc = new Endpoint("(iii) Fuseki DESCRIBE", fuseki.url(""), describePaths, "text/turtle");
        List<Endpoint> all = List.of(eHtml, eTtl, eDesc);

        Section s = new Section("serve", "linked-data pages under wrk -t" + THREADS + " -c" + CONNECTIONS + " on 127.0.0.1, " + obs.size()
                + " random observations (seed " + ctx.seed + ")",
                "(i) `GET /doc/observation/X` with `Accept: text/html`; (ii) `GET /doc/observation/X.ttl` — on `java -Xmx4g -jar target/aikg.jar serve CORPUS`",
                "(iii) Fuseki's `GET /ds/query?query=DESCRIBE <iri>` with `Accept: text/turtle`, same resources, on a bare embedded Fuseki "
                        + "(`FusekiBaseline --copy-union corpus.nq`, `-Xmx4g`, its own JVM) holding the same quads",
                "aikg req/s ÷ Fuseki req/s (above 1: aikg faster); for p99, aikg ÷ Fuseki (below 1: aikg faster)");

        // sanity: each kind answers 200 with a body, and the Turtle page and DESCRIBE describe the same subject
        String iri0 = obs.get(0);
        HttpResponse<String> rh = Bench.get(eHtml.baseUrl() + html.get(0), "text/html");
        HttpResponse<String> rt = Bench.get(eTtl.baseUrl() + ttl.get(0), "text/turtle");
        HttpResponse<String> rd = Bench.get(eDesc.baseUrl() + describe.get(0), "text/turtle");
        for (HttpResponse<String> r : List.of(rh, rt, rd)) {
            if (r.statusCode() != 200 || r.body().isEmpty()) throw new IllegalStateException("serve: " + r.uri() + " answered " + r.statusCode());
        }
        Graph gt = GraphFactory.createDefaultGraph();
        RDFParser.fromString(rt.body(), Lang.TURTLE).base(iri0).parse(gt);
        Graph gd = GraphFactory.createDefaultGraph();
        RDFParser.fromString(rd.body(), Lang.TURTLE).base(iri0).parse(gd);
        s.note(String.format(Locale.ROOT, "One sample, %s: HTML %,d bytes; Turtle page %,d bytes, %d triples (the resource, its blank nodes and its "
                + "#fragments); DESCRIBE %,d bytes, %d triples (Jena's blank-node closure)%s.", ctx.docPath(iri0), rh.body().length(), rt.body().length(),
                gt.size(), rd.body().length(), gd.size(), gt.isIsomorphicWith(gd) ? ": the same triples" : ""));

        // single requests on idle servers for observations outside the 1,000 (never asked for, so not in aikg's page cache)
        List<String> cold = ctx.observations(obs.size() + 5).subList(obs.size(), obs.size() + 5);
        List<Double> coldHtml = new ArrayList<>();
        List<Double> coldTtl = new ArrayList<>();
        List<Double> coldDesc = new ArrayList<>();
        for (String iri : cold) {
            coldHtml.add(timeGet(server.url(ctx.docPath(iri)), "text/html"));
            coldTtl.add(timeGet(server.url(ctx.docPath(iri) + ".ttl"), "text/turtle"));
            coldDesc.add(timeGet(fuseki.url("/ds/query?query=" + Bench.urlEncode("DESCRIBE <" + iri + ">")), "text/turtle"));
        }
        s.note("One request at a time on the idle servers, for 5 other observations (never requested before, so not in aikg's page cache), median (min–max) ms: "
                + "(i) HTML " + Bench.mmm(coldHtml, "%.0f") + "; (ii) Turtle " + Bench.mmm(coldTtl, "%.1f") + "; (iii) DESCRIBE " + Bench.mmm(coldDesc, "%.1f") + ".");
        Bench.log("serve: uncached single requests, ms: HTML " + Bench.mmm(coldHtml, "%.0f") + ", Turtle " + Bench.mmm(coldTtl, "%.1f") + ", DESCRIBE "
                + Bench.mmm(coldDesc, "%.1f"));

        Bench.log("serve: warm-up, " + ctx.warmupSeconds + " s per endpoint ...");
        for (Endpoint e : all) {
            Wrk.Run w = wrk(ctx, e, ctx.warmupSeconds);
            Bench.log("  warm-up " + e.name() + ": " + Wrk.summary(w));
        }
        Section.Row rpsHtml = s.row("(i) HTML page ÷ (iii): throughput", "req/s", "%.1f");
        Section.Row p99Html = s.row("(i) HTML page ÷ (iii): p99 latency", "ms", "%.2f");
        Section.Row rpsTtl = s.row("(ii) Turtle page ÷ (iii): throughput", "req/s", "%.0f");
        Section.Row p99Ttl = s.row("(ii) Turtle page ÷ (iii): p99 latency", "ms", "%.2f");
        rpsHtml.goal = rpsTtl.goal = "≥ 1.0×";
        p99Html.goal = p99Ttl.goal = "aikg p99 < 10 ms";
        rpsHtml.ratioFmt = "%.3f×";
        p99Html.ratioFmt = p99Ttl.ratioFmt = "%.3f×";
        long[] bad = new long[3];
        long[] requests = new long[3];
        int[] censoredRuns = new int[3];
        List<List<Double>> little = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int rep = 0; rep < ctx.reps; rep++) {
            List<Endpoint> order = rep % 2 == 0 ? List.of(eHtml, eTtl, eDesc) : List.of(eDesc, eTtl, eHtml);
            Wrk.Run[] runs = new Wrk.Run[3];
            for (Endpoint e : order) {
                int i = all.indexOf(e);
                runs[i] = wrk(ctx, e, ctx.serveSeconds);
                bad[i] += runs[i].non2xx3xx() + runs[i].socketErrors();
                requests[i] += runs[i].requests();
                Bench.log("serve run " + (rep + 1) + " " + e.name() + ": " + Wrk.summary(runs[i]));
            }
            Wrk.Run d = runs[2];
            int secs = ctx.serveSeconds;
            add(rpsHtml, runs[0].rps(), d.rps());
            add(p99Html, runs[0].p99Or(CONNECTIONS, secs), d.p99Or(CONNECTIONS, secs));
            add(rpsTtl, runs[1].rps(), d.rps());
            add(p99Ttl, runs[1].p99Or(CONNECTIONS, secs), d.p99Or(CONNECTIONS, secs));
            for (int i = 0; i < 3; i++) {
                little.get(i).add(runs[i].littleSeconds(CONNECTIONS));
                if (runs[i].censored(CONNECTIONS, secs)) censoredRuns[i]++;
            }
        }
        s.runs = ctx.reps;
        rpsHtml.met = rpsHtml.ratioMedian() >= 1.0;
        rpsTtl.met = rpsTtl.ratioMedian() >= 1.0;
        // a p99 that could not be measured in some run is not a met goal
        p99Html.met = censoredRuns[0] == 0 && p99Html.aikgMedian() < 10;
        p99Ttl.met = censoredRuns[1] == 0 && p99Ttl.aikgMedian() < 10;
        for (int i = 0; i < 3; i++) {
            if (censoredRuns[i] == 0) continue;
            s.note(String.format(Locale.ROOT, "%s: in %d of %d runs the answers were too slow for wrk's latency figures (wrk counts only completed requests; "
                    + "the %d still in flight at the end of a run, the slowest, are left out), so its p99 is shown as not measurable. The mean latency "
                    + "implied by Little's law (%d connections ÷ throughput) was %s s.", all.get(i).name(), censoredRuns[i], ctx.reps, CONNECTIONS, CONNECTIONS,
                    Bench.mmm(little.get(i), "%.2f")));
        }

        // for context only (no goal): a plain CONSTRUCT on the bare Fuseki, and DESCRIBE through /ds/query of aikg's server
        List<String> construct = obs.stream().map(iri -> "/ds/query?query=" + Bench.urlEncode("CONSTRUCT WHERE { <" + iri + "> ?p ?o }")).toList();
        Endpoint eCons = new Endpoint("Fuseki CONSTRUCT (context)", fuseki.url(""), Wrk.writePaths(ctx.work.resolve("wrk/construct.paths"), construct),
                "text/turtle");
        Endpoint eAikgDesc = new Endpoint("aikg /ds/query DESCRIBE (context)", server.url(""), describePaths, "text/turtle");
        for (Endpoint e : List.of(eCons, eAikgDesc)) {
            wrk(ctx, e, Math.max(1, ctx.warmupSeconds / 2));
            Wrk.Run w = wrk(ctx, e, ctx.warmupSeconds);
            Bench.log("serve, context: " + e.name() + ": " + Wrk.summary(w));
            s.note(e == eCons
                    ? "For context, not a goal: the bare Fuseki answering `CONSTRUCT WHERE { <iri> ?p ?o }` for the same resources, one " + ctx.warmupSeconds
                            + " s run after a short warm-up: " + Wrk.summary(w) + ". DESCRIBE costs more because Jena's default DESCRIBE handler "
                            + "(DescribeBNodeClosure) also runs `SELECT DISTINCT ?g { GRAPH ?g { <iri> ?p ?o } }`, which ARQ evaluates by visiting every named "
                            + "graph of the dataset (one per source here)."
                    : "For context, not a goal: the same DESCRIBE paths on aikg's server, whose `/ds/query` is answered by aikg's own SPARQL servlet "
                            + "(not Fuseki's), one " + ctx.warmupSeconds + " s run after a short warm-up: " + Wrk.summary(w) + ".");
        }
        if (ctx.profile) {
            Profiler.startExternal(fuseki.pid(), "serve-describe");
            Wrk.Run w = wrk(ctx, eDesc, ctx.warmupSeconds);
            Path jfr = Profiler.stopExternal(fuseki.pid(), "serve-describe", ctx.profilePath("serve-describe"));
            s.note("Profile of the bare Fuseki during one extra " + ctx.warmupSeconds + " s run of (iii) DESCRIBE (JFR; " + Wrk.summary(w) + "): "
                    + Profiler.summary(jfr, 8));
            for (Endpoint e : List.of(eHtml, eTtl)) {
                boolean missed = e == eHtml ? !(rpsHtml.met && p99Html.met) : !(rpsTtl.met && p99Ttl.met);
                if (!missed) continue;
                String name = e == eHtml ? "serve-html" : "serve-ttl";
                Profiler.startExternal(server.pid(), name);
                Wrk.Run r = Wrk.run(ctx, e.baseUrl(), e.paths(), e.accept(), 2 * ctx.warmupSeconds, THREADS, CONNECTIONS);
                Path p = Profiler.stopExternal(server.pid(), name, ctx.profilePath(name));
                ctx.waitIdle();
                s.note("Profile of aikg's server during one extra " + (2 * ctx.warmupSeconds) + " s run of " + e.name() + " (JFR; " + Wrk.summary(r) + "): "
                        + Profiler.summary(p, 8));
            }
        }
        s.note(String.format(Locale.ROOT, "Requests over the measured runs: (i) %,d, (ii) %,d, (iii) %,d; non-2xx/3xx answers or socket errors: (i) %d, (ii) %d, (iii) %d.",
                requests[0], requests[1], requests[2], bad[0], bad[1], bad[2]));
        s.note("wrk's time-out is " + Wrk.TIMEOUT_SECONDS + " s (a slower answer counts as a socket error). After every wrk run the harness waits until "
                + "both servers are idle (a server may still be working on requests wrk gave up on) before the next.");
        s.note("Each measured run lasts " + ctx.serveSeconds + " s; each endpoint had one " + ctx.warmupSeconds
                + " s warm-up before the first round (the JIT and aikg's page cache are then warm for every later round). Order per round: (i), (ii), (iii), then reversed. "
                + "wrk and the servers share the machine's cores; the server not being measured is idle. "
                + String.format(Locale.ROOT, "aikg's server took %.0f s to its first answer on this corpus and %.0f s until its downloads were written and it was idle; "
                        + "the bare Fuseki %.0f s to read the N-Quads and answer.", server.startSeconds, server.readySeconds, fuseki.readySeconds));
        return s;
    }

    private static Wrk.Run wrk(Ctx ctx, Endpoint e, int seconds) {
        Wrk.Run r = Wrk.run(ctx, e.baseUrl(), e.paths(), e.accept(), seconds, THREADS, CONNECTIONS);
        ctx.waitIdle();
        return r;
    }

    /** The milliseconds of one GET, body read; fails on anything but 200. */
    private static double timeGet(String url, String accept) {
        long t0 = System.nanoTime();
        HttpResponse<String> r = Bench.get(url, accept);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (r.statusCode() != 200) throw new IllegalStateException("serve: " + url + " answered " + r.statusCode());
        return ms;
    }

    private static void add(Section.Row r, double aikg, double base) {
        r.aikg.add(aikg);
        r.base.add(base);
        r.ratio.add(aikg / base);
    }
}
