package org.aikg.bench;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.aikg.store.Tdb2Store;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;

/**
 * The search box's suggestions on the big store: aikg's {@code /search?q=} (Jena's Lucene text index,
 * written by {@code load} beside the store) against what a plain Fuseki offers for the same job, a
 * SPARQL query for names that hold the text, on a copy of the same store. The goal is absolute: the
 * suggestions' p99 under 50 ms; the ratio says how far the index is ahead of scanning names.
 */
final class SearchBench {
    private SearchBench() {}

    static final String JSON = "application/json";
    static final int TERMS = 1000;

    static Section run(Ctx ctx) {
        Path store = Stores.store(ctx, ctx.corpus);
        if (!Files.isDirectory(Tdb2Store.searchIndex(store))) {
            // a store loaded before the index existed: a load again keeps every graph and writes the index of them all
            Bench.log("writing the search index of " + store + " (aikg load, not timed) ...");
            Bench.run(List.of(Bench.javaBin(), "-Xmx8g", "-jar", ctx.jar.toString(), "load", "--tdb2", store.toString(), ctx.corpus.toString()),
                    Duration.ofHours(1));
        }
        Path copy = Stores.copy(ctx, store);
        int seconds = Math.max(5, ctx.serveSeconds / 3);
        Section s = new Section("search", "Search as the reader types, on the " + String.format(Locale.ROOT, "%,d", Stores.quads(store)) + "-quad TDB2 store",
                "`GET /search?q=TEXT` with `Accept: application/json` (10 suggestions) on `aikg serve --tdb2 STORE` (`-Xmx4g`), the index written by `aikg load`",
                "`GET /ds/query?query=…` on stock Fuseki 5.6.0 on a copy of the store (`-Xmx4g`): `SELECT ?s ?n { ?s schema:name ?n "
                        + "FILTER(CONTAINS(LCASE(STR(?n)), TEXT)) } LIMIT 10`, the plain way to find names that hold a text",
                "aikg req/s ÷ baseline req/s, or baseline p99 ÷ aikg p99 (above 1: aikg faster)");
        try (Stores.Server aikg = Stores.aikg(ctx, store, "4g"); Stores.Server fuseki = Stores.stockFuseki(ctx, copy, "4g")) {
            List<String> terms = terms(aikg, ctx.seed);
            // the index is opened once the server listens: the first search waits for it
            firstSearch(aikg.url("/search?q=" + Bench.urlEncode(terms.get(0))));
            List<String> aPaths = terms.stream().map(t -> "/search?q=" + Bench.urlEncode(t)).toList();
            List<String> fPaths = terms.stream().map(t -> "/ds/query?query=" + Bench.urlEncode("SELECT ?s ?n WHERE { ?s <http://schema.org/name> ?n "
                    + "FILTER(CONTAINS(LCASE(STR(?n)), \"" + t.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("\"", "\\\"") + "\")) } LIMIT 10")).toList();
            Path ap = Wrk.writePaths(ctx.work.resolve("wrk/search-aikg.paths"), aPaths);
            Path fp = Wrk.writePaths(ctx.work.resolve("wrk/search-fuseki.paths"), fPaths);
            Wrk.run(ctx, aikg.url(""), ap, JSON, Math.max(2, ctx.warmupSeconds / 2), ServeBench.THREADS, ServeBench.CONNECTIONS);
            Wrk.run(ctx, fuseki.url(""), fp, SparqlBench.JSON, Math.max(2, ctx.warmupSeconds / 2), ServeBench.THREADS, ServeBench.CONNECTIONS);
            Section.Row rps = s.row("suggestions under wrk", "req/s", "%.0f");
            Section.Row p99 = s.row("suggestions' p99 under wrk", "ms", "%.1f");
            p99.goal = "aikg < 50 ms";
            for (int rep = 0; rep < ctx.reps; rep++) {
                Wrk.Run[] runs = Wrk.paired(ctx, rep, new Wrk.Side(aikg, ap, JSON), new Wrk.Side(fuseki, fp, SparqlBench.JSON), seconds);
                Wrk.Run ra = runs[0];
                Wrk.Run rf = runs[1];
                if (ra.non2xx3xx() > 0 || ra.socketErrors() > 0) throw new IllegalStateException("search: aikg failed requests: " + Wrk.summary(ra));
                rps.aikg.add(ra.rps());
                rps.base.add(rf.rps());
                rps.ratio.add(ra.rps() / rf.rps());
                p99.aikg.add(ra.p99Ms());
                p99.base.add(rf.p99Ms());
                p99.ratio.add(rf.p99Ms() / ra.p99Ms());
                Bench.log("search run " + (rep + 1) + ": aikg " + Wrk.summary(ra) + "; Fuseki " + Wrk.summary(rf));
            }
            p99.met = p99.aikgMedian() < 50;
        }
        s.runs = ctx.reps;
        s.note("Texts: " + TERMS + " names of the store picked at random (seed " + ctx.seed + "), each cut to what a reader has typed so far: the first "
                + "four letters of an English name's first word, the first two characters of a Chinese name. wrk -t" + ServeBench.THREADS + " -c"
                + ServeBench.CONNECTIONS + ", " + seconds + " s runs after a short warm-up, the two sides in alternating order.");
        return s;
    }

    /** Waits for the first suggestions (the index opening); fails on anything but 200. */
    private static void firstSearch(String url) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).header("Accept", JSON).GET().build();
        try {
            HttpResponse<byte[]> r = Bench.HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) throw new IllegalStateException("search: " + url + " answered " + r.statusCode());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What readers type: the start of names of the store, English and Chinese. */
    private static List<String> terms(Stores.Server aikg, long seed) {
        String q = "SELECT ?n WHERE { ?s <http://schema.org/name> ?n } LIMIT 50000";
        HttpRequest req = HttpRequest.newBuilder(URI.create(aikg.query(q))).timeout(Duration.ofMinutes(5)).header("Accept", SparqlBench.JSON).GET().build();
        Set<String> texts = new LinkedHashSet<>();
        try {
            HttpResponse<byte[]> r = Bench.HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
            ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body()), ResultSetLang.RS_JSON);
            rs.forEachRemaining(b -> {
                String n = b.getLiteral("n").getLexicalForm().strip();
                if (n.isEmpty()) return;
                boolean han = Character.UnicodeScript.of(n.codePointAt(0)) == Character.UnicodeScript.HAN;
                String t = han ? n.substring(0, Math.min(2, n.length())) : n.split("\\s+")[0];
                if (!han && t.length() > 4) t = t.substring(0, 4);
                if (t.codePoints().allMatch(Character::isLetterOrDigit)) texts.add(t);
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<String> all = new ArrayList<>(texts);
        if (all.isEmpty()) throw new IllegalStateException("search: the store has no names");
        Collections.shuffle(all, new Random(seed));
        List<String> out = new ArrayList<>();
        for (int i = 0; out.size() < TERMS; i++) out.add(all.get(i % all.size()));
        return out;
    }
}
