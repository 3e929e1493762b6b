package org.aikg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Small helpers shared by the benchmarks: statistics, child JVMs, HTTP polling, jcmd, files. */
final class Bench {
    private Bench() {}

    // ---- statistics ------------------------------------------------------------------------

    /** The values that are numbers (a censored measurement is recorded as NaN). */
    static List<Double> known(List<Double> xs) {
        return xs.stream().filter(x -> !x.isNaN()).toList();
    }

    static double median(List<Double> xs) {
        xs = known(xs);
        if (xs.isEmpty()) return Double.NaN;
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static double min(List<Double> xs) {
        return known(xs).stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(List<Double> xs) {
        return known(xs).stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** "median (min–max)" with a format for each number. */
    static String mmm(List<Double> all, String fmt) {
        if (all.isEmpty()) return "–";
        List<Double> xs = known(all);
        String censored = xs.size() == all.size() ? "" : " [" + (all.size() - xs.size()) + " of " + all.size() + " runs not measurable]";
        if (xs.isEmpty()) return "n/a" + censored;
        if (xs.size() == 1) return f(fmt, xs.get(0)) + censored;
        return f(fmt, median(xs)) + " (" + f(fmt, min(xs)) + "–" + f(fmt, max(xs)) + ")" + censored;
    }

    static String f(String fmt, double x) {
        return String.format(Locale.ROOT, fmt, x);
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** A quantile of an unsorted list (nearest rank). */
    static double quantile(List<Double> xs, double q) {
        if (xs.isEmpty()) return Double.NaN;
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int i = (int) Math.ceil(q * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i)));
    }

    static void log(String msg) {
        System.out.println("[" + java.time.LocalTime.now().withNano(0) + "] " + msg);
        System.out.flush();
    }

    static void fullGc() {
        for (int i = 0; i < 3; i++) System.gc();
    }

    /**
     * Before a timed command in another JVM: this JVM is collected and left until it is idle, so that the work it did just
     * before (a conversion, a check, its compiler) does not fall into the command's time.
     */
    static void quietHarness() {
        fullGc();
        waitIdle(ProcessHandle.current().pid(), 60);
    }

    // ---- processes -------------------------------------------------------------------------

    /** The java launcher of this JVM, so that child JVMs use the same JDK. */
    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String jcmdBin() {
        Path p = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        return Files.isExecutable(p) ? p.toString() : "jcmd";
    }

    private static final List<Process> CHILDREN = Collections.synchronizedList(new ArrayList<>());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Process p : new ArrayList<>(CHILDREN)) stop(p);
        }, "bench-kill-children"));
    }

    /** Starts a process with its output going to {@code log}; it is killed when this JVM exits. */
    static Process start(List<String> command, Path log) {
        return start(command, log, null);
    }

    /** Starts a process in the working directory {@code dir} (null: this one), its output going to {@code log}. */
    static Process start(List<String> command, Path log, Path dir) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            if (dir != null) {
                Files.createDirectories(dir);
                pb.directory(dir.toFile());
            }
            Process p = pb.start();
            CHILDREN.add(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Stops a process we started (SIGTERM, then SIGKILL after 30 s) and waits for it. */
    static void stop(Process p) {
        if (p == null) return;
        try {
            if (p.isAlive()) {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            CHILDREN.remove(p);
        }
    }

    /** Runs a command to completion and returns its output (stdout and stderr together). */
    static String run(List<String> command, Duration timeout) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            CHILDREN.add(p);
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            CHILDREN.remove(p);
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until another process is idle (under 5 % of a core over one second), at most
     * {@code maxSeconds}: a server may still be working on requests a load generator gave up on.
     * Returns the seconds waited.
     */
    static double waitIdle(long pid, int maxSeconds) {
        long t0 = System.nanoTime();
        long last = cpuTicks(pid);
        for (int i = 0; i < maxSeconds && last >= 0; i++) {
            sleep(1000);
            long now = cpuTicks(pid);
            if (now < 0 || now - last < 5) break;
            last = now;
        }
        double waited = seconds(System.nanoTime() - t0);
        if (waited > 2.5) log(String.format(Locale.ROOT, "  (waited %.0f s for the server to become idle)", waited));
        return waited;
    }

    /** utime + stime of a process in clock ticks (1/100 s), from /proc; -1 when unknown. */
    static long cpuTicks(long pid) {
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern G1_USED = Pattern.compile("heap\\s+total\\s+(\\d+)K,\\s+used\\s+(\\d+)K");

    /** Heap used after three full collections of another JVM, in bytes (jcmd GC.run, then GC.heap_info). */
    static long heapAfterGc(long pid) {
        String jcmd = jcmdBin();
        for (int i = 0; i < 3; i++) run(List.of(jcmd, Long.toString(pid), "GC.run"), Duration.ofMinutes(2));
        String info = run(List.of(jcmd, Long.toString(pid), "GC.heap_info"), Duration.ofMinutes(1));
        Matcher m = G1_USED.matcher(info);
        if (!m.find()) throw new IllegalStateException("cannot read the heap of " + pid + " from: " + info);
        return Long.parseLong(m.group(2)) * 1024;
    }

    // ---- HTTP --------------------------------------------------------------------------------

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Polls {@code url} every {@code pollMillis} until it answers 200, the process dies, or the
     * time runs out; returns the nanoTime of the first 200.
     */
    static long waitFor200(String url, Process p, Duration timeout, long pollMillis) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
        while (System.nanoTime() < deadline) {
            if (p != null && !p.isAlive()) throw new IllegalStateException("the server exited (code " + p.exitValue() + ") before answering " + url);
            try {
                HttpResponse<Void> r = HTTP.send(req, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return System.nanoTime();
            } catch (ConnectException | HttpConnectTimeoutException e) {
                // not listening yet
            } catch (IOException e) {
                // connection reset while starting; try again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(pollMillis);
        }
        throw new IllegalStateException("no 200 from " + url + " within " + timeout);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET, returning status and body as text. */
    static HttpResponse<String> get(String url, String accept) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).GET();
            if (accept != null) b.header("Accept", accept);
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String urlEncode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---- files -------------------------------------------------------------------------------

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    static long sizeOfTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    static String mib(long bytes) {
        return f("%.1f MiB", bytes / 1048576.0);
    }
}
