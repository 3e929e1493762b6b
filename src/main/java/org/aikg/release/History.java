package org.aikg.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.aikg.DataException;
import org.aikg.vocab.Vocab;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.changes.RDFChangesBase;
import org.apache.jena.rdfpatch.text.RDFPatchReaderText;

/**
 * What the releases of a dataset say happened to it, read from their patches ({@link Releases}): each
 * release, newest first, with its day, its version notes, and what its patch changed of each thing
 * (the statements removed and added, by subject); and for one thing, the releases that changed it.
 * The first release's patch (everything, from nothing) is read only for the release's description.
 * The releases are immutable, so this is read once; a release made later is read when the list of
 * releases changes ({@link #reload}).
 *
 * <pre>{@code
 * History h = History.read(Path.of("releases"), "https://w3id.org/ai-industry-kg/");
 * for (History.Release r : h.releases()) { ... r.version() ... r.notes().get("en") ... r.changes() ... }
 * h.of(thing);                // the releases that changed a thing, newest first
 * h.lastChanged(thing);       // the day of the last of them, or of the first release
 * }</pre>
 */
public final class History {
    /** A statement of a subject removed or added: its predicate and object. */
    public record Statement(Node predicate, Node object) {}

    /** What one release changed of one subject. */
    public record Change(Node subject, List<Statement> removed, List<Statement> added) {
        public Change {
            removed = List.copyOf(removed);
            added = List.copyOf(added);
        }

        /** A thing new in this release: its type added, none removed. */
        public boolean isNew() {
            return added.stream().anyMatch(s -> s.predicate().equals(Vocab.RDF_type)) && removed.stream().noneMatch(s -> s.predicate().equals(Vocab.RDF_type));
        }

        /** A thing gone in this release: its type removed, none added. */
        public boolean isGone() {
            return removed.stream().anyMatch(s -> s.predicate().equals(Vocab.RDF_type)) && added.stream().noneMatch(s -> s.predicate().equals(Vocab.RDF_type));
        }
    }

    /**
     * One release: its version, its notes by language ("en", "zh"), whether it is the first, the size of
     * its patch, and what it changed of each thing (empty for the first release: everything is new there),
     * in the patch's order.
     */
    public record Release(Version version, Map<String, String> notes, boolean first, long patchBytes, Map<Node, Change> changes) {
        public Release {
            Objects.requireNonNull(version, "version");
            notes = Map.copyOf(notes);
            changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
        }
    }

    /** One thing's change in one release, for the thing's page. */
    public record Entry(Version version, Change change) {}

    private final Path dir;
    private final String base;
    private final List<Release> releases;
    private final long listStamp;
    /** Each thing's entries, newest first: its own changes and its parts' ({@code thing#…}). */
    private final Map<Node, List<Entry>> byThing = new HashMap<>();

    private History(Path dir, String base, List<Release> releases, long listStamp) {
        this.dir = dir;
        this.base = base;
        this.releases = List.copyOf(releases);
        this.listStamp = listStamp;
        for (Release r : this.releases) {
            r.changes().forEach((s, c) -> {
                Node thing = s.isURI() && s.getURI().indexOf('#') > 0 ? NodeFactory.createURI(s.getURI().substring(0, s.getURI().indexOf('#'))) : s;
                byThing.computeIfAbsent(thing, k -> new ArrayList<>()).add(new Entry(r.version(), c));
            });
        }
    }

    /** No releases. */
    public static History none() {
        return new History(null, "", List.of(), 0);
    }

    /** The history of the releases in {@code dir} (of a dataset whose base IRI is {@code base}). */
    public static History read(Path dir, String base) {
        Releases all = Releases.at(dir);
        long stamp = stamp(dir);
        List<Version> versions = all.all();
        List<Release> out = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) out.add(release(all, versions.get(i), i == 0, base));
        Collections.reverse(out);
        return new History(dir, base, out, stamp);
    }

    /** This history, or the history read again when a release was made since. */
    public History reload() {
        if (dir == null || stamp(dir) == listStamp) return this;
        return read(dir, base);
    }

    /** The releases, newest first. */
    public List<Release> releases() {
        return releases;
    }

    /** The release of that name, if listed. */
    public Release release(String name) {
        for (Release r : releases) if (r.version().name().equals(name)) return r;
        return null;
    }

    /** The folder of a listed release's files. */
    public Path folder(Release r) {
        return dir.resolve(r.version().name());
    }

    /**
     * The releases that changed {@code thing} (its own statements, or those of its parts {@code thing#…}, which
     * its page shows), newest first, in the patch's order within a release.
     */
    public List<Entry> of(Node thing) {
        return List.copyOf(byThing.getOrDefault(thing, List.of()));
    }

    /** The day of the last release that changed {@code thing} or its parts, else of the first release; null without releases. */
    public LocalDate lastChanged(Node thing) {
        List<Entry> entries = of(thing);
        if (!entries.isEmpty()) return entries.get(0).version().date();
        return releases.isEmpty() ? null : releases.get(releases.size() - 1).version().date();
    }

    private static long stamp(Path dir) {
        try {
            Path list = dir.resolve(Releases.LIST);
            return Files.exists(list) ? Files.getLastModifiedTime(list).toMillis() ^ Files.size(list) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Reads one release's patch: its description from the dataset's graph, and (but for the first) its changes by subject. */
    private static Release release(Releases all, Version v, boolean first, String base) {
        Path patch = all.folder(v).resolve(Releases.PATCH);
        Node meta = NodeFactory.createURI(base + "graph/dataset");
        Node self = Releases.versionNode(base, v);
        Map<String, String> notes = new LinkedHashMap<>();
        Map<Node, List<Statement>> removed = new LinkedHashMap<>();
        Map<Node, List<Statement>> added = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(patch)) {
            new RDFPatchReaderText(in).apply(new RDFChangesBase() {
                @Override
                public void add(Node g, Node s, Node p, Node o) {
                    if (s.equals(self) && p.equals(Vocab.ADMS_versionNotes) && o.isLiteral()) {
                        notes.put(o.getLiteralLanguage().toLowerCase().startsWith("zh") ? "zh" : "en", o.getLiteralLexicalForm());
                    }
                    if (!first && !g.equals(meta)) added.computeIfAbsent(s, k -> new ArrayList<>()).add(new Statement(p, o));
                }

                @Override
                public void delete(Node g, Node s, Node p, Node o) {
                    if (!first && !g.equals(meta)) removed.computeIfAbsent(s, k -> new ArrayList<>()).add(new Statement(p, o));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the patch of release " + v.name() + " at " + patch + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new DataException(patch + ": not an RDF Patch aikg can read (" + e.getMessage() + ")");
        }
        Map<Node, Change> changes = new LinkedHashMap<>();
        for (Node s : removed.keySet()) changes.put(s, new Change(s, removed.get(s), added.getOrDefault(s, List.of())));
        for (Node s : added.keySet()) changes.computeIfAbsent(s, k -> new Change(s, List.of(), added.get(s)));
        long bytes;
        try {
            bytes = Files.size(patch);
        } catch (IOException e) {
            bytes = -1;
        }
        return new Release(v, notes, first, bytes, changes);
    }
}
