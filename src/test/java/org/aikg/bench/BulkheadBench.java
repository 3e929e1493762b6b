package org.aikg.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * bulkhead: what a reader waits for while 20 clients each send, again and again, a query that runs to
 * the time limit (a count of the cross product of the store with itself). On the corpus's TDB2 store
 * (1M quads): aikg ({@code serve --tdb2}, 10 s limit) beside stock Fuseki 5.6.0 ({@code --timeout=10000}),
 * each alone on the machine in turn. The reader asks, one after another, for the home page ({@code /};
 * Fuseki: its UI's page) and a thing (aikg: its page; Fuseki: {@code DESCRIBE} of it, what a linked-data
 * front end asks of its store). The figure is the p99 of the reader's requests.
 */
final class BulkheadBench {
    private BulkheadBench() {}

    static final int HEAVY = 20;
    static final String HEAVY_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }";

    static Section run(Ctx ctx) {
        Path store = Stores.store(ctx, ctx.corpus);
        Path copy = Stores.copy(ctx, store);
        int seconds = ctx.serveSeconds;
        Section s = new Section("bulkhead", "pages while " + HEAVY + " queries run to the time limit (" + seconds + " s each side, 1M-quad TDB2 store)",
                "`aikg serve --tdb2 STORE --query-timeout 10s`: `/` and a thing's page", "stock Fuseki 5.6.0 `--timeout=10000`: `/` (its UI) and `DESCRIBE` of the thing",
                "aikg ÷ baseline");
        String thing = ctx.things().get(ctx.things().size() / 2);
        try (Stores.Server aikg = Stores.aikg(ctx, store, "4g", "--query-timeout", "10s");
                Stores.Server fuseki = Stores.stockFuseki(ctx, copy, "4g", List.of("--timeout=10000"))) {
            List<String> aikgPaths = List.of("/", ctx.docPath(thing));
            List<String> fusekiPaths = List.of("/", "/ds/query?query=" + Bench.urlEncode("DESCRIBE <" + thing + ">"));
            Section.Row home = s.row("home page p99 under load", "ms", "%.0f");
            Section.Row page = s.row("thing p99 under load", "ms", "%.0f");
            home.goal = "< 1000 ms (aikg)";
            page.goal = "< 1000 ms (aikg)";
            List<String> aikgAnswers = new ArrayList<>();
            // both warmed first: what is measured is the wait behind the queries, not a cold start (the start-up benchmark's)
            for (String p : aikgPaths) Bench.get(aikg.url(p), "text/html");
            for (String p : fusekiPaths) Bench.get(fuseki.url(p), "text/html");
            for (int rep = 0; rep < Math.max(3, ctx.reps / 2); rep++) {
                double[][] pair = new double[2][];
                for (int k = 0; k < 2; k++) {
                    boolean aikgSide = (k == 0) == (rep % 2 == 0);
                    Stores.Server server = aikgSide ? aikg : fuseki;
                    Bench.waitIdle(aikg.pid(), 120);
                    Bench.waitIdle(fuseki.pid(), 120);
                    Load load = measure(server, aikgSide ? "/sparql" : "/ds/query", aikgSide ? aikgPaths : fusekiPaths, seconds);
                    pair[aikgSide ? 0 : 1] = new double[] {Bench.quantile(load.home, 0.99), Bench.quantile(load.thing, 0.99)};
                    if (aikgSide) aikgAnswers.add(load.heavyAnswers());
                    Bench.log(String.format(Locale.ROOT, "bulkhead rep %d %s: home p99 %.0f ms (%d), thing p99 %.0f ms (%d); heavy: %s", rep,
                            aikgSide ? "aikg" : "fuseki", pair[aikgSide ? 0 : 1][0], load.home.size(), pair[aikgSide ? 0 : 1][1], load.thing.size(), load.heavyAnswers()));
                }
                home.aikg.add(pair[0][0]);
                home.base.add(pair[1][0]);
                home.ratio.add(pair[0][0] / pair[1][0]);
                page.aikg.add(pair[0][1]);
                page.base.add(pair[1][1]);
                page.ratio.add(pair[0][1] / pair[1][1]);
                s.runs++;
            }
            home.met = home.aikgMedian() < 1000;
            page.met = page.aikgMedian() < 1000;
            s.note("The heavy clients, on aikg's side, got: " + String.join("; ", aikgAnswers) + " (200: answered; 503 time: stopped at the limit; "
                    + "503 lane: refused at once, the query lane being full).");
            s.note("Each side runs alone (the other idle), in alternating order; " + HEAVY + " heavy clients send `" + HEAVY_QUERY + "` again as soon as "
                    + "each answer arrives, and one reader asks for the home page and the thing, one request after another, for " + seconds + " s.");
        }
        return s;
    }

    /** What a reader saw while the heavy clients ran. */
    record Load(List<Double> home, List<Double> thing, AtomicLong ok, AtomicLong timedOut, AtomicLong turnedAway, AtomicLong other) {
        String heavyAnswers() {
            return ok.get() + " × 200, " + timedOut.get() + " × 503 time, " + turnedAway.get() + " × 503 lane, " + other.get() + " other";
        }
    }

    static Load measure(Stores.Server server, String queryPath, List<String> paths, int seconds) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        AtomicBoolean stop = new AtomicBoolean();
        Load load = new Load(new ArrayList<>(), new ArrayList<>(), new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong());
        ExecutorService heavy = Executors.newFixedThreadPool(HEAVY);
        for (int i = 0; i < HEAVY; i++) {
            heavy.submit(() -> {
                while (!stop.get()) {
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url(queryPath))).timeout(Duration.ofSeconds(120))
                                .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+json")
                                .POST(HttpRequest.BodyPublishers.ofString(HEAVY_QUERY)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) load.ok().incrementAndGet();
                        else if (r.statusCode() == 503 && r.body().contains("as many queries")) load.turnedAway().incrementAndGet();
                        else if (r.statusCode() == 503) load.timedOut().incrementAndGet();
                        else load.other().incrementAndGet();
                        if (r.statusCode() == 503) Bench.sleep(100);
                    } catch (Exception e) {
                        load.other().incrementAndGet();
                        Bench.sleep(100);
                    }
                }
                return null;
            });
        }
        Bench.sleep(2_000);  // the heavy queries under way
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (int i = 0; i < paths.size(); i++) {
                long t0 = System.nanoTime();
                try {
                    http.send(HttpRequest.newBuilder(URI.create(server.url(paths.get(i)))).timeout(Duration.ofSeconds(120))
                            .header("Accept", i == 0 ? "text/html" : "text/html, text/turtle;q=0.9").build(), HttpResponse.BodyHandlers.discarding());
                } catch (Exception e) {
                    // counted as what it took
                }
                (i == 0 ? load.home() : load.thing()).add((System.nanoTime() - t0) / 1e6);
            }
        }
        stop.set(true);
        heavy.shutdown();
        try {
            heavy.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return load;
    }
}
