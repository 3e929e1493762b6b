package org.aikg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * soak: minutes of mixed load against {@code aikg serve} on the corpus (a separate JVM, -Xmx4g):
 * ~70 % pages of random things, ~25 % the named queries through {@code /sparql}, ~5 % downloads of
 * {@code /download/aikg.ttl.gz}, from 8 concurrent clients on 127.0.0.1. Checks: no failed
 * request (anything but 2xx/3xx, or no answer), and heap after GC at the end within 10 % of the start.
 */
final class SoakBench {
    private SoakBench() {}

    static final int CLIENTS = 8;

    private enum Kind { PAGE, SPARQL, DOWNLOAD }

    /** What one client saw. */
    private static final class Tally {
        final Map<Kind, List<Double>> latencies = new TreeMap<>();
        final Map<Kind, Long> failures = new TreeMap<>();
        final Map<String, Long> failureKinds = new TreeMap<>();
        /** Page latencies by the kind of thing ("observation", "place", …). */
        final Map<String, List<Double>> pagesByType = new TreeMap<>();
        /** Every page request: its latency and path (to name the slowest). */
        final List<Map.Entry<Double, String>> pageTimes = new ArrayList<>();
        /** Every query request: its latency and the query's name. */
        final Map<String, List<Double>> queriesByName = new TreeMap<>();
        long bytes;

        Tally() {
            for (Kind k : Kind.values()) {
                latencies.put(k, new ArrayList<>());
                failures.put(k, 0L);
            }
        }
    }

    static Section run(Ctx ctx) {
        AikgProcess server = ctx.server();
        List<String> pages = ctx.things().stream().map(ctx::docPath).toList();
        List<String> queries = namedQueries(ctx.root.resolve("queries"));
        Section s = new Section("soak", ctx.soakSeconds + " s of mixed load from " + CLIENTS + " concurrent clients",
                "`java -Xmx4g -jar target/aikg.jar serve CORPUS --port P`", "–", "–");

        Bench.waitIdle(server.pid(), 300);
        Bench.log("soak: heap after GC at the start ...");
        long heapStart = Bench.heapAfterGc(server.pid());
        Bench.log("soak: " + Bench.mib(heapStart) + "; " + CLIENTS + " clients for " + ctx.soakSeconds + " s over " + pages.size() + " pages and " + queries.size()
                + " named queries ...");
        long deadline = System.nanoTime() + ctx.soakSeconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Tally>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            Random rnd = new Random(ctx.seed * 31 + c);
            futures.add(pool.submit(() -> client(server, rnd, pages, queries, deadline)));
        }
        List<Tally> tallies = new ArrayList<>();
        try {
            for (Future<Tally> f : futures) tallies.add(f.get());
        } catch (Exception e) {
            throw new IllegalStateException("soak: a client failed", e);
        } finally {
            pool.shutdownNow();
        }
        double elapsed = Bench.seconds(System.nanoTime() - t0);
        boolean alive = server.process.isAlive();
        long heapEnd = alive ? Bench.heapAfterGc(server.pid()) : -1;

