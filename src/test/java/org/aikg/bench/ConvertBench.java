package org.aikg.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aikg.convert.Converter;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.aikg.source.Sources;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * convert: aikg from fact sheets to a file (N-Triples, Turtle) against Jena writing the same
 * triples from memory, the graph loaded beforehand (not timed) from aikg's own N-Triples.
 */
final class ConvertBench {
    private ConvertBench() {}

    static Section run(Ctx ctx) {
        Path nt = ctx.corpusNt();
        Bench.log("convert: loading aikg's N-Triples into a Jena graph (not timed) ...");
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.source(nt).lang(Lang.NTRIPLES).parse(graph);
        // the same prefixes aikg writes, so that both Turtle outputs abbreviate alike
        Converter.of(Sources.scan(List.of(ctx.corpus))).iris().prefixes().forEach(graph.getPrefixMapping()::setNsPrefix);
        long triples = graph.size();
        Bench.log("convert: " + triples + " triples in memory (" + graph.getClass().getSimpleName() + ")");

        Section s = new Section("convert", "fact sheets → file, against Jena writing the same graph from memory",
                "`Converter.of(Sources.scan(corpus)).write(out, NT|TTL)` (reads and converts " + ctx.shown(ctx.corpus) + ", writes a file)",
                "`RDFDataMgr.write(out, graph, Lang.NTRIPLES|Lang.TURTLE)` of the same " + triples + " triples, already in memory ("
                        + graph.getClass().getSimpleName() + ", loaded from aikg's N-Triples, not timed)",
                "Jena time / aikg time (above 1: aikg faster)");
        Section.Row ntRow = s.row("N-Triples", "s", "%.2f");
        Section.Row ttlRow = s.row("Turtle", "s", "%.2f");
        for (Section.Row r : List.of(ntRow, ttlRow)) {
            r.goal = "≥ 0.5×";
        }
        Path aikgOut = ctx.tmp("convert-aikg.out");
        Path jenaOut = ctx.tmp("convert-jena.out");
        long[] sizes = new long[4];
        for (int rep = 0; rep < ctx.reps; rep++) {
            boolean aikgFirst = rep % 2 == 0;
            for (Format format : List.of(Formats.NTRIPLES, Formats.TURTLE)) {
                Section.Row row = format == Formats.NTRIPLES ? ntRow : ttlRow;
                double a = 0;
                double j = 0;
                for (int k = 0; k < 2; k++) {
                    if ((k == 0) == aikgFirst) {
                        a = timeAikg(ctx.corpus, format, aikgOut);
                    } else {
                        j = timeJena(graph, format, jenaOut);
                    }
                }
                sizes[format == Formats.NTRIPLES ? 0 : 2] = size(aikgOut);
                sizes[format == Formats.NTRIPLES ? 1 : 3] = size(jenaOut);
                row.aikg.add(a);
                row.base.add(j);
                row.ratio.add(j / a);
                Bench.log(String.format(java.util.Locale.ROOT, "convert %s run %d: aikg %.2f s, Jena %.2f s, ratio %.2f", format, rep + 1, a, j, j / a));
            }
        }
        s.runs = ctx.reps;
        for (Section.Row r : s.rows) r.met = r.ratioMedian() >= 0.5;
        s.note(String.format(java.util.Locale.ROOT, "Outputs: N-Triples aikg %s, Jena %s; Turtle aikg %s (TURTLE_BLOCKS, sorted), Jena %s (Lang.TURTLE = TURTLE_PRETTY).",
                Bench.mib(sizes[0]), Bench.mib(sizes[1]), Bench.mib(sizes[2]), Bench.mib(sizes[3])));
        s.note("aikg's time covers everything from the YAML fact sheets and texts: scanning, parsing, locating each evidence quote, building and sorting "
                + "each source's graph, the sorted union (without repeats) and writing; Jena's covers writing only. Both write through a 64 KiB BufferedOutputStream to a file in "
                + ctx.shown(ctx.work) + "/tmp, in the same JVM, runs alternating which goes first.");
        if (ctx.profile) {
            for (Format format : List.of(Formats.NTRIPLES, Formats.TURTLE)) {
                Path jfr = Profiler.inProcess(ctx.profilePath("convert-" + format.suffix()), () -> timeAikg(ctx.corpus, format, aikgOut));
                s.note("Profile of one extra aikg run to " + format + " (JFR): " + Profiler.summary(jfr, 8));
            }
        }
        try {
            Files.deleteIfExists(aikgOut);
            Files.deleteIfExists(jenaOut);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s;
    }

    private static double timeAikg(Path corpus, Format format, Path out) {
        Bench.fullGc();
        long t0 = System.nanoTime();
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            Converter.of(Sources.scan(List.of(corpus))).write(os, format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Bench.seconds(System.nanoTime() - t0);
    }

    private static double timeJena(Graph graph, Format format, Path out) {
        Bench.fullGc();
        long t0 = System.nanoTime();
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            RDFDataMgr.write(os, graph, format == Formats.NTRIPLES ? Lang.NTRIPLES : Lang.TURTLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Bench.seconds(System.nanoTime() - t0);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
