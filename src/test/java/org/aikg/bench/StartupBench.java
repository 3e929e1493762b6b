package org.aikg.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * start-up: {@code java -jar target/aikg.jar serve data --port P} until {@code /sparql} answers
 * {@code ASK {}}, against a bare embedded Fuseki ({@link FusekiBaseline}) loading aikg's Turtle of
 * the same data until {@code /ds/query} answers {@code ASK {}}. Each in a new JVM.
 */
final class StartupBench {
    private StartupBench() {}

    static final long POLL_MILLIS = 10;

    /** One start of aikg or of the baseline in a new JVM; the seconds to its first 200. */
    private static double once(Ctx ctx, boolean aikg, Path ttl, Path data, String cp, List<String> jvmOptions) {
        int port = Bench.freePort();
        List<String> cmd = new ArrayList<>(List.of(Bench.javaBin()));
        cmd.addAll(jvmOptions);
        if (aikg) {
            cmd.addAll(List.of("-jar", ctx.jar.toString(), "serve", data.toString(), "--port", Integer.toString(port)));
        } else {
            cmd.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", cp, FusekiBaseline.class.getName(), ttl.toString(), Integer.toString(port)));
        }
        String url = "http://127.0.0.1:" + port + (aikg ? "/sparql" : "/ds/query") + "?query=ASK%7B%7D";
        Path log = ctx.work.resolve("logs/startup-" + (aikg ? "aikg" : "fuseki") + ".log");
        long t0 = System.nanoTime();
        Process p = Bench.start(cmd, log);
        try {
            return Bench.seconds(Bench.waitFor200(url, p, Duration.ofMinutes(2), POLL_MILLIS) - t0);
        } finally {
            Bench.stop(p);
        }
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
        for (int rep = 0; rep < ctx.startupReps; rep++) {
            boolean aikgFirst = rep % 2 == 0;
            double a = 0;
            double b = 0;
            for (int k = 0; k < 2; k++) {
                boolean aikg = (k == 0) == aikgFirst;
                double t = once(ctx, aikg, ttl, data, cp, List.of());
                if (aikg) a = t;
                else b = t;
            }
            row.aikg.add(a);
            row.base.add(b);
            row.ratio.add(a / b);
            Bench.log(String.format(Locale.ROOT, "startup run %d: aikg %.3f s, bare Fuseki %.3f s, ratio %.2f", rep + 1, a, b, a / b));
        }
        s.runs = ctx.startupReps;
        if (ctx.profile) {
            Path jfr = ctx.profilePath("startup");
            double t = once(ctx, true, ttl, data, cp, List.of("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfr.toAbsolutePath()));
            s.note(String.format(Locale.ROOT, "Profile of one extra aikg start (JFR, %.2f s with the recorder on): ", t) + Profiler.summary(jfr, 8));
        }
        row.met = row.ratioMedian() <= 1.2;
        s.note("Both JVMs run with the JDK's defaults (no -Xmx), from the same shaded jar; the baseline's logging is set to warn (aikg logs quietly by default). "
                + "The harness polls every " + POLL_MILLIS + " ms; each process is stopped (SIGTERM) before the next starts. Not included: aikg's conversion "
                + "of data/ to the baseline's Turtle, done once beforehand.");
        return s;
    }
}
