package org.aikg.release;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.aikg.AikgException;
import org.aikg.AtomicFile;
import org.aikg.DataException;
import org.aikg.UsageException;
import org.aikg.convert.DatasetWriter;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.aikg.vocab.Vocab;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * The releases of a dataset, each an immutable folder under one directory:
 * <pre>
 * DIR/releases.tsv           one line per release, oldest first: VERSION, tab, the day (YYYY-MM-DD)
 * DIR/VERSION/aikg.ttl …     the dumps, in every format aikg writes (Formats.FILES)
 * DIR/VERSION/changes.rdfp   an RDF Patch (Jena's text format) from the previous release; the first: from nothing
 * </pre>
 * A release's dataset graph describes it (DCAT and PAV): {@code {base}dataset/VERSION} is a
 * {@code dcat:Dataset}, {@code dcat:isVersionOf} the dataset, with {@code pav:version}, {@code dct:issued},
 * {@code dcat:previousVersion} and {@code adms:versionNotes} saying what changed (in English and
 * Chinese); the descriptions of the earlier releases are carried forward, so each release's dumps hold
 * the whole history of versions. A release is written into a hidden folder and renamed into place, then
 * listed: a release cut off leaves nothing that is listed, and a listed release is never written again.
 *
 * <pre>{@code
 * Releases.at(Path.of("releases")).make(Version.named("2024.07", today), dsg, "https://w3id.org/ai-industry-kg/", prefixes);
 * }</pre>
 */
public final class Releases {
    /** The patch from the previous release, in RDF Patch's text form ({@code application/rdf-patch}). */
    public static final String PATCH = "changes.rdfp";
    static final String LIST = "releases.tsv";

    /**
     * What a release wrote: its folder, the release before it (if any), the change of its facts
     * (what the version notes count) and the whole change its patch holds (descriptions included).
     */
    public record Made(Version version, Path folder, Optional<Version> previous, Change facts, Change patch) {}

    private final Path dir;

    private Releases(Path dir) {
        this.dir = dir;
    }

    /** The releases under {@code dir}, which need not exist yet (it must not be a link or a file). */
    public static Releases at(Path dir) {
        if (Files.isSymbolicLink(dir)) throw new UsageException("the releases folder " + dir + " is a symbolic link: give the folder itself");
        if (Files.exists(dir) && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException("the releases folder " + dir + " is not a folder");
        }
        return new Releases(dir);
    }

    /** Every release, oldest first, as {@code releases.tsv} lists them. */
    public List<Version> all() {
        Path list = dir.resolve(LIST);
        List<String> lines;
        try {
            lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + list + ": " + e.getMessage(), e);
        }
        List<Version> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i).split("\t", -1);
            try {
                if (cells.length != 2) throw new IllegalArgumentException("expected VERSION, a tab, YYYY-MM-DD");
                out.add(Version.named(cells[0], LocalDate.parse(cells[1])));
            } catch (IllegalArgumentException | DateTimeParseException | UsageException e) {
                throw new DataException(list + ":" + (i + 1) + ": not a release line (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    /** The folder of a listed release. */
    public Path folder(Version v) {
        return dir.resolve(v.name());
    }

    /**
     * Makes release {@code version} of {@code data} (its named graphs; the dataset's own graph is
     * {@code {base}graph/dataset}); refused if that version is already listed or its folder exists.
     */
    public Made make(Version version, DatasetGraph data, String base, Map<String, String> prefixes) {
        List<Version> all = all();
        if (all.stream().anyMatch(v -> v.name().equals(version.name())) || Files.exists(folder(version), LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException("release " + version.name() + " exists already in " + dir + " (a release is never written again: "
                    + "give another version)");
        }
        Optional<Version> previous = all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        if (previous.isPresent() && version.date().isBefore(previous.get().date())) {
            throw new UsageException("release " + version.name() + " is dated " + version.date() + ", before the last release "
                    + previous.get().name() + " of " + previous.get().date());
        }
        DatasetGraph before = previous.map(this::read).orElseGet(DatasetGraphFactory::create);
        Node meta = NodeFactory.createURI(base + "graph/dataset");
        DatasetGraph release = copy(data);
        Change facts = Change.between(before, release, meta);
        describe(release, before, version, previous, base, meta, facts);
        Change change = Change.between(before, release, meta);
        Path folder = write(version, release, change, withVersionPrefixes(prefixes));
        List<String> lines = new ArrayList<>();
        for (Version v : all) lines.add(v.name() + "\t" + v.date());
        lines.add(version.name() + "\t" + version.date());
        try {
            AtomicFile.write(dir.resolve(LIST), out -> out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new AikgException("cannot list release " + version.name() + " in " + dir.resolve(LIST) + ": " + e.getMessage(), e);
        }
        return new Made(version, folder, previous, facts, change);
    }

    /** A listed release's dataset, read from its N-Quads dump. */
    public DatasetGraph read(Version v) {
        Path nq = folder(v).resolve("aikg." + Formats.NQUADS.suffix());
        DatasetGraph dsg = DatasetGraphFactory.create();
        RDFParser.source(nq).lang(Lang.NQUADS).parse(dsg);
        return dsg;
    }

    private static DatasetGraph copy(DatasetGraph data) {
        DatasetGraph out = DatasetGraphFactory.create();
        data.listGraphNodes().forEachRemaining(g -> data.getGraph(g).find().forEachRemaining(t -> out.add(g, t.getSubject(), t.getPredicate(),
                t.getObject())));
        return out;
    }

    /** The release's description, and the earlier releases' descriptions carried forward, in the dataset's graph. */
    private static void describe(DatasetGraph release, DatasetGraph before, Version v, Optional<Version> previous, String base, Node meta,
            Change facts) {
        Node dataset = NodeFactory.createURI(base + "dataset");
        before.find(meta, Node.ANY, Vocab.DCAT_isVersionOf, dataset).forEachRemaining(q -> {
            before.find(meta, q.getSubject(), Node.ANY, Node.ANY).forEachRemaining(release::add);
            release.add(meta, dataset, Vocab.DCAT_hasVersion, q.getSubject());
        });
        Node node = versionNode(base, v);
        release.add(meta, dataset, Vocab.DCAT_hasVersion, node);
        release.add(meta, dataset, Vocab.PAV_version, NodeFactory.createLiteralString(v.name()));
        release.add(meta, node, Vocab.RDF_type, Vocab.DCAT_Dataset);
        release.add(meta, node, Vocab.DCAT_isVersionOf, dataset);
        release.add(meta, node, Vocab.PAV_version, NodeFactory.createLiteralString(v.name()));
        release.add(meta, node, Vocab.DCT_issued, NodeFactory.createLiteralDT(v.date().toString(), XSDDatatype.XSDdate));
        previous.ifPresent(p -> release.add(meta, node, Vocab.DCAT_previousVersion, versionNode(base, p)));
        release.add(meta, node, Vocab.ADMS_versionNotes, NodeFactory.createLiteralLang(facts.notes(), "en"));
        release.add(meta, node, Vocab.ADMS_versionNotes, NodeFactory.createLiteralLang(facts.notesZh(), "zh-Hans"));
    }

    /** The IRI of a release: {@code {base}dataset/VERSION}. */
    public static Node versionNode(String base, Version v) {
        return NodeFactory.createURI(base + "dataset/" + v.name());
    }

    private static Map<String, String> withVersionPrefixes(Map<String, String> prefixes) {
        Map<String, String> p = new LinkedHashMap<>(prefixes);
        p.putIfAbsent("pav", Vocab.PAV);
        p.putIfAbsent("adms", Vocab.ADMS);
        return p;
    }

    /** The dumps and the patch, into a hidden folder renamed into place when all are written. */
    private Path write(Version v, DatasetGraph release, Change change, Map<String, String> prefixes) {
        Path target = folder(v);
        Path part = dir.resolve("." + v.name() + ".part");
        try {
            Files.createDirectories(dir);
            removeTree(part);
            Files.createDirectory(part);
            for (Format f : Formats.FILES) {
                try (OutputStream out = Files.newOutputStream(part.resolve("aikg." + f.suffix()))) {
                    DatasetWriter.write(release, f, out, prefixes);
                }
            }
            try (OutputStream out = Files.newOutputStream(part.resolve(PATCH))) {
                change.writePatch(out);
            }
            Files.move(part, target);
            return target;
        } catch (IOException e) {
            throw new AikgException("cannot write release " + v.name() + " in " + dir + ": " + e.getMessage(), e);
        } finally {
            removeTree(part);
        }
    }

    private static void removeTree(Path p) {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + p + ": " + e.getMessage(), e);
        }
    }
}
