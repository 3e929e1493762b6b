package org.aikg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * memory: heap used after full GC, per triple of the published graph, of the aikg server on the
 * corpus against Jena's in-memory dataset alone holding the same quads ({@link MemoryProbe}), each
 * in its own JVM, both read from outside with {@code jcmd GC.run} (×3) then {@code GC.heap_info}.
 */
final class MemoryBench {
    private MemoryBench() {}

    private static final Pattern READY = Pattern.compile("READY quads=(\\d+) triples=(\\d+) class=(\\w+)");

    static Section run(Ctx ctx) {
        Path nq = ctx.corpusNq();
        long triples = ctx.unionTriples();
        String cp = ctx.testClasses + java.io.File.pathSeparator + ctx.jar;
        Section s = new Section("memory", "heap after full GC, per triple of the published graph (" + triples + " triples)",
                "`aikg serve CORPUS` (in memory, `-Xmx4g`) in its own new JVM, idle after its first answer, no other traffic",
                "`MemoryProbe`: Jena's `DatasetGraphFactory.createTxnMem()` alone in its own JVM (`-Xmx4g`), holding the same quads: aikg's N-Quads "
                        + "of the corpus, each source's named graph, read with RDFDataMgr",
                "aikg ÷ baseline (below 1: aikg smaller)");
        Section.Row heap = s.row("heap used after GC", "MiB", "%.0f");
        Section.Row per = s.row("per triple", "bytes", "%.0f");
        heap.goal = per.goal = "report only";
        String probeInfo = "";
        for (int rep = 0; rep < ctx.reps; rep++) {
            boolean aikgFirst = rep % 2 == 0;
            long a = 0;
            long b = 0;
            for (int k = 0; k < 2; k++) {
                if ((k == 0) == aikgFirst) {
                    int port = Bench.freePort();
                    Process p = Bench.start(List.of(Bench.javaBin(), "-Xmx4g", "-jar", ctx.jar.toString(), "serve", ctx.corpus.toString(), "--port",
                            Integer.toString(port)), ctx.work.resolve("logs/memory-aikg.log"));
                    try {
                        Bench.waitFor200("http://127.0.0.1:" + port + "/sparql?query=ASK%7B%7D", p, java.time.Duration.ofMinutes(20), 200);
                        Bench.waitIdle(p.pid(), 300);
                        a = Bench.heapAfterGc(p.pid());
                        if (ctx.profile && rep == ctx.reps - 1) s.note("Largest classes on aikg's heap (jcmd GC.class_histogram): " + Profiler.histogram(p.pid(), 10) + ".");
                    } finally {
                        Bench.stop(p);
                    }
                } else {
                    Path log = ctx.work.resolve("logs/memory-probe.log");
                    Process p = Bench.start(List.of(Bench.javaBin(), "-Xmx4g", "-cp", cp, MemoryProbe.class.getName(), nq.toString()), log);
                    try {
                        Matcher m = waitReady(p, log);
                        probeInfo = "quads " + m.group(1) + ", union-graph triples " + m.group(2) + ", " + m.group(3);
                        if (Long.parseLong(m.group(2)) != triples) {
                            s.note("WARNING: the baseline's union graph holds " + m.group(2) + " triples, aikg serves " + triples + ".");
                        }
                        b = Bench.heapAfterGc(p.pid());
                        if (ctx.profile && rep == ctx.reps - 1) s.note("Largest classes on the baseline's heap (jcmd GC.class_histogram): " + Profiler.histogram(p.pid(), 10) + ".");
                    } finally {
                        Bench.stop(p);
                    }
                }
            }
            heap.aikg.add(a / 1048576.0);
            heap.base.add(b / 1048576.0);
            heap.ratio.add((double) a / b);
            per.aikg.add((double) a / triples);
            per.base.add((double) b / triples);
            per.ratio.add((double) a / b);
            Bench.log(String.format(Locale.ROOT, "memory run %d: aikg %.0f MiB (%.0f B/triple), Jena dataset %.0f MiB (%.0f B/triple), ratio %.2f", rep + 1,
                    a / 1048576.0, (double) a / triples, b / 1048576.0, (double) b / triples, (double) a / b));
        }
        s.runs = ctx.reps;
        s.note("Baseline dataset: " + probeInfo + ". Both sides are read from " + ctx.reps + " fresh JVMs each, alternating; both include each JVM's own "
                + "small fixed heap (classes' statics, Jetty/Fuseki for aikg). aikg counts the graph and writes its downloads only when first asked, so an "
                + "idle server holds the dataset, the server and its page-independent state.");
        return s;
    }

    private static Matcher waitReady(Process p, Path log) {
        long deadline = System.nanoTime() + 15L * 60 * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (Files.exists(log)) {
                    Matcher m = READY.matcher(Files.readString(log));
                    if (m.find()) return m;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!p.isAlive()) throw new IllegalStateException("MemoryProbe exited; see " + log);
            Bench.sleep(200);
        }
        throw new IllegalStateException("MemoryProbe not ready after 15 minutes; see " + log);
    }
}
