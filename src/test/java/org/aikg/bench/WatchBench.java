package org.aikg.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * watch: the live preview, {@code aikg serve --watch --port 0 CORPUS}, as an author uses it: one sheet of (a copy of)
 * the corpus saved with a new headline, and the time from the save until the article's page ({@code /doc/article/ID},
 * polled every 20 ms) shows it. Against what an author did before: stop the server and start it again on the edited
 * corpus, {@code aikg serve --port 0 CORPUS} in a new JVM, timed from starting the process until the same page first
 * answers 200 with the new headline. The goal: a save served within 1 s (median) and within a tenth of a restart.
 */
final class WatchBench {
    private WatchBench() {}

    /** Timed saves, after one untimed save (the first change after the start pays for what is made once, reported apart). */
    static final int EDITS = 10;
    static final long POLL_MILLIS = 20;
    /** The longest a save may take to show before the run is given up. */
    static final long EDIT_TIMEOUT_MILLIS = 120_000;

    private static final Pattern SERVED = Pattern.compile("served: (\\d+) graphs? changed, (\\d+) removed \\((\\d+) ms\\)");
    private static final Pattern ASK_TRUE = Pattern.compile("\"boolean\"\\s*:\\s*true");

    static Section run(Ctx ctx) {
        Path corpus = CorpusCopy.make(ctx, "watch-corpus");
        Path sheet = CorpusCopy.sheet(corpus, CorpusCopy.SHEET);
        String article = CorpusCopy.article(ctx, CorpusCopy.SHEET);
        String page = ctx.docPath(article);
        // restarts take as long as a start on the corpus (tens of seconds at 1M triples): a few, each after a round of saves
        int restarts = Math.max(1, Math.min(3, ctx.reps));
        Section s = new Section("watch", "a saved sheet until the first answer that shows it, on " + ctx.corpus.getFileName(),
                "`java -Xmx4g -jar target/aikg.jar serve --watch --port 0 COPY` (in memory): one sheet's headline saved with a new text, then `GET "
                        + page + "` (`Accept: text/html`) every " + POLL_MILLIS + " ms until the page holds it; timed from the start of the write",
                "a restart: `java -Xmx4g -jar target/aikg.jar serve --port 0 COPY` (no --watch) started on the edited copy, timed from starting the "
                        + "process until the same page first answers 200 with the new text (its console polled for the port, then the page, every "
                        + POLL_MILLIS + " ms)",
                "median of a round's saves ÷ the restart after that round (below 1: the live preview is faster)");
        Section.Row row = s.row("save → first answer with the change", "s", "%.3f");
        row.goal = "≤ 1 s (median) and ≤ 0.1×";
        row.ratioFmt = "%.3f×";
        List<String> agreeing = new ArrayList<>();
        double warmup;
        double startSeconds;
        List<Integer> servedMillis;
        String profile = null;
        try (ServeConsole watch = ServeConsole.start(ctx, "watch-serve", "--watch", corpus.toString())) {
            watch.waitForConsole("Watching ", 20 * 60_000, 200);
            startSeconds = Bench.seconds(System.nanoTime() - watch.started);
            Bench.log(String.format(Locale.ROOT, "watch: the server watches after %.1f s; waiting for the page and for it to be idle ...", startSeconds));
            Bench.waitFor200(watch.url(page), watch.process, Duration.ofMinutes(10), 200);
            Bench.waitIdle(watch.pid(), 600);
            warmup = save(watch, sheet, page, headline(0));
            settle(watch, 1);
            Bench.log(String.format(Locale.ROOT, "watch: the first save after the start (untimed) showed after %.3f s", warmup));
            int n = 0;
            for (int round = 0; round < restarts; round++) {
                List<Double> times = new ArrayList<>();
                String text = null;
                for (int upto = (round + 1) * EDITS / restarts; n < upto; n++) {
                    text = headline(n + 1);
                    double t = save(watch, sheet, page, text);
                    // the page and the SPARQL endpoint switch together: the query must already answer with the new text
                    if (ask(watch.url("/sparql"), article, text)) agreeing.add(text);
                    settle(watch, n + 2);
                    times.add(t);
                    row.aikg.add(t);
                    Bench.log(String.format(Locale.ROOT, "watch save %d: %.3f s", n + 1, t));
                }
                double restart = restart(ctx, corpus, page, text);
                double ratio = Bench.median(times) / restart;
                row.base.add(restart);
                row.ratio.add(ratio);
                Bench.log(String.format(Locale.ROOT, "watch round %d: saves median %.3f s, restart %.2f s, ratio %.3f", round + 1, Bench.median(times), restart, ratio));
            }
            if (ctx.profile) {
                // after the measured saves: three more under JFR, from the write until the server is idle again
                Path jfr = ctx.profilePath("watch");
                Profiler.startExternal(watch.pid(), "watch");
                for (int k = 0; k < 3; k++, n++) {
                    save(watch, sheet, page, headline(n + 1));
                    settle(watch, n + 2);
                }
                Profiler.stopExternal(watch.pid(), "watch", jfr);
                profile = "Profile of three extra saves after the measured ones (JFR in the watching server, from the first write until the server "
                        + "was idle after the third): " + Profiler.summary(jfr, 8);
            }
            servedMillis = served(watch.console());
            if (servedMillis.size() > EDITS + 1) servedMillis = servedMillis.subList(0, EDITS + 1);
            if (watch.console().contains("error:")) throw new IllegalStateException("the watching server printed an error: " + watch.console());
        }
        s.runs = restarts;
        row.met = row.aikgMedian() <= 1.0 && row.ratioMedian() <= 0.1;
        s.check("the SPARQL endpoint answers with the new headline as soon as the page shows it", EDITS + " of " + EDITS,
                agreeing.size() + " of " + EDITS, agreeing.size() == EDITS);
        s.fact("saves (s), in order", row.aikg.stream().map(x -> Bench.f("%.3f", x)).collect(Collectors.joining(", ")));
        s.fact("restarts (s), in order", row.base.stream().map(x -> Bench.f("%.2f", x)).collect(Collectors.joining(", ")));
        s.fact("max of the saves", Bench.f("%.3f s", Bench.max(row.aikg)));
        s.fact("the server's own time per change (its console's `served: … (X ms)`: the switch and what is made again from the data, "
                + "after the conversion), ms", servedMillis.size() > 1 ? servedMillis.subList(1, servedMillis.size()).stream().map(String::valueOf)
                        .collect(Collectors.joining(", ")) + " (first, untimed save: " + servedMillis.get(0) + ")" : String.valueOf(servedMillis));
        s.fact("first save after the start (untimed)", Bench.f("%.3f s", warmup));
        s.fact("`serve --watch` start until it prints \"Watching \"", Bench.f("%.1f s", startSeconds));
        s.note("The sheet is " + ctx.shown(sheet) + " in a copy of the corpus; each save writes the whole file once (as an editor saves) with an English "
                + "headline it never had (`Synthetic document " + CorpusCopy.SHEET + " watch edit NNN`), which changes one source's graph. Before each "
                + "save the harness waits for the server's console line of the last change and for the server to be idle (under 5 % of a core for a "
                + "second), so each save is measured from a quiet server. The page is asked for as a reader's browser would (HTML); the server's page "
                + "cache is on (its default), so a page of the old data may be served from it until the switch.");
        s.note("Rounds: " + EDITS + " saves in " + restarts + " rounds; after each round the restart is started on the edited copy while the watching "
                + "server (idle) keeps running. Both JVMs `-Xmx4g`. The ratio pairs each restart with the median of the saves just before it.");
        if (profile != null) s.note(profile);
        return s;
    }

