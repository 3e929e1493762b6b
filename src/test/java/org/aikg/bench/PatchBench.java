package org.aikg.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/**
 * patch: {@code aikg release VERSION COPY -o DIR} (a new JVM each time) makes release v1 of (a copy of) the corpus, one
 * sheet is edited, and release v2 is made: the size of v2's {@code changes.rdfp} (the RDF Patch from v1) against v2's
 * own dumps, {@code aikg.nq} and {@code aikg.ttl} (what a mirror would fetch without the patch), and the time of
 * {@code release} itself. Once, the patch is applied to v1's N-Quads with Jena's RDF Patch and the result compared with
 * v2's N-Quads: a patch that does not give the release it describes would make its size meaningless.
 */
final class PatchBench {
    private PatchBench() {}

    static Section run(Ctx ctx) {
        Path corpus = CorpusCopy.make(ctx, "patch-corpus");
        Path sheet = CorpusCopy.sheet(corpus, CorpusCopy.SHEET);
        // a release converts, validates and writes six dumps of the whole corpus (about two minutes at 1M quads): two runs
        int reps = Math.max(1, Math.min(2, ctx.reps));
        Section s = new Section("patch", "a release after one edited sheet: its RDF Patch against its dumps",
                "`v2/changes.rdfp`, written by `java -Xmx4g -jar target/aikg.jar release v2 COPY -o DIR` after one sheet's headline was edited since "
                        + "`release v1` (the patch from v1 to v2)",
                "the same release's dumps, `v2/aikg.nq` and `v2/aikg.ttl`; for time, `release v1` (the first release, from nothing)",
                "patch bytes ÷ dump bytes; release v2's time ÷ release v1's (below 1: smaller, faster)");
        Section.Row nq = s.row("changes.rdfp ÷ aikg.nq", "bytes", "%,.0f");
        Section.Row ttl = s.row("changes.rdfp ÷ aikg.ttl", "bytes", "%,.0f");
        Section.Row time = s.row("release v2 (one sheet changed) ÷ release v1", "s", "%.1f");
        for (Section.Row r : List.of(nq, ttl)) {
            r.goal = "report only";
            r.ratioFmt = "%.1e×";
        }
        time.goal = "report only";
        time.ratioFmt = "%.2f×";
        String lines = "?";
        String applied = "not checked";
        boolean appliedOk = false;
        List<String> summaries = new ArrayList<>();
        for (int rep = 0; rep < reps; rep++) {
            Path releases = ctx.tmp("patch-releases");
            Bench.deleteTree(releases);
            Bench.quietHarness();
            AikgRun v1 = AikgRun.run(ctx, "patch-release-v1", "release", "v1", corpus.toString(), "-o", releases.toString(), "--date", "2026-12-01").ok();
            CorpusCopy.setHeadline(sheet, String.format(Locale.ROOT, "Synthetic document %s patch edit %03d", CorpusCopy.SHEET, rep + 1));
            Bench.quietHarness();
            AikgRun v2 = AikgRun.run(ctx, "patch-release-v2", "release", "v2", corpus.toString(), "-o", releases.toString(), "--date", "2026-12-02").ok();
            Path dir = releases.resolve("v2");
            double patch = size(dir.resolve("changes.rdfp"));
            double nqBytes = size(dir.resolve("aikg.nq"));
            double ttlBytes = size(dir.resolve("aikg.ttl"));
            nq.aikg.add(patch);
            nq.base.add(nqBytes);
            nq.ratio.add(patch / nqBytes);
            ttl.aikg.add(patch);
            ttl.base.add(ttlBytes);
            ttl.ratio.add(patch / ttlBytes);
            time.aikg.add(v2.seconds());
            time.base.add(v1.seconds());
            time.ratio.add(v2.seconds() / v1.seconds());
            Bench.log(String.format(Locale.ROOT, "patch run %d: release v1 %.1f s, v2 %.1f s; changes.rdfp %,.0f bytes, aikg.nq %,.0f, aikg.ttl %,.0f", rep + 1,
                    v1.seconds(), v2.seconds(), patch, nqBytes, ttlBytes));
            if (rep == 0) {
                summaries.add(v1.summary());
                summaries.add(v2.summary());
                lines = patchLines(dir.resolve("changes.rdfp"));
                Bench.log("patch: applying v2/changes.rdfp to v1/aikg.nq and comparing with v2/aikg.nq (not timed) ...");
                applied = applies(releases.resolve("v1/aikg.nq"), dir.resolve("changes.rdfp"), dir.resolve("aikg.nq"));
                appliedOk = applied.startsWith("equal");
            }
        }
        s.runs = reps;
        s.check("v2/changes.rdfp applied to v1/aikg.nq (Jena's `RDFPatchOps.applyChange`) gives v2/aikg.nq", "equal quads", applied, appliedOk);
        s.fact("v2/changes.rdfp's lines (run 1)", lines);
        s.fact("release's summary lines (run 1)", String.join(" / ", summaries).replace(ctx.root + "/", "").replace("|", "\\|"));
        s.note("The edit changes one sheet's English headline (" + ctx.shown(sheet) + ") to a text it never had: one quad removed and one added in "
                + "that source's graph; the rest of the patch is the dataset's graph, where release v2 describes itself (version, date, what "
                + "changed) and replaces v1's `pav:version`. Each run makes both releases afresh in a new folder (a release is never written again). "
                + "A release's time covers converting, validating against the shapes and writing the six dumps and the patch; it keeps no cache, "
                + "so v2 does the same work as v1.");
        return s;
    }

    private static double size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "TX 1, A 10, D 2, TC 1": the patch's lines by their first word. */
    private static String patchLines(Path patch) {
        java.util.Map<String, Integer> n = new java.util.TreeMap<>();
        try (BufferedReader r = Files.newBufferedReader(patch, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null;) {
                if (line.isBlank()) continue;
                int sp = line.indexOf(' ');
                n.merge(sp < 0 ? line : line.substring(0, sp), 1, Integer::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> parts = new ArrayList<>();
        n.forEach((k, v) -> parts.add(k + " " + v));
        return String.join(", ", parts);
    }

    /** v1 with the patch applied, compared with v2: "equal (N quads)", or what differs. */
    private static String applies(Path v1, Path patch, Path v2) {
        DatasetGraph patched = DatasetGraphFactory.createTxnMem();
        RDFDataMgr.read(patched, v1.toString());
        RDFPatchOps.applyChange(patched, RDFPatchOps.read(patch.toString()));
        DatasetGraph expected = DatasetGraphFactory.createTxnMem();
        RDFDataMgr.read(expected, v2.toString());
        long a = Txn.calculateRead(patched, () -> count(patched));
        long b = Txn.calculateRead(expected, () -> count(expected));
        long missing = Txn.calculateRead(patched, () -> Txn.calculateRead(expected, () -> {
            long m = 0;
            for (var it = expected.find(); it.hasNext();) {
                Quad q = it.next();
                if (!patched.contains(q)) m++;
            }
            return m;
        }));
        if (a == b && missing == 0) return String.format(Locale.ROOT, "equal (%,d quads)", b);
        return String.format(Locale.ROOT, "DIFFERENT: v1 + patch holds %,d quads, v2 %,d, of which %,d are not in v1 + patch", a, b, missing);
    }

    private static long count(DatasetGraph dsg) {
        long n = 0;
        for (var it = dsg.find(); it.hasNext(); it.next()) n++;
        return n;
    }
}
