package org.aikg.server.page;

import static org.aikg.vocab.Vocab.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.aikg.server.page.Views.SourceFacts;
import org.aikg.server.site.Dates;
import org.aikg.server.site.Once;
import org.aikg.server.site.Site;
import org.aikg.server.site.Words;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;

/**
 * Sources as hubs: the source documents a thing was read from (each source has its own named
 * graph), and the facts each source gives. Two facts of one source are shown together as that and
 * nothing more: the pages never turn "in the same article" into a relation the article does not state.
 */
final class SourceHubs {
    /** A source: its named graph and the document it was read from. */
    record Source(Node graph, Node document) {}

    /** The kinds of thing listed with a source's facts; passages, selectors, variables and concepts are reached through them. */
    private static final Set<Node> NOT_LISTED = Set.of(SCHEMA_Observation, SCHEMA_Claim, OA_SpecificResource, OA_TextQuoteSelector,
            OA_TextPositionSelector, SCHEMA_StatisticalVariable, SKOS_Concept);
    /** At most this many sources per page, and facts of each kind per source. */
    static final int MAX_SOURCES = 10;
    static final int MAX_FACTS = 50;

    private final Site site;
    private final Classes classes;
    private final Statistics statistics;
    private final Offsets offsets;
    /**
     * What each source's graph lists, from one pass over the types of every graph, and in the order of
     * each language once it is asked for: each page read the types of its source's graph and sorted its
     * facts, a third of the time of a statistic's page. Worked out on first use (never at start) and kept,
     * since the graphs do not change until they are reloaded.
     */
    private final Once<Map<Node, Listed>> lists = new Once<>(this::collectListed);

    /** The document of each source's graph found so far: one entry per named graph at most. */
    private final Map<Node, Node> documents = new ConcurrentHashMap<>();
    private static final Node NO_DOCUMENT = NodeFactory.createBlankNode("aikg-no-document");

    SourceHubs(Site site, Classes classes, Statistics statistics, Offsets offsets) {
        this.site = site;
        this.classes = classes;
        this.statistics = statistics;
        this.offsets = offsets;
    }

    /** The sources whose graphs say something about {@code thing}, in document order. */
    List<Source> of(Node thing) {
        Set<Node> graphs = new LinkedHashSet<>();
        Node metadata = site.iris.metadataGraph();
        for (var it = site.dsg.find(Node.ANY, thing, Node.ANY, Node.ANY); it.hasNext();) {
            Quad q = it.next();
            if (!q.isDefaultGraph() && !q.isUnionGraph() && !q.getGraph().equals(metadata)) graphs.add(q.getGraph());
        }
        List<Source> out = new ArrayList<>();
        for (Node g : graphs) {
            Node doc = document(g);
            if (doc != null) out.add(new Source(g, doc));
        }
        out.sort(Comparator.comparing(s -> s.document().getURI()));
        return out;
    }

    /** The document of a source's graph (kept once found: a source's document does not change while the graph is served). */
    private Node document(Node graph) {
        Node doc = documents.get(graph);
        if (doc == null) {
            doc = findDocument(graph);
            documents.put(graph, doc == null ? NO_DOCUMENT : doc);
        }
        return doc == NO_DOCUMENT ? null : doc;
    }

    /** The document of a source's graph: what its passages are passages of, else the article it holds. */
    private Node findDocument(Node graph) {
        for (var it = site.dsg.find(graph, Node.ANY, OA_hasSource, Node.ANY); it.hasNext();) {
            Node o = it.next().getObject();
            if (o.isURI()) return o;
        }
        for (var it = site.dsg.find(graph, Node.ANY, RDF_type, SCHEMA_NewsArticle); it.hasNext();) return it.next().getSubject();
        return null;
    }

    /** The passages of a document, in the order of its text (by start, the longer first). */
    List<Node> passages(Node document) {
        List<Node> out = new ArrayList<>();
        site.data.find(Node.ANY, OA_hasSource, document).forEachRemaining(t -> out.add(t.getSubject()));
        Map<Node, long[]> at = new HashMap<>();
        for (Node p : out) at.put(p, offsets.of(p));
        out.sort(Comparator.comparingLong((Node p) -> at.get(p)[0]).thenComparing(p -> -at.get(p)[1]).thenComparing(Node::getURI));
        return out;
    }

    /** Where a fact first appears in its source's text (its earliest passage), for listing facts in text order. */
    long firstOffset(Reads reads, Node fact) {
        long best = Long.MAX_VALUE;
        Statistics.Statistic s = statistics.of(fact);
        List<Node> passages = s != null ? s.passages() : reads.all(fact, PROV_wasDerivedFrom).stream().map(Triple::getObject).toList();
        for (Node p : passages) best = Math.min(best, offsets.of(p)[0]);
        return best;
    }

    /** "TapTechNews, 20 June 2024, citing CCTV News": who published a document, when, and whom it cites. */
    String byline(Reads reads, Node document, String lang) {
        Words w = Words.of(lang);
        List<String> parts = new ArrayList<>();
        Node publisher = reads.one(document, SCHEMA_publisher);
        if (publisher != null) parts.add(site.labels().label(publisher, lang));
        Node date = reads.one(document, SCHEMA_datePublished);
        if (date != null) parts.add(Dates.format(date, lang));
        Node basedOn = reads.one(document, SCHEMA_isBasedOn);
        if (basedOn != null) parts.add(w.citing() + w.afterCiting() + site.labels().label(basedOn, lang));
        return String.join(w.listSeparator(), parts);
    }

