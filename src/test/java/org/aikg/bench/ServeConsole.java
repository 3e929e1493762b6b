package org.aikg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -Xmx4g -jar target/aikg.jar serve --port 0 ...} in its own JVM, read through its console (kept in a log):
 * the port it picked comes from its first line ("aikg is serving … at http://localhost:PORT/"), and what it prints
 * later ("Watching …", "served: …") can be waited for and read back.
 */
final class ServeConsole implements AutoCloseable {
    private static final Pattern AT = Pattern.compile(" at http://[^:/\\s]+:(\\d+)/");

    final Process process;
    final Path log;
    /** nanoTime just before the process was started. */
    final long started;
    private int port = -1;

    private ServeConsole(Process process, Path log, long started) {
        this.process = process;
        this.log = log;
        this.started = started;
    }

    /** Starts {@code aikg serve --port 0 ARGS}; returns at once. */
    static ServeConsole start(Ctx ctx, String logName, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Bench.javaBin(), "-Xmx4g", "-jar", ctx.jar.toString(), "serve", "--port", "0"));
        cmd.addAll(List.of(args));
        Path log = ctx.work.resolve("logs/" + logName + ".log");
        Bench.log("starting " + String.join(" ", cmd.subList(3, cmd.size())));
        long t0 = System.nanoTime();
        return new ServeConsole(Bench.start(cmd, log), log, t0);
    }

    /** What the server printed so far. */
    String console() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the server listens on, once it said so; -1 before. */
    int port() {
        if (port < 0) {
            Matcher m = AT.matcher(console());
            if (m.find()) port = Integer.parseInt(m.group(1));
        }
        return port;
    }

    /** Waits (polling the console every {@code pollMillis}) until it holds {@code text}; the server must not exit meanwhile. */
    void waitForConsole(String text, long timeoutMillis, long pollMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!console().contains(text)) {
            if (!process.isAlive()) throw new IllegalStateException("the server exited (code " + process.exitValue() + ") before printing \"" + text + "\": " + console());
            if (System.nanoTime() > deadline) throw new IllegalStateException("the server did not print \"" + text + "\" within " + timeoutMillis + " ms: " + console());
            Bench.sleep(pollMillis);
        }
    }

    String url(String path) {
        if (port() < 0) throw new IllegalStateException("the server has not said its port yet");
        return "http://127.0.0.1:" + port + path;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        Bench.stop(process);
    }
}
