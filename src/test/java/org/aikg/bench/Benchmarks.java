package org.aikg.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * aikg's benchmark suite: each benchmark runs aikg and its baseline side by side in the same run,
 * several times in alternating order, and reports the median of the paired ratios. Not a test:
 * run it with {@code src/bench/run.sh} (which builds, makes the corpus and calls this).
 *
 * <pre>
 * java -Xmx8g -cp target/test-classes:target/aikg.jar org.aikg.bench.Benchmarks [options] [BENCHMARK...]
 *   BENCHMARK: convert incremental load startup startup-store memory sparql search serve download bulkhead fragments soak
 *              watch publish patch (default: all, in that order)
 *   --corpus DIR       the synthetic corpus (default target/bench/corpus)
 *   --big-corpus DIR   a corpus ten times larger, for startup-store (run.sh makes one with 45,000 sources)
 *   --work DIR         where outputs, logs and results go (default target/bench)
 *   --reps N           paired runs per benchmark (default 5)
 *   --startup-reps N   paired runs of the start-up benchmark (default 7)
 *   --warmup S         wrk warm-up per endpoint, seconds (default 10)
 *   --duration S       each measured wrk run, seconds (default 30)
 *   --soak S           soak duration, seconds (default 120)
 *   --seed N           the seed of the random choices (default 42)
 *   --profile          after the measured runs, one extra run of aikg's side under JFR; top frames in the notes
 * </pre>
 */
public final class Benchmarks {
    private Benchmarks() {}

    static final List<String> ALL = List.of("convert", "incremental", "load", "startup", "startup-store", "memory", "sparql", "search", "serve", "download",
            "bulkhead", "fragments", "soak", "watch", "publish", "patch");

    public static void main(String[] args) throws IOException {
        GraphStore.quietLogs();
        Path root = Path.of("").toAbsolutePath();
        Path corpus = root.resolve("target/bench/corpus");
        Path work = root.resolve("target/bench");
        int reps = 5;
        int startupReps = 7;
        int warmup = 10;
        int duration = 30;
        int soak = 120;
        long seed = 42;
        boolean profile = false;
        Path bigCorpus = null;
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--corpus" -> corpus = root.resolve(args[++i]);
                case "--big-corpus" -> bigCorpus = root.resolve(args[++i]);
                case "--work" -> work = root.resolve(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--startup-reps" -> startupReps = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--duration" -> duration = Integer.parseInt(args[++i]);
                case "--soak" -> soak = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--profile" -> profile = true;
                case "all" -> chosen.addAll(ALL);
                case "-h", "--help" -> {
                    System.out.println("usage: Benchmarks [--corpus DIR] [--work DIR] [--reps N] [--startup-reps N] [--warmup S] [--duration S] [--soak S] [--seed N] [--profile] ["
                            + String.join("|", ALL) + "|all ...]");
                    return;
                }
                default -> {
                    if (!ALL.contains(a)) {
                        System.err.println("unknown benchmark or option: " + a + " (expected one of " + ALL + " or an option; see --help)");
                        System.exit(2);
                    }
                    chosen.add(a);
                }
            }
        }
        if (chosen.isEmpty()) chosen.addAll(ALL);
        List<String> order = ALL.stream().filter(chosen::contains).toList();
        if (!Files.isDirectory(corpus)) {
            System.err.println("no corpus at " + corpus + " (src/bench/run.sh makes it)");
            System.exit(2);
        }
        Files.createDirectories(work);
        Ctx ctx = new Ctx(root, corpus, work, reps, startupReps, warmup, duration, soak, seed);
        ctx.profile = profile;
        ctx.bigCorpus = bigCorpus;

        String header = header(ctx);
        System.out.println(header);
        Map<String, Function<Ctx, Section>> benches = new LinkedHashMap<>();
        benches.put("convert", ConvertBench::run);
        benches.put("incremental", IncrementalBench::run);
        benches.put("load", LoadBench::run);
        benches.put("startup", StartupBench::run);
        benches.put("startup-store", StartupStoreBench::run);
        benches.put("memory", MemoryBench::run);
        benches.put("sparql", SparqlBench::run);
        benches.put("search", SearchBench::run);
        benches.put("serve", ServeBench::run);
        benches.put("download", DownloadBench::run);
        benches.put("bulkhead", BulkheadBench::run);
        benches.put("fragments", FragmentsBench::run);
        benches.put("soak", SoakBench::run);
        benches.put("watch", WatchBench::run);
        benches.put("publish", PublishBench::run);
        benches.put("patch", PatchBench::run);

