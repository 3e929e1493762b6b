package org.aikg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code aikg serve} on the corpus in its own JVM, started from the shaded jar, listening on
 * 127.0.0.1 only (the default). Shared by the serve, download, memory and soak benchmarks because a
 * start on the 1M-triple corpus takes minutes.
 */
final class AikgProcess implements AutoCloseable {
    final Process process;
    final int port;
    final double startSeconds;
    final double readySeconds;
    final Path log;

    private AikgProcess(Process process, int port, double startSeconds, double readySeconds, Path log) {
        this.process = process;
        this.port = port;
        this.startSeconds = startSeconds;
        this.readySeconds = readySeconds;
        this.log = log;
    }

    static AikgProcess start(Ctx ctx, String heap) {
        int port = Bench.freePort();
        Path log = ctx.work.resolve("logs/aikg-serve.log");
        List<String> cmd = new ArrayList<>(List.of(Bench.javaBin(), "-Xmx" + heap, "-jar", ctx.jar.toString(), "serve", ctx.corpus.toString(),
                "--port", Integer.toString(port)));
        Bench.log("starting " + String.join(" ", cmd));
        long t0 = System.nanoTime();
        Process p = Bench.start(cmd, log);
        long t1 = Bench.waitFor200("http://127.0.0.1:" + port + "/sparql?query=ASK%7B%7D", p, Duration.ofMinutes(20), 200);
        Bench.log(String.format(java.util.Locale.ROOT, "aikg serve (pid %d) answers on port %d after %.1f s; waiting for its downloads and for it to be idle ...",
                p.pid(), port, Bench.seconds(t1 - t0)));
        // the downloads may be written in the background after the first answer: wait for them, then for the CPU to settle
        Bench.waitFor200("http://127.0.0.1:" + port + "/download/aikg.ttl.gz", p, Duration.ofMinutes(20), 500);
        Bench.waitIdle(p.pid(), 600);
        long t2 = System.nanoTime();
        AikgProcess a = new AikgProcess(p, port, Bench.seconds(t1 - t0), Bench.seconds(t2 - t0), log);
        Bench.log(String.format(java.util.Locale.ROOT, "aikg serve ready and idle after %.1f s", a.readySeconds));
        return a;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    long pid() {
        return process.pid();
    }

    /** Lines of the server's log that look like errors. */
    List<String> errorLines() {
        try {
            return Files.readAllLines(log).stream().filter(l -> l.contains("Exception") || l.contains("ERROR") || l.contains("WARN")).toList();
        } catch (java.io.IOException e) {
            return List.of("cannot read " + log);
        }
    }

    @Override
    public void close() {
        Bench.stop(process);
        Bench.log("aikg serve stopped");
    }
}
