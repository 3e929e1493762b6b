package org.aikg.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.aikg.convert.Converter;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.aikg.source.Sources;

/**
 * What every benchmark needs: the paths, the settings, the corpus and the inputs derived from it
 * (aikg's own N-Triples and N-Quads of the corpus, made once and not timed), and the shared server.
 */
final class Ctx {
    final Path root;
    final Path corpus;
    final Path work;
    final Path jar;
    final Path testClasses;
    final Path lua;
    final int reps;
    final int startupReps;
    final int warmupSeconds;
    final int serveSeconds;
    final int soakSeconds;
    final long seed;
    /** Extra, separate runs of aikg's side under a sampling profiler, summarised in the notes. */
    boolean profile;

    private Path nt;
    private Path nq;
    private String base;
    private List<String> things;
    private AikgProcess server;
    private FusekiProcess fuseki;

    /** A corpus ten times larger, for the start-up on a big store; null when not given. */
    Path bigCorpus;

    Ctx(Path root, Path corpus, Path work, int reps, int startupReps, int warmupSeconds, int serveSeconds, int soakSeconds, long seed) {
        this.root = root;
        this.corpus = corpus;
        this.work = work;
        this.jar = root.resolve("target/aikg.jar");
        this.testClasses = root.resolve("target/test-classes");
        this.lua = root.resolve("src/bench/random-paths.lua");
        this.reps = reps;
        this.startupReps = startupReps;
        this.warmupSeconds = warmupSeconds;
        this.serveSeconds = serveSeconds;
        this.soakSeconds = soakSeconds;
        this.seed = seed;
    }

    Path profilePath(String name) {
        try {
            Files.createDirectories(work.resolve("profiles"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return work.resolve("profiles").resolve(name + ".jfr");
    }

    Path tmp(String name) {
        Path p = work.resolve("tmp").resolve(name);
        try {
            Files.createDirectories(p.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private Path derived() {
        Path d = work.resolve("derived").resolve(corpus.getFileName().toString());
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }

    /** aikg's N-Triples of the corpus (the union graph): the input of the Jena writers. */
    /** {@code p} as the report shows it: relative to the repository, so that no machine's path is written into BENCHMARKS.md. */
    String shown(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path r = root.toAbsolutePath().normalize();
        return abs.startsWith(r) ? r.relativize(abs).toString() : abs.getFileName().toString();
    }

    synchronized Path corpusNt() {
        if (nt == null) nt = derive("corpus.nt", Formats.NTRIPLES, corpus);
        return nt;
    }

    /** aikg's N-Quads of the corpus (one graph per source): the input of both loaders. */
    synchronized Path corpusNq() {
        if (nq == null) nq = derive("corpus.nq", Formats.NQUADS, corpus);
        return nq;
    }

    /** aikg's Turtle of the repository's data/ (the article): the input of the bare Fuseki at start-up. */
    Path articleTtl() {
        return derive("article.ttl", Formats.TURTLE, root.resolve("data"));
    }

    private Path derive(String name, Format format, Path input) {
        Path out = derived().resolve(name);
        try {
            FileTime newest = newest(input);
            if (Files.isRegularFile(out) && Files.getLastModifiedTime(out).compareTo(newest) > 0
                    && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                return out;
            }
            Bench.log("writing " + out + " (aikg convert, not timed) ...");
            var stats = Converter.of(Sources.scan(List.of(input))).write(out, format);
            Bench.log("  " + stats.triples() + (format.quads() ? " quads" : " triples"));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime newest(Path dir) throws IOException {
        // the generator writes a marker last; data/ is small enough to walk
        Path marker = dir.resolve(".generated");
        if (Files.isRegularFile(marker)) return Files.getLastModifiedTime(marker);
        try (var s = Files.walk(dir)) {
            return s.map(p -> {
                try {
                    return Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    return FileTime.fromMillis(0);
                }
            }).max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
        }
    }

    /** The triples of the corpus's union graph (lines of aikg's N-Triples of it). */
    synchronized long unionTriples() {
        try (var lines = Files.lines(corpusNt(), java.nio.charset.StandardCharsets.UTF_8)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base IRI of the corpus ("https://w3id.org/ai-industry-kg/"). */
    synchronized String base() {
        if (base == null) base = Sources.scan(List.of(corpus)).dataset().base();
        return base;
    }

    /** Every thing of the corpus ({@code {base}id/…} subjects without a fragment), sorted. */
    synchronized List<String> things() {
        if (things == null) {
            String prefix = "<" + base() + "id/";
            TreeSet<String> set = new TreeSet<>();
            try (BufferedReader r = Files.newBufferedReader(corpusNt(), StandardCharsets.UTF_8)) {
                for (String line; (line = r.readLine()) != null;) {
                    if (!line.startsWith(prefix)) continue;
                    int end = line.indexOf('>');
                    String iri = line.substring(1, end);
                    if (iri.indexOf('#') < 0) set.add(iri);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            things = List.copyOf(set);
        }
        return things;
    }

    /** {@code n} observation IRIs picked at random with the fixed seed. */
    List<String> observations(int n) {
        List<String> obs = new ArrayList<>();
        String prefix = base() + "id/observation/";
        for (String t : things()) if (t.startsWith(prefix)) obs.add(t);
        Collections.shuffle(obs, new Random(seed));
        return List.copyOf(obs.subList(0, Math.min(n, obs.size())));
    }

    /** The local path of a thing's description: {base}id/x/y → /doc/x/y. */
    String docPath(String iri) {
        return "/doc/" + iri.substring(base().length() + "id/".length());
    }

    /** The shared aikg server on the corpus (a separate JVM, -Xmx4g), started on first use. */
    synchronized AikgProcess server() {
        if (server == null || !server.process.isAlive()) server = AikgProcess.start(this, "4g");
        return server;
    }

    /** The baseline bare Fuseki on the corpus (a separate JVM, -Xmx4g), started on first use. */
    synchronized FusekiProcess fuseki() {
        if (fuseki == null || !fuseki.process.isAlive()) fuseki = FusekiProcess.start(this, "4g");
        return fuseki;
    }

    /** Waits until both servers (those running) are idle. */
    synchronized void waitIdle() {
        if (server != null) Bench.waitIdle(server.pid(), 300);
        if (fuseki != null) Bench.waitIdle(fuseki.pid(), 300);
    }

    synchronized void stopServers() {
        if (server != null) server.close();
        if (fuseki != null) fuseki.close();
        server = null;
        fuseki = null;
    }
}
