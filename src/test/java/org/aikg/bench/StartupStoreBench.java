package org.aikg.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * start-up on a TDB2 store: {@code aikg serve --tdb2 STORE} against stock Fuseki 5.6.0
 * ({@code fuseki-server.jar --loc STORE --set tdb2:unionDefaultGraph=true /ds}) on the same store
 * (made by {@code aikg load}), each in a new JVM, until its first SPARQL answer. On the corpus, and
 * on the big corpus (ten times the sources) when one is given: the start must not grow with the store.
 */
final class StartupStoreBench {
    private StartupStoreBench() {}

    static Section run(Ctx ctx) {
        Section s = new Section("startup-store", "a new JVM until its first SPARQL answer, on a TDB2 store made by `aikg load`",
                "`java -jar target/aikg.jar serve --tdb2 STORE --port P`, polled with `GET /sparql?query=ASK{}` every 10 ms until 200",
                "stock Fuseki: `java -jar fuseki-server.jar --port P --localhost --loc STORE --set tdb2:unionDefaultGraph=true /ds` "
                        + "(jena-fuseki-server 5.6.0), polled with `GET /ds/query?query=ASK{}`; the same store, never open in both at once",
                "aikg time / Fuseki time (below 1: aikg faster)");
        List<Path> corpora = new ArrayList<>(List.of(ctx.corpus));
        if (ctx.bigCorpus != null) corpora.add(ctx.bigCorpus);
        for (Path corpus : corpora) {
            Path store = Stores.store(ctx, corpus);
            long quads = Stores.quads(store);
            Section.Row row = s.row(String.format(Locale.ROOT, "%s (%,d quads): start → first 200", corpus.getFileName(), quads), "s", "%.2f");
            row.goal = "≤ 1.2×";
            for (int rep = 0; rep < ctx.startupReps; rep++) {
                boolean aikgFirst = rep % 2 == 0;
                double a = 0;
                double b = 0;
                for (int k = 0; k < 2; k++) {
                    boolean aikg = (k == 0) == aikgFirst;
                    try (Stores.Server server = aikg ? Stores.aikg(ctx, store, "4g") : Stores.stockFuseki(ctx, store, "4g")) {
                        if (aikg) a = server.startSeconds();
                        else b = server.startSeconds();
                    }
                }
                row.aikg.add(a);
                row.base.add(b);
                row.ratio.add(a / b);
                Bench.log(String.format(Locale.ROOT, "startup-store %s run %d: aikg %.2f s, stock Fuseki %.2f s, ratio %.2f", corpus.getFileName(), rep + 1, a, b, a / b));
            }
            row.met = row.ratioMedian() <= 1.2;
        }
        s.runs = ctx.startupReps;
        s.note("aikg counts the store, describes it and writes its downloads only when first asked (then keeps them beside the store, under the load's "
                + "version), so nothing before its first answer reads the data; stock Fuseki also loads its admin and UI modules. Both JVMs `-Xmx4g`, "
                + "each process stopped (SIGTERM) before the next starts; the page cache of the OS is warm for both after the first pair.");
        return s;
    }
}
