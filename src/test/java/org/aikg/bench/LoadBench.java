package org.aikg.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.aikg.convert.Converter;
import org.aikg.store.Tdb2Store;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * load: {@code Tdb2Store.load} of aikg's N-Quads into a fresh TDB2 directory against Jena's TDB2
 * sequential loader on the same file into another fresh directory.
 */
final class LoadBench {
    private LoadBench() {}

    /** Jena 5.6.0 has no LoaderFactory.nullOutput(); a MonitorOutput that prints nothing. */
    private static final MonitorOutput QUIET = (fmt, args) -> { };

    static Section run(Ctx ctx) {
        Path nq = ctx.corpusNq();
        Section s = new Section("load", "N-Quads → fresh TDB2 store",
                "`Tdb2Store.load(freshDir, Graphs.of(List.of(nq)))`",
                "`LoaderFactory.sequentialLoader(DatabaseMgr.connectDatasetGraph(freshDir), quiet)`: startBulk, `RDFParser.source(nq).parse(loader.stream())`, finishBulk",
                "Jena time / aikg time (above 1: aikg faster)");
        Section.Row row = s.row("load " + nq.getFileName(), "s", "%.2f");
        row.goal = "≥ 0.9×";
        long[] quads = new long[2];
        long[] bytes = new long[2];
        for (int rep = 0; rep < ctx.reps; rep++) {
            boolean aikgFirst = rep % 2 == 0;
            double a = 0;
            double j = 0;
            for (int k = 0; k < 2; k++) {
                boolean aikg = (k == 0) == aikgFirst;
                Path dir = ctx.tmp(aikg ? "load-aikg" : "load-jena");
                Bench.deleteTree(dir);
                Bench.fullGc();
                long t0 = System.nanoTime();
                if (aikg) {
                    Tdb2Store.load(dir, org.aikg.input.Graphs.of(List.of(nq)));
                } else {
                    DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
                    DataLoader loader = LoaderFactory.sequentialLoader(dsg, QUIET);
                    loader.startBulk();
                    try {
                        RDFParser.source(nq).parse(loader.stream());
                        loader.finishBulk();
                    } catch (RuntimeException e) {
                        loader.finishException(e);
                        throw e;
                    }
                }
                double t = Bench.seconds(System.nanoTime() - t0);
                DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
                if (rep == 0) {
                    quads[aikg ? 0 : 1] = Txn.calculateRead(dsg, () -> dsg.stream().count());
                    bytes[aikg ? 0 : 1] = Bench.sizeOfTree(dir);
                }
                TDBInternal.expel(dsg);
                Bench.deleteTree(dir);
                if (aikg) a = t;
                else j = t;
            }
            row.aikg.add(a);
            row.base.add(j);
            row.ratio.add(j / a);
            Bench.log(String.format(Locale.ROOT, "load run %d: aikg %.2f s, Jena sequential %.2f s, ratio %.2f", rep + 1, a, j, j / a));
        }
        s.runs = ctx.reps;
        row.met = row.ratioMedian() >= 0.9;
        s.note("Quads in the store after a load: aikg " + quads[0] + ", Jena " + quads[1] + (quads[0] == quads[1] ? " (equal)" : " (DIFFERENT)")
                + "; store size on disk: aikg " + Bench.mib(bytes[0]) + ", Jena " + Bench.mib(bytes[1]) + ".");
        if (ctx.profile) {
            Path dir = ctx.tmp("load-aikg");
            Bench.deleteTree(dir);
            Path jfr = Profiler.inProcess(ctx.profilePath("load"), () -> Tdb2Store.load(dir, org.aikg.input.Graphs.of(List.of(nq))));
            TDBInternal.expel(DatabaseMgr.connectDatasetGraph(dir.toString()));
            Bench.deleteTree(dir);
            s.note("Profile of one extra aikg load (JFR): " + Profiler.summary(jfr, 8));
        }
        s.note("Both in the same JVM, alternating which goes first; each into a new, empty directory under " + ctx.shown(ctx.work)
                + "/tmp (deleted after), timed from connecting the dataset to the end of the commit.");
        return s;
    }
}