        long failed = 0;
        long bytes = 0;
        Map<String, Long> kinds = new TreeMap<>();
        Map<Kind, List<Double>> lat = new TreeMap<>();
        Map<Kind, Long> fails = new TreeMap<>();
        for (Kind k : Kind.values()) {
            lat.put(k, new ArrayList<>());
            fails.put(k, 0L);
        }
        for (Tally t : tallies) {
            bytes += t.bytes;
            t.failureKinds.forEach((k, v) -> kinds.merge(k, v, Long::sum));
            for (Kind k : Kind.values()) {
                lat.get(k).addAll(t.latencies.get(k));
                fails.merge(k, t.failures.get(k), Long::sum);
            }
        }
        long total = lat.values().stream().mapToLong(List::size).sum();
        for (Kind k : Kind.values()) {
            List<Double> l = lat.get(k);
            failed += fails.get(k);
            s.fact(k.name().toLowerCase(Locale.ROOT) + " requests", String.format(Locale.ROOT,
                    "%,d (%.1f %%), %.1f req/s; latency p50 %.1f ms, p99 %.1f ms, max %.0f ms; failed %d", l.size(), 100.0 * l.size() / Math.max(1, total),
                    l.size() / elapsed, Bench.quantile(l, 0.5), Bench.quantile(l, 0.99), Bench.max(l), fails.get(k)));
        }
        Map<String, List<Double>> byType = new TreeMap<>();
        Map<String, List<Double>> byQuery = new TreeMap<>();
        List<Map.Entry<Double, String>> pageTimes = new ArrayList<>();
        for (Tally t : tallies) {
            t.pagesByType.forEach((k, v) -> byType.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            t.queriesByName.forEach((k, v) -> byQuery.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            pageTimes.addAll(t.pageTimes);
        }
        StringBuilder types = new StringBuilder();
        byType.forEach((k, v) -> types.append(types.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s %d, p50 %.0f ms, max %.0f ms", k, v.size(),
                Bench.quantile(v, 0.5), Bench.max(v))));
        StringBuilder qs = new StringBuilder();
        byQuery.forEach((k, v) -> qs.append(qs.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "\"%s\" %d, p50 %.0f ms, max %.0f ms", k, v.size(),
                Bench.quantile(v, 0.5), Bench.max(v))));
        pageTimes.sort(Map.Entry.<Double, String>comparingByKey().reversed());
        String slowest = pageTimes.stream().limit(3).map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getValue(), e.getKey() / 1000)).reduce((a, c) -> a + "; " + c)
                .orElse("–");
        double change = heapEnd < 0 ? Double.NaN : (heapEnd - heapStart) / (double) heapStart;
        List<String> logErrors = server.errorLines();
        s.fact("duration", String.format(Locale.ROOT, "%.1f s", elapsed));
        s.fact("requests", String.format(Locale.ROOT, "%,d (%.1f req/s), %s received", total, total / elapsed, Bench.mib(bytes)));
        s.fact("failed requests (not 2xx/3xx, or no answer)", failed + (kinds.isEmpty() ? "" : " " + kinds));
        s.fact("heap after GC, start → end", Bench.mib(heapStart) + " → " + (heapEnd < 0 ? "server died" : Bench.mib(heapEnd))
                + String.format(Locale.ROOT, " (%+.1f %%)", 100 * change));
        s.fact("pages by kind of thing", types.toString());
        s.fact("slowest pages", slowest);
        s.fact("queries", qs.toString());
        s.fact("server still running", Boolean.toString(alive));
        s.fact("error/warning lines in the server's log", Integer.toString(logErrors.size()));
        s.check("failed requests", "0", Long.toString(failed), failed == 0);
        s.check("server errors logged", "0", Integer.toString(logErrors.size()), logErrors.isEmpty() && alive);
        s.check("heap after GC, end vs start", "within ±10 %", String.format(Locale.ROOT, "%+.1f %%", 100 * change), alive && Math.abs(change) <= 0.10);
        s.note("Mix per request: 70 % `GET /doc/{type}/{slug}` (`Accept: text/html`) of a thing drawn uniformly from all " + pages.size()
                + " things of the corpus; 25 % one of the " + queries.size() + " named queries of queries/*.rq as `GET /sparql?query=…` "
                + "(`Accept: application/sparql-results+json`); 5 % `GET /download/aikg.ttl.gz`. Each client sends its next request when the last one's "
                + "body is read (closed loop); seeds fixed. Heap read with `jcmd PID GC.run` (×3) then `GC.heap_info`.");
        if (!logErrors.isEmpty()) s.note("First server log lines: " + String.join(" / ", logErrors.subList(0, Math.min(3, logErrors.size()))));
        return s;
    }

    private static Tally client(AikgProcess server, Random rnd, List<String> pages, List<String> queries, long deadline) {
        Tally t = new Tally();
        byte[] buf = new byte[1 << 16];
        while (System.nanoTime() < deadline) {
            double x = rnd.nextDouble();
            Kind kind = x < 0.70 ? Kind.PAGE : x < 0.95 ? Kind.SPARQL : Kind.DOWNLOAD;
            HttpRequest.Builder b;
            String page = null;
            String query = null;
            switch (kind) {
                case PAGE -> {
                    page = pages.get(rnd.nextInt(pages.size()));
                    b = HttpRequest.newBuilder(URI.create(server.url(page))).header("Accept", "text/html");
                }
                case SPARQL -> {
                    query = queries.get(rnd.nextInt(queries.size()));
                    b = HttpRequest.newBuilder(URI.create(server.url("/sparql?query=" + Bench.urlEncode(query)))).header("Accept", "application/sparql-results+json");
                }
                default -> b = HttpRequest.newBuilder(URI.create(server.url("/download/aikg.ttl.gz")));
            }
            HttpRequest req = b.timeout(Duration.ofSeconds(60)).GET().build();
            long r0 = System.nanoTime();
            try {
                HttpResponse<InputStream> r = Bench.HTTP.send(req, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = r.body()) {
                    for (int k; (k = in.read(buf)) > 0;) t.bytes += k;
                }
                if (r.statusCode() >= 400) {
                    t.failures.merge(kind, 1L, Long::sum);
                    t.failureKinds.merge(kind.name().toLowerCase(Locale.ROOT) + " " + r.statusCode(), 1L, Long::sum);
                }
            } catch (IOException e) {
                t.failures.merge(kind, 1L, Long::sum);
                t.failureKinds.merge(kind.name().toLowerCase(Locale.ROOT) + " " + e.getClass().getSimpleName(), 1L, Long::sum);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            double ms = (System.nanoTime() - r0) / 1e6;
            t.latencies.get(kind).add(ms);
            if (page != null) {
                String type = page.substring("/doc/".length(), page.indexOf('/', "/doc/".length()));
                t.pagesByType.computeIfAbsent(type, k -> new ArrayList<>()).add(ms);
                t.pageTimes.add(Map.entry(ms, page));
            }
            if (query != null) t.queriesByName.computeIfAbsent(queryName(query), k -> new ArrayList<>()).add(ms);
        }
        return t;
    }

    /** The title line of a named query, else its first 40 characters. */
    private static String queryName(String q) {
        for (String line : q.split("\n")) {
            if (line.startsWith("# title:")) return line.substring("# title:".length()).trim();
        }
        return q.substring(0, Math.min(40, q.length()));
    }

    private static List<String> namedQueries(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> qs = new ArrayList<>();
            for (Path p : s.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) qs.add(Files.readString(p, StandardCharsets.UTF_8));
            if (qs.isEmpty()) throw new IllegalStateException("no queries in " + dir);
            return Collections.unmodifiableList(qs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
