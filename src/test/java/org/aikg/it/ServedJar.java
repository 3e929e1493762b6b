package org.aikg.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar target/aikg.jar serve --port 0 ...} in its own JVM, as a user runs it: waits for
 * the address it prints, keeps everything it writes (its log), and stops it with SIGTERM.
 *
 * <pre>{@code
 * try (ServedJar jar = ServedJar.start("data")) { ... jar.url() ... jar.log() ... }
 * }</pre>
 */
final class ServedJar implements AutoCloseable {
    private final Process process;
    private final String url;
    private final StringBuffer log = new StringBuffer();
    private final Thread drain;

    private ServedJar(Process process, String url, BufferedReader reader, String seen) {
        this.process = process;
        this.url = url;
        log.append(seen);
        this.drain = new Thread(() -> {
            try {
                for (String line; (line = reader.readLine()) != null;) log.append(line).append('\n');
            } catch (IOException ignored) {
                // the stream ends with the process
            }
        }, "served-jar-log");
        drain.setDaemon(true);
        drain.start();
    }

    /** Starts serving with these extra arguments; returns once it prints its address. */
    static ServedJar start(String... args) throws IOException {
        return startJvm(List.of(), args);
    }

    /** Starts serving in a JVM with these options ({@code -Xmx512m}) and these extra arguments. */
    static ServedJar startJvm(List<String> jvm, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-jar", "target/aikg.jar", "serve", "--port", "0"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = reader.readLine()) != null;) {
            seen.append(line).append('\n');
            int at = line.indexOf("at http://");
            if (line.startsWith("aikg is serving") && at > 0) return new ServedJar(p, line.substring(at + 3).trim(), reader, seen.toString());
        }
        p.destroyForcibly();
        throw new IllegalStateException("the jar printed no address:\n" + seen);
    }

    /** The address it serves at, ending in "/". */
    String url() {
        return url;
    }

    /** Everything it wrote so far. */
    String log() {
        return log.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        drain.join(5_000);
    }
}
