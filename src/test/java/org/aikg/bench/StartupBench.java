package org.aikg.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * start-up: {@code java -jar target/aikg.jar serve data --port P} until {@code /sparql} answers
 * {@code ASK {}}, against a bare embedded Fuseki ({@link FusekiBaseline}) loading aikg's Turtle of
 * the same data until {@code /ds/query} answers {@code ASK {}}. Each in a new JVM. Then, in the same
 * processes, the first SELECT sent at once (the work aikg does after it listens must not delay it), and,
 * for aikg, the first home page {@link #FIRST_PAGE_AFTER} after the first 200 beside the next one.
 */
final class StartupBench {
    private StartupBench() {}

    static final long POLL_MILLIS = 10;
    /** How long after its first 200 a person who read the address opens the home page, in this benchmark. */
    static final long FIRST_PAGE_AFTER = 1500;
    static final String SELECT = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 100";

    /**
     * The seconds of one start: to the first 200, of the first SELECT sent then, and (aikg only, else NaN) of
     * the first home page {@link #FIRST_PAGE_AFTER} after the first 200 and of the next home page.
     */
    record Start(double first200, double firstSelect, double firstPage, double nextPage) {}

    /** One start of aikg or of the baseline in a new JVM. */
    private static Start once(Ctx ctx, boolean aikg, Path ttl, Path data, String cp, List<String> jvmOptions) {
        int port = Bench.freePort();
        List<String> cmd = new ArrayList<>(List.of(Bench.javaBin()));
        cmd.addAll(jvmOptions);
        if (aikg) {
            cmd.addAll(List.of("-jar", ctx.jar.toString(), "serve", data.toString(), "--port", Integer.toString(port)));
        } else {
            cmd.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", cp, FusekiBaseline.class.getName(), ttl.toString(), Integer.toString(port)));
        }
        String site = "http://127.0.0.1:" + port;
        String endpoint = site + (aikg ? "/sparql" : "/ds/query");
        Path log = ctx.work.resolve("logs/startup-" + (aikg ? "aikg" : "fuseki") + ".log");
        long t0 = System.nanoTime();
        Process p = Bench.start(cmd, log);
        try {
            long ready = Bench.waitFor200(endpoint + "?query=ASK%7B%7D", p, Duration.ofMinutes(2), POLL_MILLIS);
            double select = timed(endpoint + "?query=" + Bench.urlEncode(SELECT), "application/sparql-results+json");
            if (!aikg) return new Start(Bench.seconds(ready - t0), select, Double.NaN, Double.NaN);
            Bench.sleep(Math.max(0, FIRST_PAGE_AFTER - (System.nanoTime() - ready) / 1_000_000));
            double first = timed(site + "/", "text/html");
            return new Start(Bench.seconds(ready - t0), select, first, timed(site + "/", "text/html"));
        } finally {
            Bench.stop(p);
        }
    }

    /** The seconds of one GET, which must answer 200. */
    private static double timed(String url, String accept) {
        long t = System.nanoTime();
        int status = Bench.get(url, accept).statusCode();
        if (status != 200) throw new IllegalStateException("GET " + url + " answered " + status);
        return Bench.seconds(System.nanoTime() - t);
    }

    static Section run(Ctx ctx) {
        Path ttl = ctx.articleTtl();
        Path data = ctx.root.resolve("data");
        String cp = ctx.testClasses + java.io.File.pathSeparator + ctx.jar;
        Section s = new Section("startup", "a new JVM until its first SPARQL answer, on the article's data (`data/`)",
                "`java -jar target/aikg.jar serve data --port P`, polled with `GET /sparql?query=ASK{}` until 200",
                "`java -cp target/test-classes:target/aikg.jar org.aikg.bench.FusekiBaseline article.ttl P` (reads aikg's Turtle of data/ into "
                        + "`DatasetGraphFactory.createTxnMem()` with RDFDataMgr, then `FusekiServer.create().port(P).loopback(true).add(\"/ds\", dsg).build().start()`), "
                        + "polled with `GET /ds/query?query=ASK{}` until 200",
                "aikg time / baseline time (below 1: aikg faster)");
        Section.Row row = s.row("process start → first 200", "s", "%.3f");
        row.goal = "≤ 1.2×";
        row.ratioFmt = "%.2f×";
        Section.Row select = s.row("first SELECT, sent at the first 200 (`" + SELECT + "`)", "s", "%.3f");
        select.goal = "≤ 1.5×";
        select.ratioFmt = "%.2f×";
        List<Double> firstPage = new ArrayList<>();
        List<Double> nextPage = new ArrayList<>();
        List<Double> pageRatio = new ArrayList<>();
        for (int rep = 0; rep < ctx.startupReps; rep++) {
            boolean aikgFirst = rep % 2 == 0;
            Start a = null;
            Start b = null;
            for (int k = 0; k < 2; k++) {
                boolean aikg = (k == 0) == aikgFirst;
                Start t = once(ctx, aikg, ttl, data, cp, List.of());
                if (aikg) a = t;
                else b = t;
            }
            row.aikg.add(a.first200());
            row.base.add(b.first200());
            row.ratio.add(a.first200() / b.first200());
            select.aikg.add(a.firstSelect());
            select.base.add(b.firstSelect());
            select.ratio.add(a.firstSelect() / b.firstSelect());
            firstPage.add(a.firstPage());
            nextPage.add(a.nextPage());
            pageRatio.add(a.firstPage() / a.nextPage());
            Bench.log(String.format(Locale.ROOT, "startup run %d: aikg %.3f s, bare Fuseki %.3f s, ratio %.2f; first SELECT %.3f s vs %.3f s; "
                    + "aikg's first / %.4f s, next / %.4f s", rep + 1, a.first200(), b.first200(), a.first200() / b.first200(), a.firstSelect(),
                    b.firstSelect(), a.firstPage(), a.nextPage()));
        }
        s.runs = ctx.startupReps;
        if (ctx.profile) {
            Path jfr = ctx.profilePath("startup");
            double t = once(ctx, true, ttl, data, cp, List.of("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfr.toAbsolutePath()))
                    .first200();
            s.note(String.format(Locale.ROOT, "Profile of one extra aikg start (JFR, %.2f s with the recorder on): ", t) + Profiler.summary(jfr, 8));
        }
        row.met = row.ratioMedian() <= 1.2;
        select.met = select.ratioMedian() <= 1.5;
        double pages = Bench.median(pageRatio);
        s.check("aikg's first home page " + FIRST_PAGE_AFTER + " ms after the first 200, beside the next home page (both from the page cache: the "
                + "first was rendered by the server after it started)", "≤ 2×", String.format(Locale.ROOT, "%.4f s vs %.4f s: %.2f× (%.2f×–%.2f×)",
                Bench.median(firstPage), Bench.median(nextPage), pages, Bench.min(pageRatio), Bench.max(pageRatio)), pages <= 2);
        s.note("Both JVMs run with the JDK's defaults (no -Xmx), from the same shaded jar; the baseline's logging is set to warn (aikg logs quietly by default). "
                + "The harness polls every " + POLL_MILLIS + " ms; each process is stopped (SIGTERM) before the next starts. Not included: aikg's conversion "
                + "of data/ to the baseline's Turtle, done once beforehand.");
        return s;
    }
}
