package org.aikg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One aikg command run to its end in a new JVM from the shaded jar ({@code java -Xmx4g -jar target/aikg.jar ARGS}), as
 * a user runs it: its exit code, its console output (kept in a log under target/bench/logs) and its wall time, from
 * starting the process to its exit (the JVM's start included).
 */
record AikgRun(int code, String output, double seconds) {
    static AikgRun run(Ctx ctx, String logName, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Bench.javaBin(), "-Xmx4g", "-jar", ctx.jar.toString()));
        cmd.addAll(List.of(args));
        Path log = ctx.work.resolve("logs/" + logName + ".log");
        Bench.log("running " + String.join(" ", args));
        long t0 = System.nanoTime();
        Process p = Bench.start(cmd, log);
        try {
            if (!p.waitFor(60, TimeUnit.MINUTES)) throw new IllegalStateException("timed out after 60 min: " + cmd);
            double seconds = Bench.seconds(System.nanoTime() - t0);
            return new AikgRun(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Bench.stop(p);
        }
    }

    /** This run, which must have exited 0. */
    AikgRun ok() {
        if (code != 0) throw new IllegalStateException("aikg exited " + code + ": " + output);
        return this;
    }

    /** The last line of the output: the command's summary line. */
    String summary() {
        List<String> lines = output.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
