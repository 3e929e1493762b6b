package org.aikg.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aikg.format.Formats;
import org.aikg.input.Graphs;

/**
 * publish: {@code aikg publish --endpoint URL --state DIR COPY} (a new JVM each time) into a Graph Store that starts
 * empty ({@link GraphStore}): the full publish of the corpus (a new --state folder: every graph is sent), then one sheet
 * edited and published again (only the change is sent), then published once more with nothing changed (nothing is sent).
 * Time is the command's wall time; requests are those the store received, by method. After each publish the store's
 * quads (a SPARQL COUNT on the store) must equal the local conversion's (the lines of aikg's N-Quads of the same copy).
 */
final class PublishBench {
    private PublishBench() {}

    /** The local conversion and the store after a publish: quads and named graphs. */
    private record Held(long quads, long graphs) {}

    static Section run(Ctx ctx) {
        Path corpus = CorpusCopy.make(ctx, "publish-corpus");
        Path sheet = CorpusCopy.sheet(corpus, CorpusCopy.SHEET);
        String article = CorpusCopy.article(ctx, CorpusCopy.SHEET);
        String graph = ctx.base() + "graph/" + CorpusCopy.SHEET;
        // a full publish sends every graph of the corpus: a few runs, not five
        int reps = Math.max(1, Math.min(3, ctx.reps));
        Section s = new Section("publish", "publish into a SPARQL Graph Store: everything, then one edited sheet, then nothing changed",
                "`java -Xmx4g -jar target/aikg.jar publish --endpoint URL --state DIR COPY` after one sheet's headline was edited (the record in DIR "
                        + "from the full publish before it)",
                "the full publish: the same command with a new, empty --state folder into an empty store (every graph sent)",
                "time after one edit ÷ time of the full publish (below 1: the publish of the change is faster)");
        Section.Row time = s.row("publish after one edit ÷ full publish", "s", "%.2f");
        time.goal = "report only";
        time.ratioFmt = "%.3f×";
        Section.Row nothing = s.row("publish with nothing changed ÷ full publish", "s", "%.2f");
        nothing.goal = "report only";
        nothing.ratioFmt = "%.3f×";
        List<String> fullRequests = new ArrayList<>();
        List<String> editRequests = new ArrayList<>();
        List<String> nothingRequests = new ArrayList<>();
        List<String> dryRequests = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        List<Double> dryRun = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        boolean editOnePut = true;
        boolean nothingSent = true;
        long quads = -1;
        long graphs = -1;
        for (int rep = 0; rep < reps; rep++) {
            Path state = ctx.tmp("publish-state");
            Bench.deleteTree(state);
            try (GraphStore store = GraphStore.start()) {
                String[] publish = {"publish", "--endpoint", store.endpoint(), "--state", state.toString(), corpus.toString()};

                Bench.quietHarness();  // this JVM is also the store's
                Map<String, Long> r0 = store.requests();
                AikgRun full = AikgRun.run(ctx, "publish-full", publish).ok();
                Map<String, Long> fullSent = GraphStore.difference(r0, store.requests());
                Held local = local(ctx, corpus);
                quads = local.quads();
                graphs = local.graphs();
                compare("full publish, run " + (rep + 1), store, local, mismatches);
                if (!full.summary().startsWith("published " + local.graphs() + " graphs, ")) throw new IllegalStateException("publish: " + full.output());

                String text = String.format(Locale.ROOT, "Synthetic document %s publish edit %03d", CorpusCopy.SHEET, rep + 1);
                CorpusCopy.setHeadline(sheet, text);
                Bench.quietHarness();  // this JVM is also the store's
                Map<String, Long> r1 = store.requests();
                AikgRun dry = AikgRun.run(ctx, "publish-dry-run", withDryRun(publish)).ok();
                Map<String, Long> drySent = GraphStore.difference(r1, store.requests());
                if (!dry.output().contains("PUT changed " + graph + "\n")) throw new IllegalStateException("publish --dry-run: " + dry.output());

                Bench.quietHarness();  // this JVM is also the store's
                Map<String, Long> r2 = store.requests();
                AikgRun edit = AikgRun.run(ctx, "publish-edit", publish).ok();
                Map<String, Long> editSent = GraphStore.difference(r2, store.requests());
                compare("publish after one edit, run " + (rep + 1), store, local(ctx, corpus), mismatches);
                if (!store.ask("<" + article + "> <http://schema.org/headline> \"" + text + "\"@en")) {
                    mismatches.add("publish after one edit, run " + (rep + 1) + ": the store lacks the new headline");
                }

                Bench.quietHarness();  // this JVM is also the store's
                Map<String, Long> r3 = store.requests();
                AikgRun again = AikgRun.run(ctx, "publish-nothing", publish).ok();
                Map<String, Long> againSent = GraphStore.difference(r3, store.requests());
                compare("publish with nothing changed, run " + (rep + 1), store, local(ctx, corpus), mismatches);

                time.aikg.add(edit.seconds());
                time.base.add(full.seconds());
                time.ratio.add(edit.seconds() / full.seconds());
                nothing.aikg.add(again.seconds());
                nothing.base.add(full.seconds());
                nothing.ratio.add(again.seconds() / full.seconds());
                dryRun.add(dry.seconds());
                fullRequests.add(show(fullSent));
                dryRequests.add(show(drySent));
                editRequests.add(show(editSent));
                nothingRequests.add(show(againSent));
                editOnePut &= editSent.getOrDefault("PUT", 0L) == 1 && !editSent.containsKey("DELETE");
                nothingSent &= againSent.isEmpty() && drySent.isEmpty();
                if (rep == 0) summaries.addAll(List.of(full.summary(), edit.summary(), again.summary()));
                Bench.log(String.format(Locale.ROOT, "publish run %d: full %.2f s %s; dry run %.2f s %s; one edit %.2f s %s; nothing changed %.2f s %s", rep + 1,
                        full.seconds(), fullSent, dry.seconds(), drySent, edit.seconds(), editSent, again.seconds(), againSent));
            }
        }
        s.runs = reps;
        s.check("the store's quads equal the local conversion's after every publish (SPARQL COUNT on the store, lines of aikg's N-Quads)",
                "equal", mismatches.isEmpty() ? String.format(Locale.ROOT, "equal after all %d publishes (%,d quads in %,d named graphs)", 3 * reps, quads, graphs)
                        : String.join("; ", mismatches), mismatches.isEmpty());
        s.check("requests of the publish after one edit", "1 PUT", String.join("; ", editRequests), editOnePut);
        s.check("requests of the publish with nothing changed (and of the dry run)", "0", String.join("; ", nothingRequests) + " (dry run: "
                + String.join("; ", dryRequests) + ")", nothingSent);
        s.fact("requests of the full publish (per run)", String.join("; ", fullRequests));
        s.fact("`--dry-run` after the edit (converts, compares with the record, sends nothing) (s)", Bench.mmm(dryRun, "%.2f"));
        s.fact("publish's summary lines (run 1)", String.join(" / ", summaries).replace(ctx.root + "/", "").replace("|", "\\|"));
        s.note("The store is Jena Fuseki (jena-fuseki-main 5.6.0) in the harness's JVM with an empty in-memory updatable dataset at `/ds`, a new "
                + "one for each run; publish's `--endpoint` is its dataset URL, whose Graph Store Protocol takes `PUT`/`GET`/`DELETE ?graph=IRI`. A "
                + "servlet filter in front of Fuseki counts the requests by method. Each publish is a new JVM and converts the whole copy of the "
                + "corpus first (publish keeps no cache of converted sheets; its record holds a SHA-256 of each graph's triples): its time is "
                + "dominated by that conversion, as the dry run (the same conversion and comparison, nothing sent) shows.");
        s.note("After the edit, publish reads the changed graph back from the store before it replaces it (a `GET`: was it changed by someone else "
                + "since?), then PUTs it; the dataset's graph does not change with a headline, so it is not sent. The edit changes one sheet's English "
                + "headline (" + ctx.shown(sheet) + ") to a text it never had.");
        return s;
    }

