package org.aikg.server.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.aikg.AtomicFile;
import org.aikg.convert.Iris;
import org.aikg.query.NamedQueries;
import org.aikg.release.History;
import org.aikg.store.Published;
import org.aikg.vocab.Vocab;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;

/**
 * What the server publishes: the dataset, its canonical base (from the dataset's description, never
 * guessed), the vocabulary labels, the named queries, and what is counted from the data. Made
 * before the server listens, so it does nothing there that grows with the data, nor what only
 * pages need: the counts and the list of sources, the vocabulary and the named queries are worked
 * out on first use, once; the counts of a store whose content has a version are kept beside it
 * ({@code DIR/aikg/site/VERSION/}), so that the next start reads them.
 */
public final class Site {
    /** What is counted from the whole published graph: the classes used (their instances) and the properties (their triples). */
    record Counts(long triples, long entities, Map<Node, Long> classes, Map<Node, Long> properties) {}

    public final DatasetGraph dsg;
    public final Graph data;
    public final String base;
    public final Iris iris;
    public final Map<String, String> prefixes;
    public final Instant loaded;
    public final Node datasetNode;
    /** Where what is derived from this content is kept across starts, or null (a temporary folder is used). */
    public final Path kept;
    /** The search index kept beside a store, or null (it is built in memory). */
    public final Path searchIndex;
    private final BiConsumer<Site, Runnable> reader;
    private final Supplier<History> history;
    private volatile Counts counts;
    private volatile List<Node> sources;
    private volatile Vocabulary vocabulary;
    private volatile NamedQueries queries;

    /** The ontology, it and the labels of reused terms together, and the labels of things: what pages name things with. */
    private record Vocabulary(Graph ontology, Graph vocab, Labels labels) {}

    public Site(Published published) {
        this(published, (site, work) -> Txn.executeRead(site.dsg, work), History::none);
    }

    /**
     * The site of {@code published}, whose reads outside a request (writing the downloads) are run by
     * {@code reader} in a read transaction of this site's content (see {@link #read}), and whose releases
     * (what they changed of each thing, read from their patches) are {@code history}'s.
     */
    public Site(Published published, BiConsumer<Site, Runnable> reader, Supplier<History> history) {
        this.reader = reader;
        this.history = history;
        this.dsg = published.dsg();
        // what is published is the union of the named graphs, however the dataset holds its default graph
        this.data = dsg.getUnionGraph();
        this.base = published.description().base();
        this.iris = new Iris(base);
        this.prefixes = iris.prefixes();
        this.datasetNode = iris.dataset();
        this.loaded = published.loaded();
        this.kept = published.folder().isPresent() && published.version().isPresent()
                ? published.folder().get().resolve("site").resolve(published.version().get()) : null;
        this.searchIndex = published.searchIndex().orElse(null);
    }

    /**
     * Runs {@code work} in a read transaction of this site's content, on a thread that serves no request
     * (a request's thread is in one already). Under {@code serve --watch} the content may have changed since
     * this site was made: the work is then refused (an {@code HttpError} 503), never run on another content.
     */
    public void read(Runnable work) {
        reader.accept(this, work);
    }

    /** The releases of the dataset and what each changed ({@link History#none} when the server was given none). */
    public History history() {
        return history.get();
    }

