package org.aikg.server;

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
import org.aikg.server.Views.Link;
import org.aikg.server.Views.Said;
import org.aikg.server.Views.SourceFacts;
import org.aikg.server.Views.Stat;
import org.aikg.server.Views.Words;
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
    private final Pages pages;
    /**
     * The things of a kind not listed, in any source's graph: kept once worked out, since a thing many
     * sources name (a place, a publisher) would otherwise have its types read once per source on every page.
     */
    private volatile Set<Node> notListed;
    /** The document of each source's graph found so far: one entry per named graph at most. */
    private final Map<Node, Node> documents = new ConcurrentHashMap<>();
    private static final Node NO_DOCUMENT = NodeFactory.createBlankNode("aikg-no-document");

    SourceHubs(Site site, Pages pages) {
        this.site = site;
        this.pages = pages;
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
        for (Node p : out) at.put(p, pages.offsets(p));
        out.sort(Comparator.comparingLong((Node p) -> at.get(p)[0]).thenComparing(p -> -at.get(p)[1]).thenComparing(Node::getURI));
        return out;
    }

    /** Where a fact first appears in its source's text (its earliest passage), for listing facts in text order. */
    long firstOffset(Reads reads, Node fact) {
        long best = Long.MAX_VALUE;
        Statistics.Statistic s = pages.statistics().of(fact);
        List<Node> passages = s != null ? s.passages() : reads.all(fact, PROV_wasDerivedFrom).stream().map(Triple::getObject).toList();
        for (Node p : passages) best = Math.min(best, pages.offsets(p)[0]);
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
        if (basedOn != null) parts.add(w.citing() + (lang.equals("zh") ? "" : " ") + site.labels().label(basedOn, lang));
        return String.join(lang.equals("zh") ? "，" : ", ", parts);
    }

    /**
     * The facts of a source other than {@code except} (the page's own thing): statistics and claims
     * in text order, other things by name; the total counts every fact of the source.
     */
    SourceFacts facts(Reads reads, Source source, Node except, String lang, boolean explicit) {
        List<Node> statistics = new ArrayList<>();
        List<Node> claims = new ArrayList<>();
        Set<Node> things = new LinkedHashSet<>();
        for (var it = site.dsg.find(source.graph(), Node.ANY, RDF_type, Node.ANY); it.hasNext();) {
            Quad q = it.next();
            Node s = q.getSubject();
            if (!s.isURI() || s.equals(source.document()) || s.getURI().contains("#") || site.pageOf(s) == null) continue;
            if (q.getObject().equals(SCHEMA_Observation)) statistics.add(s);
            else if (q.getObject().equals(SCHEMA_Claim)) claims.add(s);
            else if (!NOT_LISTED.contains(q.getObject())) things.add(s);
        }
        things.removeAll(statistics);
        things.removeAll(claims);
        things.removeAll(notListed());
        long total = statistics.size() + claims.size() + things.size();
        statistics.remove(except);
        claims.remove(except);
        things.remove(except);
        List<Stat> stats = inTextOrder(reads, statistics, lang).stream().limit(MAX_FACTS).map(o -> pages.stat(reads, o, lang, explicit)).toList();
        List<Said> said = inTextOrder(reads, claims, lang).stream().limit(MAX_FACTS).map(c -> pages.claim(reads, c, lang, explicit)).toList();
        List<Link> named = pages.sortedByLabel(List.copyOf(things), lang).stream().limit(MAX_FACTS).map(n -> pages.link(n, lang, explicit)).toList();
        Link doc = pages.link(source.document(), lang, explicit);
        String all = source.document().equals(except) ? null : pages.href(site.pageOf(source.document()) + "#facts", lang, explicit);
        return new SourceFacts(doc, byline(reads, source.document(), lang), stats, said, named, total, all);
    }

    private Set<Node> notListed() {
        Set<Node> s = notListed;
        if (s == null) {
            Set<Node> all = new HashSet<>();
            for (Node type : NOT_LISTED) all.addAll(pages.classes().of(type));
            notListed = s = Set.copyOf(all);
        }
        return s;
    }

    private List<Node> inTextOrder(Reads reads, List<Node> facts, String lang) {
        Map<Node, Long> at = new HashMap<>();
        for (Node f : facts) at.put(f, firstOffset(reads, f));
        List<Node> byLabel = pages.sortedByLabel(facts, lang);
        List<Node> out = new ArrayList<>(byLabel);
        out.sort(Comparator.comparingLong(at::get));
        return out;
    }
}