    /** The headline of save {@code n}: all of one length, so that no headline is a part of another. */
    private static String headline(int n) {
        return String.format(Locale.ROOT, "Synthetic document %s watch edit %03d", CorpusCopy.SHEET, n);
    }

    /** Saves {@code text} as the sheet's headline and polls the page until it shows it; the seconds from the save. */
    private static double save(ServeConsole watch, Path sheet, String page, String text) {
        String url = watch.url(page);
        long t0 = System.nanoTime();
        CorpusCopy.setHeadline(sheet, text);
        long deadline = t0 + EDIT_TIMEOUT_MILLIS * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (!watch.process.isAlive()) throw new IllegalStateException("the watching server exited: " + watch.console());
            HttpResponse<String> r = Bench.get(url, "text/html");
            if (r.statusCode() == 200 && r.body().contains(text)) return Bench.seconds(System.nanoTime() - t0);
            Bench.sleep(POLL_MILLIS);
        }
        throw new IllegalStateException("watch: " + page + " did not show \"" + text + "\" within " + EDIT_TIMEOUT_MILLIS + " ms: " + watch.console());
    }

    /** Waits for the console's {@code count}th "served:" line (the server's work on the change is done), then for the server to be idle. */
    private static void settle(ServeConsole watch, int count) {
        long deadline = System.nanoTime() + EDIT_TIMEOUT_MILLIS * 1_000_000;
        while (served(watch.console()).size() < count) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("watch: no console line for change " + count + ": " + watch.console());
            Bench.sleep(50);
        }
        Bench.waitIdle(watch.pid(), 120);
    }

    /** The milliseconds of each "served: …" line of the console, in order. */
    private static List<Integer> served(String console) {
        List<Integer> ms = new ArrayList<>();
        Matcher m = SERVED.matcher(console);
        while (m.find()) ms.add(Integer.parseInt(m.group(3)));
        return ms;
    }

    /** Whether {@code ASK { <article> schema:headline "text"@en }} is true on the endpoint. */
    private static boolean ask(String endpoint, String article, String text) {
        String q = "ASK { <" + article + "> <http://schema.org/headline> \"" + text + "\"@en }";
        HttpResponse<String> r = Bench.get(endpoint + "?query=" + Bench.urlEncode(q), "application/sparql-results+json");
        return r.statusCode() == 200 && ASK_TRUE.matcher(r.body()).find();
    }

    /** A new {@code serve} (no --watch) on the edited corpus: seconds from starting the process to the first 200 that shows {@code text}. */
    private static double restart(Ctx ctx, Path corpus, String page, String text) {
        try (ServeConsole fresh = ServeConsole.start(ctx, "watch-restart", corpus.toString())) {
            long deadline = fresh.started + Duration.ofMinutes(20).toNanos();
            while (fresh.port() < 0) {
                if (!fresh.process.isAlive()) throw new IllegalStateException("the restarted server exited: " + fresh.console());
                if (System.nanoTime() > deadline) throw new IllegalStateException("the restarted server said no port within 20 min");
                Bench.sleep(POLL_MILLIS);
            }
            HttpRequest req = HttpRequest.newBuilder(URI.create(fresh.url(page))).header("Accept", "text/html").timeout(Duration.ofMinutes(2)).GET().build();
            while (System.nanoTime() < deadline) {
                if (!fresh.process.isAlive()) throw new IllegalStateException("the restarted server exited: " + fresh.console());
                try {
                    HttpResponse<String> r = Bench.HTTP.send(req, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        if (!r.body().contains(text)) throw new IllegalStateException("the restarted server's first page lacks the edit \"" + text + "\"");
                        return Bench.seconds(System.nanoTime() - fresh.started);
                    }
                } catch (java.io.IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                Bench.sleep(POLL_MILLIS);
            }
            throw new IllegalStateException("the restarted server did not answer " + page + " within 20 min");
        }
    }
}
