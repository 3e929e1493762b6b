package org.aikg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.aikg.input.Graphs;
import org.aikg.store.Tdb2Store;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * incremental: after one sheet of the corpus changes, {@code convert} to the same output (its cache
 * beside it) and {@code load} into the same store, against the full run that made them (no cache,
 * no store). In this JVM, on a copy of the corpus; each pair: the full run, one edit, the run again.
 */
final class IncrementalBench {
    private IncrementalBench() {}

    static Section run(Ctx ctx) {
        Path corpus = copyOfCorpus(ctx);
        Path sheet = corpus.resolve("part-000/syn-00002.yaml");
        Section s = new Section("incremental", "one sheet of " + ctx.corpus.getFileName() + " changed, then the same command again",
                "`Graphs.of(corpus).cache(dir).write(out, format)` (what `aikg convert corpus -o out` runs) and `Tdb2Store.load(store, Graphs.of(corpus))` "
                        + "(`aikg load --tdb2 store corpus`), after one edit of one sheet's headline",
                "the same command's full run: no output, no cache, no store (the run that made them)",
                "incremental time / full time (below 1: the incremental run is faster)");
        Section.Row nq = s.row("convert to N-Quads", "s", "%.2f");
        Section.Row ttl = s.row("convert to Turtle", "s", "%.2f");
        Section.Row load = s.row("load into TDB2", "s", "%.2f");
        for (Section.Row r : List.of(nq, ttl, load)) {
            r.goal = "≤ 0.1×";
            r.ratioFmt = "%.3f×";
        }
        for (int rep = 0; rep < ctx.reps; rep++) {
            for (Format f : List.of(Formats.NQUADS, Formats.TURTLE)) {
                Path out = ctx.tmp("incremental-out." + f.suffix());
                Path cache = ctx.tmp("incremental-cache-" + f.suffix());
                Bench.deleteTree(cache);
                delete(out);
                Bench.fullGc();
                long t0 = System.nanoTime();
                Graphs.of(List.of(corpus)).cache(cache).write(out, f);
                double full = Bench.seconds(System.nanoTime() - t0);
                edit(sheet, rep);
                Bench.fullGc();
                t0 = System.nanoTime();
                Graphs.Stats st = Graphs.of(List.of(corpus)).cache(cache).write(out, f);
                double inc = Bench.seconds(System.nanoTime() - t0);
                if (st.cached() != st.sources() - 1) throw new IllegalStateException("incremental: expected all but one sheet from the cache, got " + st);
                Section.Row row = f == Formats.NQUADS ? nq : ttl;
                row.aikg.add(inc);
                row.base.add(full);
                row.ratio.add(inc / full);
                Bench.log(String.format(Locale.ROOT, "incremental run %d, convert %s: full %.2f s, after one edit %.2f s, ratio %.3f", rep + 1, f.suffix(), full,
                        inc, inc / full));
            }
            Path store = ctx.tmp("incremental-store");
            Bench.deleteTree(store);
            Bench.fullGc();
            long t0 = System.nanoTime();
            Tdb2Store.load(store, Graphs.of(List.of(corpus)));
            double full = Bench.seconds(System.nanoTime() - t0);
            edit(sheet, rep + 100);
            Bench.fullGc();
            t0 = System.nanoTime();
            Tdb2Store.Stats st = Tdb2Store.load(store, Graphs.of(List.of(corpus)));
            double inc = Bench.seconds(System.nanoTime() - t0);
            if (st.graphs() - st.unchanged() != 1) throw new IllegalStateException("incremental: expected one graph written, got " + st);
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
            TDBInternal.expel(dsg);
            Bench.deleteTree(store);
            load.aikg.add(inc);
            load.base.add(full);
            load.ratio.add(inc / full);
            Bench.log(String.format(Locale.ROOT, "incremental run %d, load: full %.2f s, after one edit %.2f s, ratio %.3f", rep + 1, full, inc, inc / full));
        }
        s.runs = ctx.reps;
        for (Section.Row r : List.of(nq, ttl, load)) r.met = r.ratioMedian() <= 0.1;
        s.note("Each run after the edit stats every sheet and its text; a file whose stamp (device, inode, size, write and change times) is the one "
                + "recorded when it was last hashed is not read, any other is read and hashed (a sheet is unchanged when its hash, its text's, the "
                + "descriptor's, the ontology's and the build's are); the copy of the corpus is left 3 s to settle before the first run (as an author's corpus is older than the 3 s margin), so its stamps were recorded. It reads what the cache recorded each sheet says of shared things (the checks across "
                + "sheets run again, with the same messages), converts the one changed sheet, and then: N-Quads copies every other graph's lines from the "
                + "last output (they do not depend on their neighbours); Turtle writes again the block of each subject the changed graph speaks of "
                + "(its old block, less what only the old graph held, plus the new graph's triples; the cache counts the graphs that hold each shared "
                + "triple) and copies every other block from the last output; load writes the one changed graph and the dataset's list of "
                + "sources. That the outputs and the stores are the same as a full rebuild is tested (`IncrementalTest`), not measured here.");
        return s;
    }

    private static int edits;

    /** Changes the sheet's headline to one it has not had before. */
    private static void edit(Path sheet, int ignored) {
        int n = ++edits;
        try {
            String text = Files.readString(sheet);
            String edited = text.replaceAll("Synthetic document syn-00002( \\(edit \\d+\\))?\"", "Synthetic document syn-00002 (edit " + n + ")\"");
            if (edited.equals(text)) throw new IllegalStateException("incremental: the edit changed nothing in " + sheet);
            Files.writeString(sheet, edited);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copyOfCorpus(Ctx ctx) {
        return CorpusCopy.make(ctx, "incremental-corpus");
    }
}
