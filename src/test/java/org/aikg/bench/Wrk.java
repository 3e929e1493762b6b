package org.aikg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (-t2 -c16 --latency) with the random-paths Lua script and reads its summary. */
final class Wrk {
    /** What one wrk run reports. */
    record Run(double rps, double p50Ms, double p99Ms, long requests, long non2xx3xx, long socketErrors, String raw) {
        /** The mean latency implied by Little's law for a closed loop of {@code connections}, in seconds. */
        double littleSeconds(int connections) {
            return rps <= 0 ? Double.POSITIVE_INFINITY : connections / rps;
        }

        /**
         * True when wrk's latency figures cannot be trusted: wrk counts only the requests that
         * completed, and when answers take a sizeable part of the run (here: a mean over 5 % of
         * it) the requests still in flight at the end, the slowest, are left out.
         */
        boolean censored(int connections, int seconds) {
            return littleSeconds(connections) > 0.05 * seconds;
        }

        /** wrk's p99, or NaN when censored. */
        double p99Or(int connections, int seconds) {
            return censored(connections, seconds) ? Double.NaN : p99Ms;
        }
    }

    /** wrk's per-request time-out: long, so that a slow endpoint shows its latency rather than time-outs. */
    static final int TIMEOUT_SECONDS = 60;

    private Wrk() {}

    /** One side of a paired run: a server, the paths wrk asks of it, and the Accept it sends. */
    record Side(Stores.Server server, Path paths, String accept) {}

    /**
     * One paired run: each side once ({@link ServeBench#THREADS} threads, {@link ServeBench#CONNECTIONS}
     * connections), each started when both servers are idle, {@code a} first on even {@code rep}s and
     * second on odd ones, so that a busy neighbour slows both; returns {a's run, b's run}.
     */
    static Run[] paired(Ctx ctx, int rep, Side a, Side b, int seconds) {
        Run[] runs = new Run[2];
        for (int k = 0; k < 2; k++) {
            Bench.waitIdle(a.server().pid(), 120);
            Bench.waitIdle(b.server().pid(), 120);
            Side side = (k == 0) == (rep % 2 == 0) ? a : b;
            runs[side == a ? 0 : 1] = run(ctx, side.server().url(""), side.paths(), side.accept(), seconds, ServeBench.THREADS, ServeBench.CONNECTIONS);
        }
        return runs;
    }

    static Run run(Ctx ctx, String baseUrl, Path paths, String accept, int seconds, int threads, int connections) {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency", "--timeout", TIMEOUT_SECONDS + "s",
                "-s", ctx.lua.toString()));
        if (accept != null) cmd.addAll(List.of("-H", "Accept: " + accept));
        cmd.add(baseUrl);
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("AIKG_PATHS", paths.toAbsolutePath().toString());
            Process p = pb.start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int code = p.waitFor();
            if (code != 0) throw new IllegalStateException("wrk exited with " + code + ":\n" + out);
            return parse(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run wrk (install it: apt-get install wrk)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    static Run parse(String out) {
        Matcher m = RPS.matcher(out);
        if (!m.find()) throw new IllegalStateException("cannot read wrk's output:\n" + out);
        double rps = Double.parseDouble(m.group(1));
        Matcher r = REQUESTS.matcher(out);
        long requests = r.find() ? Long.parseLong(r.group(1)) : -1;
        Matcher n = NON2XX.matcher(out);
        long non = n.find() ? Long.parseLong(n.group(1)) : 0;
        Matcher se = SOCKET.matcher(out);
        long sock = 0;
        if (se.find()) {
            for (int i = 1; i <= 4; i++) sock += Long.parseLong(se.group(i));
        }
        return new Run(rps, percentile(out, "50%"), percentile(out, "99%"), requests, non, sock, out);
    }

    /** A line of the latency distribution ("  99%   17.46ms"), in milliseconds. */
    private static double percentile(String out, String which) {
        Matcher m = Pattern.compile("^\\s+" + Pattern.quote(which) + "\\s+([\\d.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE).matcher(out);
        if (!m.find()) return Double.NaN;
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "ms" -> v;
            case "s" -> v * 1000;
            default -> v * 60_000;
        };
    }

    static String summary(Run r) {
        return String.format(Locale.ROOT, "%.0f req/s, p50 %.2f ms, p99 %.2f ms, %d requests, %d non-2xx/3xx, %d socket errors", r.rps(), r.p50Ms(),
                r.p99Ms(), r.requests(), r.non2xx3xx(), r.socketErrors());
    }

    static Path writePaths(Path file, List<String> paths) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, paths, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
