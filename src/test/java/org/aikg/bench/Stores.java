package org.aikg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The TDB2 stores the store benchmarks run on: the corpus loaded by {@code aikg load} (made once,
 * not timed, kept in {@code derived/} while newer than the corpus; remove it after changing the conversion), a copy of it for
 * the Fuseki baselines (TDB2 lets one process at a time open a store), and the servers over them,
 * each in its own JVM on 127.0.0.1.
 */
final class Stores {
    private Stores() {}

    /** One server process and where its SPARQL queries go. */
    record Server(String name, Process process, int port, String queryPath, double startSeconds) implements AutoCloseable {
        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        String query(String sparql) {
            return url(queryPath + "?query=" + Bench.urlEncode(sparql));
        }

        long pid() {
            return process.pid();
        }

        @Override
        public void close() {
            Bench.stop(process);
        }
    }

    /** The store of {@code corpus} made by {@code aikg load}, loaded now if missing or older than the jar or the corpus. */
    static Path store(Ctx ctx, Path corpus) {
        Path store = ctx.work.resolve("derived").resolve("store-" + corpus.getFileName());
        Path done = store.resolve("aikg/state.properties");
        try {
            // a store's bytes depend on the corpus and on how sheets become triples, not on the rest of the build
            if (Files.isRegularFile(done) && Files.readString(done).contains("load=done")
                    && Files.getLastModifiedTime(done).compareTo(Files.getLastModifiedTime(corpus.resolve(".generated"))) > 0) {
                return store;
            }
        } catch (IOException e) {
            // load it again
        }
        Bench.deleteTree(store);
        Bench.log("loading " + corpus + " into " + store + " with aikg load (not timed) ...");
        String out = Bench.run(List.of(Bench.javaBin(), "-Xmx8g", "-jar", ctx.jar.toString(), "load", "--tdb2", store.toString(), corpus.toString()),
                Duration.ofHours(2));
        Bench.log("  " + out.strip());
        try {
            Files.writeString(store.resolveSibling(store.getFileName() + ".loaded.txt"), out.strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store;
    }

    /** The quads the load of {@code store} reported ("loaded N graphs, M quads, ..."), or -1. */
    static long quads(Path store) {
        try {
            var m = java.util.regex.Pattern.compile("loaded \\d+ graphs, (\\d+) quads").matcher(Files.readString(store.resolveSibling(store.getFileName() + ".loaded.txt")));
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** A copy of {@code store}'s data (without aikg's folder beside it): what the Fuseki baselines open. */
    static Path copy(Ctx ctx, Path store) {
        Path copy = store.resolveSibling(store.getFileName() + "-copy");
        Path marker = copy.resolve(".copied");
        try {
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(Files.getLastModifiedTime(store.resolve("aikg/state.properties")).toString())) {
                return copy;
            }
            Bench.deleteTree(copy);
            Bench.log("copying " + store + " to " + copy + " (not timed) ...");
            try (Stream<Path> all = Files.walk(store)) {
                for (Path p : all.toList()) {
                    Path rel = store.relativize(p);
                    if (rel.startsWith("aikg") || p.getFileName().toString().equals("tdb.lock")) continue;
                    Path t = copy.resolve(rel.toString());
                    if (Files.isDirectory(p)) Files.createDirectories(t);
                    else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.writeString(marker, Files.getLastModifiedTime(store.resolve("aikg/state.properties")).toString());
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code aikg serve --tdb2 STORE}, with more options; waits for its first answer. */
    static Server aikg(Ctx ctx, Path store, String heap, String... options) {
        int port = Bench.freePort();
        List<String> cmd = new ArrayList<>(List.of(Bench.javaBin(), "-Xmx" + heap, "-jar", ctx.jar.toString(), "serve", "--tdb2", store.toString(),
                "--port", Integer.toString(port)));
        cmd.addAll(List.of(options));
        return start(ctx, "aikg", cmd, port, "/sparql", null);
    }

    /** Stock Fuseki 5.6.0 ({@code jena-fuseki-server}'s jar) on the store: {@code --loc DIR --set tdb2:unionDefaultGraph=true /ds}. */
    static Server stockFuseki(Ctx ctx, Path store, String heap) {
        return stockFuseki(ctx, store, heap, List.of());
    }

    /** Stock Fuseki with more options before the dataset's name ({@code --timeout=10000}). */
    static Server stockFuseki(Ctx ctx, Path store, String heap, List<String> options) {
        int port = Bench.freePort();
        List<String> cmd = new ArrayList<>(List.of(Bench.javaBin(), "-Xmx" + heap, "-jar", fusekiJar(ctx).toString(), "--port", Integer.toString(port),
                "--localhost", "--loc", store.toAbsolutePath().toString(), "--set", "tdb2:unionDefaultGraph=true"));
        cmd.addAll(options);
        cmd.add("/ds");
        return start(ctx, "stock Fuseki", cmd, port, "/ds/query", ctx.work.toAbsolutePath().resolve("fuseki-stock"));
    }

    /** A bare embedded Fuseki on the store with aikg's 32 KiB output buffer ({@link FusekiBaseline} {@code --tdb2}). */
    static Server fixedFuseki(Ctx ctx, Path store, String heap) {
        int port = Bench.freePort();
        String cp = ctx.testClasses + java.io.File.pathSeparator + ctx.jar;
        List<String> cmd = List.of(Bench.javaBin(), "-Xmx" + heap, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", cp, FusekiBaseline.class.getName(),
                "--tdb2", "--output-buffer", Integer.toString(FusekiProcess.OUTPUT_BUFFER), store.toAbsolutePath().toString(), Integer.toString(port));
        return start(ctx, "Fuseki (32 KiB buffer)", cmd, port, "/ds/query", ctx.work.toAbsolutePath().resolve("fuseki-fixed"));
    }

    static Path fusekiJar(Ctx ctx) {
        Path jar = ctx.root.resolve("target/fuseki/fuseki-server.jar");
        if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar + " is missing (the build copies it: mvn package)");
        return jar;
    }

    private static Server start(Ctx ctx, String name, List<String> cmd, int port, String queryPath, Path dir) {
        Path log = ctx.work.resolve("logs/" + name.replaceAll("[^a-z0-9]+", "-") + "-" + port + ".log");
        long t0 = System.nanoTime();
        Process p = dir == null ? Bench.start(cmd, log) : Bench.start(cmd, log, dir);
        long t1 = Bench.waitFor200("http://127.0.0.1:" + port + queryPath + "?query=ASK%7B%7D", p, Duration.ofMinutes(10), 10);
        Server s = new Server(name, p, port, queryPath, Bench.seconds(t1 - t0));
        Bench.log(String.format(Locale.ROOT, "%s (pid %d) answers on port %d after %.2f s", name, p.pid(), port, s.startSeconds()));
        return s;
    }
}