    /** Works out now what each source's graph lists. */
    void prepare() {
        lists.get();
    }

    /**
     * What a source lists other than {@code except} (the page's own thing): statistics and claims in
     * text order, other things by name, at most {@link #MAX_FACTS} of each; its byline; and the total,
     * which counts every fact of the source.
     */
    record Listing(Source source, List<Node> statistics, List<Node> claims, List<Node> things, long total, String byline, String all) {}

    /** What {@code source} lists on the page of {@code except}, read for a page in {@code lang}. */
    Listing listing(Reads reads, Source source, Node except, String lang, boolean explicit) {
        Listed listed = lists.get().getOrDefault(source.graph(), Listed.NONE);
        Ordered in = listed.ordered(lang, this);
        String all = source.document().equals(except) ? null : Links.href(site.pageOf(source.document()) + "#facts", lang, explicit);
        return new Listing(source, others(in.statistics(), except), others(in.claims(), except), others(in.things(), except), listed.total(),
                byline(reads, source.document(), lang), all);
    }

    private static List<Node> others(List<Node> facts, Node except) {
        return facts.stream().filter(n -> !n.equals(except)).limit(MAX_FACTS).toList();
    }

    /** The facts of a source as a page lists them, made of what the page has {@code seen}. */
    static SourceFacts facts(Seen seen, Listing listing) {
        return new SourceFacts(seen.links().get(listing.source().document()), listing.byline(), listing.statistics().stream().map(seen.stats()::get).toList(),
                listing.claims().stream().map(seen.claims()::get).toList(), listing.things().stream().map(seen.links()::get).toList(), listing.total(),
                listing.all());
    }

    /** What a source's graph lists: its statistics, its claims and the other things it names that have a page. */
    private record Listed(List<Node> statistics, List<Node> claims, List<Node> things, Map<String, Ordered> byLanguage) {
        static final Listed NONE = new Listed(List.of(), List.of(), List.of(), new ConcurrentHashMap<>());

        long total() {
            return statistics.size() + claims.size() + things.size();
        }

        /** In the order a page in {@code lang} lists them, worked out once per language. */
        Ordered ordered(String lang, SourceHubs hubs) {
            Ordered o = byLanguage.get(lang);
            if (o == null) {
                Reads reads = new Reads(hubs.site.data);
                o = new Ordered(hubs.inTextOrder(reads, statistics, lang), hubs.inTextOrder(reads, claims, lang),
                        List.copyOf(hubs.site.labels().sorted(things, lang)));
                byLanguage.putIfAbsent(lang, o);
            }
            return o;
        }
    }

    /** A source's facts as a page lists them: statistics and claims in text order, other things by name. */
    private record Ordered(List<Node> statistics, List<Node> claims, List<Node> things) {}

    private Map<Node, Listed> collectListed() {
        Map<Node, List<Node>> statistics = new HashMap<>();
        Map<Node, List<Node>> claims = new HashMap<>();
        Map<Node, Set<Node>> things = new HashMap<>();
        Node metadata = site.iris.metadataGraph();
        for (var it = site.dsg.find(Node.ANY, Node.ANY, RDF_type, Node.ANY); it.hasNext();) {
            Quad q = it.next();
            Node g = q.getGraph();
            Node s = q.getSubject();
            if (q.isDefaultGraph() || q.isUnionGraph() || g.equals(metadata)) continue;
            if (!s.isURI() || s.getURI().contains("#") || site.pageOf(s) == null) continue;
            Node doc = document(g);
            if (doc == null || s.equals(doc)) continue;
            if (q.getObject().equals(SCHEMA_Observation)) statistics.computeIfAbsent(g, k -> new ArrayList<>()).add(s);
            else if (q.getObject().equals(SCHEMA_Claim)) claims.computeIfAbsent(g, k -> new ArrayList<>()).add(s);
            else if (!NOT_LISTED.contains(q.getObject())) things.computeIfAbsent(g, k -> new LinkedHashSet<>()).add(s);
        }
        Set<Node> notListed = notListed();
        Map<Node, Listed> out = new HashMap<>();
        Set<Node> graphs = new HashSet<>(statistics.keySet());
        graphs.addAll(claims.keySet());
        graphs.addAll(things.keySet());
        for (Node g : graphs) {
            List<Node> stats = statistics.getOrDefault(g, List.of());
            List<Node> said = claims.getOrDefault(g, List.of());
            Set<Node> named = new LinkedHashSet<>(things.getOrDefault(g, Set.of()));
            named.removeAll(stats);
            named.removeAll(said);
            named.removeAll(notListed);
            out.put(g, new Listed(List.copyOf(stats), List.copyOf(said), List.copyOf(named), new ConcurrentHashMap<>()));
        }
        return out;
    }

    private Set<Node> notListed() {
        Set<Node> all = new HashSet<>();
        for (Node type : NOT_LISTED) all.addAll(classes.of(type));
        return all;
    }

    private List<Node> inTextOrder(Reads reads, List<Node> facts, String lang) {
        Map<Node, Long> at = new HashMap<>();
        for (Node f : facts) at.put(f, firstOffset(reads, f));
        List<Node> byLabel = site.labels().sorted(facts, lang);
        List<Node> out = new ArrayList<>(byLabel);
        out.sort(Comparator.comparingLong(at::get));
        return out;
    }
}