    private static String[] withDryRun(String[] publish) {
        List<String> a = new ArrayList<>(List.of(publish));
        a.add(1, "--dry-run");
        return a.toArray(String[]::new);
    }

    /** "PUT 4501, GET 1" or "none". */
    private static String show(Map<String, Long> sent) {
        if (sent.isEmpty()) return "none";
        List<String> parts = new ArrayList<>();
        sent.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%s %,d", k, v)));
        return String.join(", ", parts);
    }

    /** Checks the store against the local conversion, noting a difference in {@code mismatches}. */
    private static void compare(String when, GraphStore store, Held local, List<String> mismatches) {
        long q = store.quads();
        long g = store.graphs();
        if (q != local.quads() || g != local.graphs()) {
            String m = String.format(Locale.ROOT, "%s: the store holds %,d quads in %,d graphs, the local conversion %,d in %,d", when, q, g, local.quads(), local.graphs());
            Bench.log("publish: MISMATCH " + m);
            mismatches.add(m);
        }
    }

    /** aikg's N-Quads of the copy as it is now (written through a cache beside it, not timed): its quads (lines) and graphs. */
    private static Held local(Ctx ctx, Path corpus) {
        Path nq = ctx.tmp("publish-local.nq");
        Graphs.of(List.of(corpus)).cache(ctx.tmp("publish-local-cache")).write(nq, Formats.NQUADS);
        long lines = 0;
        Set<String> names = new HashSet<>();
        try (BufferedReader r = Files.newBufferedReader(nq, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null;) {
                if (line.isBlank()) continue;
                lines++;
                // the graph is the line's last term: <…> .
                names.add(line.substring(line.lastIndexOf('<'), line.lastIndexOf('>') + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Held(lines, names.size());
    }
}