        List<Section> sections = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (String name : order) {
                Bench.log("=== " + name + " ===");
                long b0 = System.nanoTime();
                try {
                    Section s = benches.get(name).apply(ctx);
                    sections.add(s);
                    System.out.println();
                    System.out.println(s.markdown());
                } catch (RuntimeException e) {
                    StringWriter sw = new StringWriter();
                    e.printStackTrace(new PrintWriter(sw));
                    failures.add(name + ": " + e);
                    Bench.log(name + " FAILED: " + sw);
                }
                Bench.log(String.format(Locale.ROOT, "=== %s took %.0f s ===", name, Bench.seconds(System.nanoTime() - b0)));
            }
        } finally {
            ctx.stopServers();
        }
        String total = String.format(Locale.ROOT, "%.1f min", Bench.seconds(System.nanoTime() - t0) / 60);

        StringBuilder md = new StringBuilder(header).append('\n');
        md.append("## Summary\n\n").append(summary(sections)).append('\n');
        if (!failures.isEmpty()) {
            md.append("Benchmarks that could not run:\n\n");
            for (String f : failures) md.append("- ").append(f).append('\n');
            md.append('\n');
        }
        md.append("Total time: ").append(total).append("\n\n## Details\n\n");
        for (Section s : sections) md.append(s.markdown());
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path out = work.resolve("results-" + stamp + ".md");
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println("## Summary");
        System.out.println();
        System.out.println(summary(sections));
        for (String f : failures) System.out.println("FAILED " + f);
        System.out.println("Total time: " + total + ". Results: " + root.relativize(out));
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    /** One line per goal: the medians, the ratio, the goal, met or missed. */
    static String summary(List<Section> sections) {
        StringBuilder b = new StringBuilder("| benchmark | measure | aikg | baseline | ratio (median, min–max) | goal | verdict |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Section s : sections) {
            for (Section.Row r : s.rows) {
                b.append("| ").append(s.name).append(" | ").append(r.measure).append(r.unit.isEmpty() ? "" : " (" + r.unit + ")").append(" | ")
                        .append(orNa(r.fmt, r.aikgMedian())).append(" | ").append(orNa(r.fmt, r.baseMedian())).append(" | ")
                        .append(Bench.mmm(r.ratio, r.ratioFmt)).append(" | ").append(r.goal).append(" | ").append(r.verdict()).append(" |\n");
            }
            for (Section.Check c : s.checks) {
                b.append("| ").append(s.name).append(" | ").append(c.what()).append(" | ").append(c.measured()).append(" | – | – | ").append(c.goal())
                        .append(" | ").append(c.verdict()).append(" |\n");
            }
        }
        return b.toString();
    }

    /** Jena's version from its Maven metadata (in the shaded jar, Jena.VERSION may report the shading project's). */
    private static String jenaVersion() {
        try (var in = Benchmarks.class.getResourceAsStream("/META-INF/maven/org.apache.jena/jena-arq/pom.properties")) {
            if (in == null) return "?";
            var p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String orNa(String fmt, double x) {
        return Double.isNaN(x) ? "n/a" : Bench.f(fmt, x);
    }

    static String header(Ctx ctx) {
        StringBuilder b = new StringBuilder("# aikg benchmarks\n\n");
        b.append("| | |\n| --- | --- |\n");
        b.append("| date | ").append(LocalDateTime.now().withNano(0)).append(" |\n");
        b.append("| CPU | ").append(cpuModel()).append(" (/proc/cpuinfo), ").append(Runtime.getRuntime().availableProcessors()).append(" cores (nproc) |\n");
        b.append("| memory | ").append(memTotal()).append(" |\n");
        b.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version")).append(' ')
                .append(System.getProperty("os.arch")).append(" |\n");
        b.append("| Java | ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version"))
                .append(" (harness -Xmx").append(Runtime.getRuntime().maxMemory() / (1 << 20)).append("m) |\n");
        b.append("| Jena | ").append(jenaVersion()).append(" |\n");
        b.append("| aikg | ").append(ctx.root.relativize(ctx.jar)).append(", built ").append(modified(ctx.jar)).append(", sha256 ").append(sha256(ctx.jar)).append(" |\n");
        b.append("| corpus | ").append(ctx.root.relativize(ctx.corpus)).append(": ").append(corpusInfo(ctx.corpus)).append("; ")
                .append(String.format(Locale.ROOT, "%,d", lines(ctx.corpusNt()))).append(" triples in the union graph, ")
                .append(String.format(Locale.ROOT, "%,d", lines(ctx.corpusNq()))).append(" quads in the per-source graphs |\n");
        b.append("| settings | ").append(ctx.reps).append(" paired runs (start-up ").append(ctx.startupReps).append("), wrk warm-up ").append(ctx.warmupSeconds)
                .append(" s, runs ").append(ctx.serveSeconds).append(" s, soak ").append(ctx.soakSeconds).append(" s, seed ").append(ctx.seed).append(" |\n");
        return b.toString();
    }

    private static String modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    private static String sha256(Path p) {
        try (var in = Files.newInputStream(p)) {
            var md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int k; (k = in.read(buf)) > 0;) md.update(buf, 0, k);
            return java.util.HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return "?";
        }
    }

    private static long lines(Path p) {
        try (Stream<String> l = Files.lines(p, StandardCharsets.UTF_8)) {
            return l.count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException | UncheckedIOException e) {
            return "?";
        }
    }

    private static String memTotal() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal")).map(l -> {
                long kb = Long.parseLong(l.replaceAll("\\D+", ""));
                return String.format(Locale.ROOT, "%.1f GiB", kb / 1048576.0);
            }).findFirst().orElse("?");
        } catch (IOException | UncheckedIOException e) {
            return "?";
        }
    }

    private static String corpusInfo(Path corpus) {
        Path marker = corpus.resolve(".generated");
        try {
            String m = Files.isRegularFile(marker) ? Files.readString(marker).trim() : "";
            long sheets;
            try (Stream<Path> s = Files.walk(corpus)) {
                sheets = s.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("dataset.yaml")).count();
            }
            return sheets + " fact sheets" + (m.isEmpty() ? "" : " (" + m + ")");
        } catch (IOException e) {
            return "?";
        }
    }
}
