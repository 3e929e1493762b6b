package org.aikg.release;

import java.io.OutputStream;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.aikg.convert.TripleOrder;
import org.aikg.vocab.Vocab;
import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.RDFChanges;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * What changed from one release to the next: the quads removed and added (written as an RDF Patch,
 * Jena's text format, which applied to the earlier release gives the later one), and by kind of
 * thing — statistics, claims, other things — how many were added, changed and removed (the version
 * notes). A thing is a subject with a type outside the dataset's own graph (passages and their
 * selectors are the evidence of the facts, not facts, and are not counted); it changed when the
 * quads it is the subject of differ.
 *
 * <pre>{@code
 * Change c = Change.between(previous, current, metadataGraph);
 * c.writePatch(out);
 * c.notes();   // "statistics: 1 added, 2 changed, 0 removed; claims: ...; things: ..."
 * }</pre>
 */
public final class Change {
    /** Added, changed and removed, of one kind. */
    public record Counts(int added, int changed, int removed) {}

    private static final Comparator<Quad> ORDER = Comparator.comparing(Quad::getGraph, TripleOrder::node)
            .thenComparing(Quad::asTriple, TripleOrder.INSTANCE);

    private final List<Quad> removed;
    private final List<Quad> added;
    private final Map<String, Counts> kinds;

    private Change(List<Quad> removed, List<Quad> added, Map<String, Counts> kinds) {
        this.removed = List.copyOf(removed);
        this.added = List.copyOf(added);
        this.kinds = kinds;
    }

    /** The change from {@code before} (empty for a first release) to {@code after}; {@code meta} is the dataset's own graph. */
    public static Change between(DatasetGraph before, DatasetGraph after, Node meta) {
        Set<Quad> was = quads(before);
        Set<Quad> now = quads(after);
        List<Quad> removed = was.stream().filter(q -> !now.contains(q)).sorted(ORDER).toList();
        List<Quad> added = now.stream().filter(q -> !was.contains(q)).sorted(ORDER).toList();
        return new Change(removed, added, kinds(was, now, meta));
    }

    public List<Quad> removed() {
        return removed;
    }

    public List<Quad> added() {
        return added;
    }

    /** The counts of one kind: "statistics", "claims" or "things". */
    public Counts counts(String kind) {
        return kinds.get(kind);
    }

    /** Writes the change as an RDF Patch in Jena's text format: one transaction, the deletions first. */
    public void writePatch(OutputStream out) {
        RDFChanges patch = RDFPatchOps.textWriter(out);
        patch.start();
        patch.txnBegin();
        for (Quad q : removed) patch.delete(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
        for (Quad q : added) patch.add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
        patch.txnCommit();
        patch.finish();
    }

    /** The version notes in English: "statistics: 1 added, 2 changed, 0 removed; claims: …; things: …". */
    public String notes() {
        return List.of("statistics", "claims", "things").stream().map(k -> {
            Counts c = kinds.get(k);
            return k + ": " + c.added() + " added, " + c.changed() + " changed, " + c.removed() + " removed";
        }).collect(Collectors.joining("; "));
    }

    /** The version notes in Chinese: "统计数据：新增1，修改2，删除0；观点：…；其他事物：…". */
    public String notesZh() {
        Map<String, String> names = Map.of("statistics", "统计数据", "claims", "观点", "things", "其他事物");
        return List.of("statistics", "claims", "things").stream().map(k -> {
            Counts c = kinds.get(k);
            return String.format(Locale.ROOT, "%s：新增%d，修改%d，删除%d", names.get(k), c.added(), c.changed(), c.removed());
        }).collect(Collectors.joining("；"));
    }

    private static Set<Quad> quads(DatasetGraph dsg) {
        Set<Quad> out = new HashSet<>();
        dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(out::add);
        return out;
    }

    /** Each kind's counts, comparing what each counted subject is the subject of, before and after. */
    private static Map<String, Counts> kinds(Set<Quad> was, Set<Quad> now, Node meta) {
        Map<Node, String> kindBefore = kindsOf(was, meta);
        Map<Node, String> kindAfter = kindsOf(now, meta);
        Map<Node, Set<Quad>> before = bySubject(was, meta);
        Map<Node, Set<Quad>> after = bySubject(now, meta);
        Map<String, int[]> n = new HashMap<>();
        for (String k : List.of("statistics", "claims", "things")) n.put(k, new int[3]);
        Set<Node> subjects = new HashSet<>(kindBefore.keySet());
        subjects.addAll(kindAfter.keySet());
        for (Node s : subjects) {
            String kind = kindAfter.getOrDefault(s, kindBefore.get(s));
            int[] c = n.get(kind);
            if (!kindBefore.containsKey(s)) c[0]++;
            else if (!kindAfter.containsKey(s)) c[2]++;
            else if (!before.getOrDefault(s, Set.of()).equals(after.getOrDefault(s, Set.of()))) c[1]++;
        }
        Map<String, Counts> out = new HashMap<>();
        n.forEach((k, c) -> out.put(k, new Counts(c[0], c[1], c[2])));
        return out;
    }

    private static Map<Node, String> kindsOf(Set<Quad> quads, Node meta) {
        Map<Node, String> kinds = new HashMap<>();
        for (Quad q : quads) {
            if (q.getGraph().equals(meta) || !q.getPredicate().equals(Vocab.RDF_type)) continue;
            Node type = q.getObject();
            if (type.equals(Vocab.OA_SpecificResource) || type.equals(Vocab.OA_TextQuoteSelector) || type.equals(Vocab.OA_TextPositionSelector)) {
                continue;
            }
            String kind = type.equals(Vocab.SCHEMA_Observation) ? "statistics" : type.equals(Vocab.SCHEMA_Claim) ? "claims" : "things";
            kinds.merge(q.getSubject(), kind, (a, b) -> a.equals("things") ? b : a);
        }
        return kinds;
    }

    private static Map<Node, Set<Quad>> bySubject(Set<Quad> quads, Node meta) {
        Map<Node, Set<Quad>> out = new HashMap<>();
        for (Quad q : quads) {
            if (!q.getGraph().equals(meta)) out.computeIfAbsent(q.getSubject(), s -> new HashSet<>()).add(q);
        }
        return out;
    }
}
