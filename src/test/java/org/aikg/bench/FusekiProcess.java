package org.aikg.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The baseline server of the serve and download benchmarks: a bare embedded Fuseki
 * ({@link FusekiBaseline}) in its own JVM, with the same heap as aikg's server, holding aikg's
 * N-Quads of the corpus (and their union as its default graph). aikg's own server answers
 * {@code /ds/query} with its own SPARQL servlet, so Fuseki's endpoints are measured here.
 */
final class FusekiProcess implements AutoCloseable {
    /** Jetty's output buffer of the baseline: the size aikg's server sets (AikgServer.OUTPUT_BUFFER, 32 KiB). */
    static final int OUTPUT_BUFFER = 32 * 1024;

    final Process process;
    final int port;
    final double readySeconds;

    private FusekiProcess(Process process, int port, double readySeconds) {
        this.process = process;
        this.port = port;
        this.readySeconds = readySeconds;
    }

    static FusekiProcess start(Ctx ctx, String heap) {
        Path nq = ctx.corpusNq().toAbsolutePath();
        int port = Bench.freePort();
        String cp = ctx.testClasses + java.io.File.pathSeparator + ctx.jar;
        List<String> cmd = List.of(Bench.javaBin(), "-Xmx" + heap, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", cp, FusekiBaseline.class.getName(),
                "--copy-union", "--output-buffer", Integer.toString(OUTPUT_BUFFER), nq.toString(), Integer.toString(port));
        Bench.log("starting the baseline Fuseki: " + String.join(" ", cmd));
        long t0 = System.nanoTime();
        // in a working folder of its own under the bench's work folder, so that nothing Fuseki writes lands in the repository
        Process p = Bench.start(cmd, ctx.work.resolve("logs/fuseki-baseline.log"), ctx.work.toAbsolutePath().resolve("fuseki-baseline"));
        Bench.waitFor200("http://127.0.0.1:" + port + "/ds/query?query=ASK%7B%7D", p, Duration.ofMinutes(20), 200);
        Bench.waitIdle(p.pid(), 300);
        FusekiProcess f = new FusekiProcess(p, port, Bench.seconds(System.nanoTime() - t0));
        Bench.log(String.format(Locale.ROOT, "baseline Fuseki (pid %d) ready on port %d after %.1f s", p.pid(), port, f.readySeconds));
        return f;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        Bench.stop(process);
        Bench.log("baseline Fuseki stopped");
    }
}