    /** The day a thing last changed: in the releases, if it was given them ({@link History#lastChanged}); else the day its content was loaded. */
    public LocalDate lastChanged(Node thing) {
        LocalDate d = history().lastChanged(thing);
        return d != null ? d : loaded.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** When a thing's page last changed: the start of the day of the release that last changed it, else when its content was loaded. */
    public Instant lastModified(Node thing) {
        LocalDate d = history().lastChanged(thing);
        return d != null ? d.atStartOfDay(ZoneOffset.UTC).toInstant() : loaded;
    }

    /** The ontology (aikg.ttl, bundled), parsed on first use. */
    public Graph ontology() {
        return vocabulary().ontology();
    }

    /** The ontology and the bundled labels of the reused vocabularies. */
    public Graph vocab() {
        return vocabulary().vocab();
    }

    public Labels labels() {
        return vocabulary().labels();
    }

    /** The bundled named queries, read on first use (the first page that lists them). */
    public NamedQueries queries() {
        NamedQueries q = queries;
        if (q == null) queries = q = NamedQueries.bundled();
        return q;
    }

    private Vocabulary vocabulary() {
        Vocabulary v = vocabulary;
        if (v == null) {
            synchronized (this) {
                v = vocabulary;
                if (v == null) {
                    Graph ontology = resourceGraph("/org/aikg/ontology/aikg.ttl");
                    Graph vocab = GraphFactory.createGraphMem();
                    ontology.find().forEachRemaining(vocab::add);
                    resourceGraph("/org/aikg/server/labels.ttl").find().forEachRemaining(vocab::add);
                    vocabulary = v = new Vocabulary(ontology, vocab, new Labels(data, vocab));
                }
            }
        }
        return v;
    }

    /** The triples of the published graph (the union of the sources' graphs). */
    public long triples() {
        return counts().triples();
    }

    /** The things named under {@code {base}id/}. */
    public long entities() {
        return counts().entities();
    }

    /** Each class used, with the number of its instances, in IRI order. */
    public Map<Node, Long> classes() {
        return counts().classes();
    }

    /** Each property used, with the number of its triples, in IRI order. */
    public Map<Node, Long> properties() {
        return counts().properties();
    }

    /** The articles the dataset lists as its sources, in IRI order. */
    public List<Node> sources() {
        List<Node> s = sources;
        if (s == null) {
            List<Node> src = new ArrayList<>();
            Txn.executeRead(dsg, () -> data.find(datasetNode, Vocab.DCT_source, Node.ANY).forEachRemaining(t -> src.add(t.getObject())));
            src.sort((a, b) -> a.toString().compareTo(b.toString()));
            sources = s = List.copyOf(src);
        }
        return s;
    }

    /**
     * What a change does to the counts of the published graph (the union of the graphs): the triples that enter or
     * leave it, the things under {@code {base}id/} that appear in it or vanish, the instances of each class.
     */
    public record Delta(long triples, long entities, Map<Node, Long> classes, Map<Node, Long> properties) {}

    /**
     * The change to the counts that replacing the graphs {@code changed} (each whole) and removing {@code removed}
     * makes; read in a transaction that sees the graphs as they are before the change. A triple counts once in the
     * union: one that another graph also holds neither enters nor leaves it. Costs a lookup for each triple of the
     * graphs changed, not a pass over the whole graph.
     */
    public static Delta delta(DatasetGraph dsg, Map<Node, ? extends Collection<Triple>> changed, Set<Node> removed, String base) {
        Set<Node> touched = new HashSet<>(changed.keySet());
        touched.addAll(removed);
        Set<Triple> before = new HashSet<>();
        for (Node g : touched) dsg.getGraph(g).find().forEachRemaining(before::add);
        Set<Triple> after = new HashSet<>();
        changed.values().forEach(after::addAll);
        long triples = 0;
        Map<Node, Long> classes = new HashMap<>();
        Map<Node, Long> properties = new HashMap<>();
        Set<Node> subjects = new HashSet<>();
        Set<Triple> all = new HashSet<>(before);
        all.addAll(after);
        for (Triple t : all) {
            boolean was = before.contains(t);
            boolean is = after.contains(t);
            if (was == is || elsewhere(dsg, t.getSubject(), t.getPredicate(), t.getObject(), touched)) continue;
            int d = is ? 1 : -1;
            triples += d;
            if (t.getPredicate().equals(Vocab.RDF_type) && t.getObject().isURI()) classes.merge(t.getObject(), (long) d, Long::sum);
            properties.merge(t.getPredicate(), (long) d, Long::sum);
            subjects.add(t.getSubject());
        }
        long entities = 0;
        String idSpace = base + "id/";
        for (Node s : subjects) {
            if (!s.isURI() || !s.getURI().startsWith(idSpace) || s.getURI().indexOf('#') >= 0) continue;
            boolean other = elsewhere(dsg, s, Node.ANY, Node.ANY, touched);
            boolean was = other || before.stream().anyMatch(t -> t.getSubject().equals(s));
            boolean is = other || after.stream().anyMatch(t -> t.getSubject().equals(s));
            entities += (is ? 1 : 0) - (was ? 1 : 0);
        }
        return new Delta(triples, entities, classes, properties);
    }

    /** Whether a graph other than {@code touched} holds a triple of this pattern. */
    private static boolean elsewhere(DatasetGraph dsg, Node s, Node p, Node o, Set<Node> touched) {
        var it = dsg.find(Node.ANY, s, p, o);
        try {
            while (it.hasNext()) {
                Node g = it.next().getGraph();
                if (!Quad.isDefaultGraph(g) && !touched.contains(g)) return true;
            }
            return false;
        } finally {
            Iter.close(it);
        }
    }

    /**
     * Takes the counts of the site before a change, changed by its {@code delta}, when that site had made them: the
     * new content is not counted again, pass by pass over the whole graph (under {@code serve --watch}).
     */
    public void countsFrom(Site before, Delta delta) {
        Counts c = before.counts;
        if (c == null) return;
        counts = new Counts(c.triples() + delta.triples(), c.entities() + delta.entities(), changed(c.classes(), delta.classes()),
                changed(c.properties(), delta.properties()));
    }

    /** Counts by IRI, each changed by its delta; one that comes to nothing is gone. */
    private static Map<Node, Long> changed(Map<Node, Long> counts, Map<Node, Long> delta) {
        Map<Node, Long> out = new TreeMap<>((a, b) -> a.getURI().compareTo(b.getURI()));
        out.putAll(counts);
        delta.forEach((k, d) -> {
            long n = out.getOrDefault(k, 0L) + d;
            if (n > 0) out.put(k, n);
            else out.remove(k);
        });
        return Collections.unmodifiableMap(out);
    }

    /** The triples of the published graph if they are counted already (never counts them: a fragment does not wait for it). */
    public OptionalLong triplesIfCounted() {
        Counts c = counts;
        return c == null ? OptionalLong.empty() : OptionalLong.of(c.triples());
    }

    /** Counts (or reads the counts of) the whole graph now, so that no request has to wait for it: called once the server listens. */
    public void countNow() {
        counts();
    }

    private Counts counts() {
        Counts c = counts;
        if (c == null) {
            synchronized (this) {
                c = counts;
                if (c == null) counts = c = readCounts() != null ? readCounts() : count();
            }
        }
        return c;
    }

    /** One pass over the whole graph: on a large store, seconds; done once per content. */
    private Counts count() {
        Counts c = Txn.calculateRead(dsg, () -> {
            long count = 0;
            Set<Node> things = new HashSet<>();
            Map<Node, Long> cls = new TreeMap<>((a, b) -> a.getURI().compareTo(b.getURI()));
            Map<Node, Long> props = new HashMap<>();
            String idSpace = base + "id/";
            for (var it = data.find(); it.hasNext();) {
                Triple t = it.next();
                count++;
                Node s = t.getSubject();
                if (s.isURI() && s.getURI().startsWith(idSpace) && s.getURI().indexOf('#') < 0) things.add(s);
                if (t.getPredicate().equals(Vocab.RDF_type) && t.getObject().isURI()) cls.merge(t.getObject(), 1L, Long::sum);
                props.merge(t.getPredicate(), 1L, Long::sum);
            }
            Map<Node, Long> sorted = new TreeMap<>((a, b) -> a.getURI().compareTo(b.getURI()));
            sorted.putAll(props);
            return new Counts(count, things.size(), Collections.unmodifiableMap(cls), Collections.unmodifiableMap(sorted));
        });
        if (kept != null) writeCounts(c);
        return c;
    }

    private Counts readCounts() {
        if (kept == null) return null;
        Path file = kept.resolve("counts.tsv");
        if (!Files.isRegularFile(file)) return null;
        try {
            long triples = -1;
            long entities = -1;
            Map<Node, Long> cls = new TreeMap<>((a, b) -> a.getURI().compareTo(b.getURI()));
            Map<Node, Long> props = new TreeMap<>((a, b) -> a.getURI().compareTo(b.getURI()));
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f[0].equals("triples")) triples = Long.parseLong(f[1]);
                else if (f[0].equals("entities")) entities = Long.parseLong(f[1]);
                else if (f[0].equals("class")) cls.put(NodeFactory.createURI(f[1]), Long.parseLong(f[2]));
                else if (f[0].equals("property")) props.put(NodeFactory.createURI(f[1]), Long.parseLong(f[2]));
            }
            // a file written before the properties were counted is counted again
            if (triples < 0 || entities < 0 || (triples > 0 && props.isEmpty())) return null;
            return new Counts(triples, entities, Collections.unmodifiableMap(cls), Collections.unmodifiableMap(props));
        } catch (IOException | RuntimeException e) {
            return null;  // counted again
        }
    }

    private void writeCounts(Counts c) {
        StringBuilder b = new StringBuilder();
        b.append("triples\t").append(c.triples()).append('\n').append("entities\t").append(c.entities()).append('\n');
        c.classes().forEach((k, v) -> b.append("class\t").append(k.getURI()).append('\t').append(v).append('\n'));
        c.properties().forEach((k, v) -> b.append("property\t").append(k.getURI()).append('\t').append(v).append('\n'));
        try {
            AtomicFile.write(kept.resolve("counts.tsv"), out -> out.write(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | UnsupportedOperationException e) {
            // a store folder we may not write to: counted again at the next start
        }
    }

    /** The local path of an IRI under the base, or null for an IRI elsewhere. */
    String localPath(String iri) {
        return iri != null && iri.startsWith(base) ? "/" + iri.substring(base.length()) : null;
    }

    /** The local page of a thing: its {@code /doc/} path (fragments kept), or null. */
    public String pageOf(Node n) {
        if (!n.isURI()) return null;
        String local = localPath(n.getURI());
        if (local == null) return null;
        if (local.startsWith("/id/")) return "/doc/" + local.substring(4);
        if (local.startsWith("/def")) return local.endsWith("#") ? local.substring(0, local.length() - 1) : local;
        if (local.equals("/") || local.equals("/dataset") || local.equals("/sparql") || local.startsWith("/download/")) return local;
        return null;
    }

    /** A short name: a prefixed name where a prefix fits, else the IRI. */
    public String shortName(Node n) {
        if (!n.isURI()) return n.toString();
        String iri = n.getURI();
        String best = null;
        int len = 0;
        for (Map.Entry<String, String> e : prefixes.entrySet()) {
            String ns = e.getValue();
            if (iri.startsWith(ns) && ns.length() > len && iri.substring(ns.length()).matches("[A-Za-z0-9_.-]*")) {
                best = e.getKey() + ":" + iri.substring(ns.length());
                len = ns.length();
            }
        }
        return best != null ? best : iri;
    }

    private static Graph resourceGraph(String path) {
        Graph g = GraphFactory.createGraphMem();
        try (InputStream in = Site.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException(path + " is missing from the build");
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return g;
    }
}
