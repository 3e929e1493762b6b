package org.aikg.server.page;

import static org.aikg.vocab.Vocab.*;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aikg.convert.TripleOrder;
import org.aikg.format.Format;
import org.aikg.server.http.Offers;
import org.aikg.server.page.Views.*;
import org.aikg.server.site.Dates;
import org.aikg.server.site.LabelOrder;
import org.aikg.server.site.Labels;
import org.aikg.server.site.Numbers;
import org.aikg.server.site.Site;
import org.aikg.server.site.Words;
import org.aikg.vocab.AIKG;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;

/**
 * The page of a thing ({@code /doc/{type}/{slug}}): its types and properties, the things that refer to
 * it, a statistic's figure and charts, the sentence behind a fact, a source's text with its passages,
 * and the other facts of its sources.
 */
final class ThingPage {
    private final Site site;
    private final Classes classes;
    private final Links links;
    private final Facts facts;
    private final Charts charts;
    private final SourceHubs hubs;
    private final Offsets offsets;
    private final JsonLd jsonLd;

    private final Histories histories;
    private final Citations citations;

    ThingPage(Site site, Classes classes, Links links, Facts facts, Charts charts, SourceHubs hubs, Offsets offsets, JsonLd jsonLd) {
        this.histories = new Histories(site, links);
        this.citations = new Citations(site);
        this.site = site;
        this.classes = classes;
        this.links = links;
        this.facts = facts;
        this.charts = charts;
        this.hubs = hubs;
        this.offsets = offsets;
        this.jsonLd = jsonLd;
    }

    /**
     * The page of {@code thing} as described by {@code data} (the published graph, or a description
     * made for the request); null when {@code page} is past the last page of links.
     */
    Resource resource(Graph data, Node thing, String lang, boolean explicit, String docPath, int page) {
        return view(read(data, thing, lang, explicit), docPath, page);
    }

    /**
     * Reads what the page of {@code thing} shows, once: its triples and its fragments', the passages
     * behind it and their articles, the things that refer to it, its sources' facts; then the name
     * of every node among them in {@code lang}, the figures, the dates.
     */
    private Seen read(Graph data, Node thing, String lang, boolean explicit) {
        Reads reads = new Reads(site.data);
        Reads own = data == site.data ? reads : new Reads(data);
        Map<Node, List<Triple>> ownTriples = new LinkedHashMap<>();
        Map<Node, List<Triple>> readTriples = new LinkedHashMap<>();
        Set<Node> linked = new LinkedHashSet<>();
        Set<Node> labelled = new LinkedHashSet<>();
        Set<Node> paged = new LinkedHashSet<>();
        Set<Node> classed = new LinkedHashSet<>();
        Set<Node> observations = new LinkedHashSet<>();
        Set<Node> dated = new LinkedHashSet<>();
        Set<Node> placed = new LinkedHashSet<>();
        labelled.add(thing);

        // the thing and its fragments, as the page's graph describes them
        List<Node> todo = new ArrayList<>(List.of(thing));
        while (!todo.isEmpty()) {
            Node s = todo.remove(0);
            List<Triple> ts = own.of(s);
            ownTriples.put(s, ts);
            for (Triple t : ts) {
                Node o = t.getObject();
                if (t.getPredicate().equals(RDF_type)) {
                    (s.equals(thing) ? linked : labelled).add(o);
                    continue;
                }
                linked.add(t.getPredicate());
                if (o.isLiteral()) continue;
                if (!isFragmentOf(o, s)) linked.add(o);
                else if (!ownTriples.containsKey(o) && !todo.contains(o)) todo.add(o);
            }
        }
        for (Node f : ownTriples.keySet()) {
            if (f.equals(thing)) continue;
            Node cls = own.one(f, VOID_CLASS);
            Node url = own.one(f, DCAT_DOWNLOAD_URL);
            if (cls != null) classed.add(cls);
            else if (url != null) paged.add(url);
            else labelled.add(f);
        }
        boolean observation = own.has(thing, RDF_type, SCHEMA_Observation);
        boolean passage = own.has(thing, RDF_type, OA_SpecificResource);
        Node body = own.one(thing, SCHEMA_articleBody);
        if (observation) observations.add(thing);

        // the passages behind the thing, and their articles, in the published graph
        List<Node> behind = new ArrayList<>();
        if (passage) behind.add(thing);
        List<Triple> derivedFrom = new ArrayList<>(own.all(thing, PROV_wasDerivedFrom));
        // a concept comes from the sentence that lists its scheme
        if (derivedFrom.isEmpty() && own.one(thing, SKOS_inScheme) != null) derivedFrom.addAll(reads.all(own.one(thing, SKOS_inScheme), PROV_wasDerivedFrom));
        derivedFrom.sort(TripleOrder.INSTANCE);
        for (Triple t : derivedFrom) behind.add(t.getObject());
        readTriples.put(thing, reads.of(thing));
        for (Node p : behind) {
            readTriples.put(p, reads.of(p));
            Node article = reads.one(p, OA_hasSource);
            if (article == null) continue;
            readTriples.put(article, reads.of(article));
            for (Node q : List.of(SCHEMA_publisher, SCHEMA_isBasedOn)) {
                Node n = reads.one(article, q);
                if (n != null) linked.add(n);
            }
            Node date = reads.one(article, SCHEMA_datePublished);
            if (date != null) dated.add(date);
            linked.add(article);
            paged.add(article);
            paged.add(p);
            placed.add(p);
        }
        Node headline = body == null ? null : Labels.pick(reads.all(thing, SCHEMA_headline), "en");

        // the things that refer to it
        Map<Node, List<Node>> incoming = new LinkedHashMap<>();
        data.find(Node.ANY, Node.ANY, thing).forEachRemaining(t -> incoming.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getSubject()));
        incoming.replaceAll((p, subjects) -> site.labels().sorted(subjects, lang));

        // an article's passages, and the facts drawn from each
        List<Node> passages = body == null ? List.of() : hubs.passages(thing);
        Map<Node, List<Node>> derived = new LinkedHashMap<>();
        for (Node p : passages) {
            List<Node> facts = new ArrayList<>();
            site.data.find(Node.ANY, PROV_wasDerivedFrom, p).forEachRemaining(t -> facts.add(t.getSubject()));
            derived.put(p, site.labels().sorted(facts, lang));
        }

        // the sources, and what each lists
        List<SourceHubs.Listing> sources = new ArrayList<>();
        if (data == site.data && !passage) {
            for (SourceHubs.Source s : hubs.of(thing).stream().limit(SourceHubs.MAX_SOURCES).toList()) {
                SourceHubs.Listing l = hubs.listing(reads, s, thing, lang, explicit);
                if (l.total() > 0) sources.add(l);
            }
        }
        Map<Node, Stat> stats = new LinkedHashMap<>();
        Map<Node, Said> claims = new LinkedHashMap<>();
        for (SourceHubs.Listing l : sources) {
            for (Node o : l.statistics()) stats.computeIfAbsent(o, k -> facts.stat(reads, k, lang, explicit));
            for (Node c : l.claims()) claims.computeIfAbsent(c, k -> facts.claim(reads, k, lang, explicit));
        }
        String json = jsonLd.thing(own, reads, thing);

        // the names, places, figures and dates of all these
        for (SourceHubs.Listing l : sources) {
            linked.addAll(l.things());
            linked.add(l.source().document());
        }
        incoming.forEach((p, subjects) -> {
            linked.add(p);
            linked.addAll(subjects);
        });
        derived.forEach((p, facts) -> {
            linked.add(p);
            linked.addAll(facts);
            placed.add(p);
            for (Node n : facts) if (reads.has(n, RDF_type, SCHEMA_Observation)) observations.add(n);
        });
        Map<Node, Link> links = new HashMap<>();
        for (Node n : linked) links.put(n, this.links.link(n, lang, explicit));
        Map<Node, String> labels = new HashMap<>();
        for (Node n : labelled) labels.put(n, site.labels().label(n, lang));
        Map<Node, Link> classLinks = new HashMap<>();
        for (Node cls : classed) {
            classLinks.put(cls, new Link(Labels.capitalised(site.labels().label(cls, lang), lang) + " (" + Numbers.count(classes.of(cls).size(), lang) + ")",
                    Links.href(classes.pageOf(cls), lang, explicit), null));
        }
        Map<Node, String> pages = new HashMap<>();
        for (Node n : paged) pages.put(n, site.pageOf(n));
        Map<Node, String> figures = new HashMap<>();
        for (Node n : observations) figures.put(n, facts.figure(reads, n, lang));
        Map<Node, String> dates = new HashMap<>();
        for (Node d : dated) dates.put(d, Dates.format(d, lang));
        Map<Node, long[]> offsets = new HashMap<>();
        for (Node p : placed) offsets.put(p, this.offsets.of(p));
        return new Seen(thing, lang, explicit, ownTriples, readTriples, links, labels, pages, figures, dates, offsets, classLinks, incoming, passages,
                derived, headline == null ? null : headline.getLiteralLexicalForm(), sources, stats, claims, json,
                site.labels().foreignLanguage(thing, lang));
    }

    /** The view of the page made of what was {@code seen}; null when {@code page} is past the last page of links. */
    private Resource view(Seen seen, String docPath, int page) {
        Node thing = seen.thing();
        String lang = seen.lang();
        boolean explicit = seen.explicit();
        List<Triple> own = seen.own().get(thing);
        List<Link> types = new ArrayList<>();
        Map<Node, List<Node>> byProperty = new LinkedHashMap<>();
        Node body = one(own, SCHEMA_articleBody);
        for (Triple t : own) {
            if (t.getPredicate().equals(RDF_type)) types.add(seen.links().get(t.getObject()));
            else if (!(body != null && t.getPredicate().equals(SCHEMA_articleBody))) byProperty.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject());
        }
        List<Row> rows = rows(seen, byProperty, thing);
        types.sort(Comparator.comparing(Link::text, LabelOrder.of(lang)));

        String title = Labels.capitalised(seen.labels().get(thing), lang);
        String figure = null;
        List<Chart> chartList = new ArrayList<>();
        if (has(own, RDF_type, SCHEMA_Observation)) {
            figure = seen.figures().get(thing);
            chartList.addAll(charts.of(thing, lang, explicit));
        }
        List<Evidence> evidence = new ArrayList<>();
        if (has(own, RDF_type, OA_SpecificResource)) {
            Evidence e = evidence(seen, thing, null, true);
            if (e != null) evidence.add(e);
        }
        List<Triple> derived = new ArrayList<>(own.stream().filter(t -> t.getPredicate().equals(PROV_wasDerivedFrom)).toList());
        Node scheme = one(own, SKOS_inScheme);
        if (derived.isEmpty() && scheme != null) derived.addAll(new Reads(site.data).all(scheme, PROV_wasDerivedFrom));
        derived.sort(TripleOrder.INSTANCE);
        for (Triple t : derived) {
            Evidence e = evidence(seen, t.getObject(), thing, false);
            if (e != null) evidence.add(e);
        }

        List<Inverse> inverse = new ArrayList<>();
        seen.incoming().forEach((p, sorted) -> {
            int from = Math.min(sorted.size(), (page - 1) * Views.PAGE_SIZE);
            int to = Math.min(sorted.size(), from + Views.PAGE_SIZE);
            String more = to < sorted.size() ? Links.href(docPath + "?page=" + (page + 1), lang, explicit) : null;
            inverse.add(new Inverse(seen.links().get(p), sorted.size(), sorted.subList(from, to).stream().map(seen.links()::get).toList(), more));
        });
        inverse.sort(Comparator.comparing(i -> i.property().text()));
        // what the page lists already as a property's values is not listed again as what refers to it
        // (a scheme's top concepts are also its concepts in the scheme and the concepts top of it)
        Set<Node> listed = new HashSet<>();
        byProperty.values().forEach(listed::addAll);
        inverse.removeIf(i -> {
            List<Node> from = seen.incoming().entrySet().stream().filter(e -> seen.links().get(e.getKey()).equals(i.property())).findFirst()
                    .map(Map.Entry::getValue).orElse(List.of());
            return !from.isEmpty() && listed.containsAll(from);
        });
        if (page > 1 && inverse.stream().allMatch(i -> i.subjects().isEmpty())) return null;

        List<Fragment> fragments = new ArrayList<>();
        for (List<Node> values : byProperty.values()) {
            for (Node o : values) {
                if (!isFragmentOf(o, thing) || one(seen.own().get(o), VOID_CLASS) != null || one(seen.own().get(o), DCAT_DOWNLOAD_URL) != null) continue;
                fragments.add(fragment(seen, o));
            }
        }
        fragments.sort(Comparator.comparing(Fragment::id));

        ArticleText text = body == null ? null : articleText(seen, body.getLiteralLexicalForm());
        List<SourceFacts> sources = seen.sources().stream().map(l -> SourceHubs.facts(seen, l)).toList();

        List<Link> crumbs = new ArrayList<>(List.of(Links.homeCrumb(lang)));
        Link previous = null;
        Link next = null;
        if (scheme != null) {
            // a concept's trail goes through its scheme, and its neighbours are those of the scheme in the source's order
            Link s = links.link(scheme, lang, explicit);
            crumbs.add(new Link(Labels.capitalised(s.text(), lang), s.href(), s.title()));
            List<Node> concepts = inOrder(site.data.find(Node.ANY, SKOS_inScheme, scheme).mapWith(Triple::getSubject).toList());
            int at = concepts.indexOf(thing);
            if (at > 0) previous = links.link(concepts.get(at - 1), lang, explicit);
            if (at >= 0 && at < concepts.size() - 1) next = links.link(concepts.get(at + 1), lang, explicit);
        } else {
            types.stream().filter(t -> t.href() != null && t.href().startsWith("/class/")).findFirst()
                    .ifPresent(t -> crumbs.add(new Link(Labels.capitalised(t.text(), lang), t.href(), t.title())));
        }
        crumbs.add(new Link(title, null, null));
        String description = figure != null ? title + ": " + figure : types.isEmpty() ? title : title + " (" + types.get(0).text() + ")";
        // the page's own format keeps the reader's language; the RDF formats have none to keep
        List<Alt> alts = alternates(docPath).stream().map(a -> a.mediaType().equals("text/html") ? new Alt(a.label(), Links.href(a.href(), lang, explicit),
                a.mediaType()) : a).toList();
        Head head = Head.of(title, description, lang, thing.getURI(), alts, seen.jsonLd(), docPath);
        return new Resource(head, seen.titleLanguage(), thing.getURI(), crumbs, types, figure, evidence, rows, inverse, chartList,
                Links.href(queryThis(thing), lang, explicit), fragments, text, sources, histories.of(thing, lang, explicit), Words.of(lang).history(),
                wording(own, lang), citations.of(thing, title, lang), previous, next);
    }

    private static final Node VOID_CLASS = NodeFactory.createURI(VOID + "class");
    private static final Node DCAT_DOWNLOAD_URL = NodeFactory.createURI(DCAT + "downloadURL");

    /** The first object of {@code p} among {@code triples}, or null. */
    private static Node one(List<Triple> triples, Node p) {
        if (triples == null) return null;
        for (Triple t : triples) if (t.getPredicate().equals(p)) return t.getObject();
        return null;
    }

    private static boolean has(List<Triple> triples, Node p, Node o) {
        for (Triple t : triples) if (t.getPredicate().equals(p) && t.getObject().equals(o)) return true;
        return false;
    }

    /**
     * Whether a claim's text is the source's own words or a paraphrase ({@code aikg:wording}); for a statistic, its
     * figure in the source's own words ({@code aikg:statedAs}); null for anything else.
     */
    private static String wording(List<Triple> own, String lang) {
        Words w = Words.of(lang);
        Node wording = one(own, AIKG.wording);
        if (AIKG.Verbatim.equals(wording)) return w.wordingVerbatim();
        if (AIKG.Paraphrase.equals(wording)) return w.wordingParaphrase();
        Node stated = one(own, AIKG.statedAs);
        return stated != null && stated.isLiteral() ? w.statedInSource(stated.getLiteralLexicalForm()) : null;
    }

    /** {@code nodes} in the order of their {@code schema:position}, when each has one; else null. */
    private List<Node> positioned(List<Node> nodes) {
        Map<Node, Long> at = new HashMap<>();
        Reads reads = new Reads(site.data);
        for (Node n : nodes) {
            if (!n.isURI()) return null;
            Node p = reads.one(n, SCHEMA_position);
            if (p == null || !p.isLiteral() || !(p.getLiteralValue() instanceof Number number)) return null;
            at.put(n, number.longValue());
        }
        List<Node> out = new ArrayList<>(nodes);
        out.sort(Comparator.comparing((Node n) -> at.get(n)).thenComparing(Node::getURI));
        return out;
    }

    /** {@code nodes} by position where all have one, else by IRI. */
    private List<Node> inOrder(List<Node> nodes) {
        List<Node> p = positioned(nodes);
        if (p != null) return p;
        List<Node> out = new ArrayList<>(nodes);
        out.sort(Comparator.comparing(Node::getURI));
        return out;
    }

    /** The releases, newest first, for {@code /changes}. */
    List<Views.ReleaseView> releases(String lang, boolean explicit) {
        return histories.releases(lang, explicit);
    }

    /** Each version with its notes, for the dataset's page. */
    List<Views.HistoryEntry> versions(String lang, boolean explicit) {
        return histories.versions(lang, explicit);
    }

    /** The other formats of a thing's description: {@code docPath} with each format's suffix. */
    static List<Alt> alternates(String docPath) {
        List<Alt> alts = new ArrayList<>();
        for (Format f : Offers.PAGE.formats()) alts.add(new Alt(f.label(), docPath + "." + f.suffix(), f.mediaType()));
        return alts;
    }

    private List<Row> rows(Seen seen, Map<Node, List<Node>> byProperty, Node thing) {
        List<Row> rows = new ArrayList<>();
        byProperty.forEach((p, values) -> {
            List<Node> ordered = positioned(values);
            List<Value> shown = new ArrayList<>((ordered != null ? ordered : values.stream().sorted(TripleOrder::node).toList()).stream()
                    .map(v -> value(seen, v, thing)).toList());
            // values the source lists in an order (a scheme's concepts, schema:position) keep it; others go by name
            if (ordered == null) shown.sort(Comparator.comparing(Value::text, LabelOrder.of(seen.lang())));
            rows.add(new Row(seen.links().get(p), shown));
        });
        rows.sort(Comparator.comparing(r -> r.property().text()));
        return rows;
    }

    /** One value of a property of {@code thing} as the page's graph describes it. */
    private Value value(Seen seen, Node o, Node thing) {
        if (o.isLiteral()) {
            String l = o.getLiteralLanguage();
            String note = !l.isEmpty() ? l : o.getLiteralDatatypeURI() == null || o.getLiteralDatatypeURI().endsWith("#string") ? null
                    : site.shortName(NodeFactory.createURI(o.getLiteralDatatypeURI()));
            return new Value(o.getLiteralLexicalForm(), null, l.isEmpty() ? null : l, note);
        }
        if (isFragmentOf(o, thing)) {
            List<Triple> own = seen.own().get(o);
            Node cls = one(own, VOID_CLASS);
            if (cls != null) {
                Link c = seen.classes().get(cls);
                return new Value(c.text(), c.href(), null, null);
            }
            Node url = one(own, DCAT_DOWNLOAD_URL);
            if (url != null) {
                Node title = one(own, DCT_title);
                return new Value(title != null ? title.getLiteralLexicalForm() : Labels.localName(url), seen.pages().get(url), null, null);
            }
            return new Value(seen.labels().get(o), "#" + fragment(o), null, null);
        }
        Link k = seen.links().get(o);
        return new Value(k.text(), k.href(), null, null);
    }

    private static boolean isFragmentOf(Node o, Node thing) {
        return o.isURI() && thing.isURI() && o.getURI().startsWith(thing.getURI() + "#") && o.getURI().length() > thing.getURI().length() + 1;
    }

    private static String fragment(Node n) {
        return n.getURI().substring(n.getURI().indexOf('#') + 1);
    }

    /** A part of a thing shown on its page under its own id ({@code #position}): its type and properties. */
    private Fragment fragment(Seen seen, Node f) {
        Map<Node, List<Node>> byProperty = new LinkedHashMap<>();
        String title = null;
        boolean position = false;
        for (Triple t : seen.own().get(f)) {
            if (t.getPredicate().equals(RDF_type)) {
                title = Labels.capitalised(seen.labels().get(t.getObject()), seen.lang());
                position |= t.getObject().equals(OA_TextPositionSelector);
            } else {
                byProperty.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject());
            }
        }
        return new Fragment(fragment(f), title == null ? "#" + fragment(f) : title, rows(seen, byProperty, f),
                position ? Words.of(seen.lang()).offsets() : null);
    }

    /** The query's text around the thing, encoded once: URL-encoding encodes character by character, so the parts can be encoded apart. */
    private static final String QUERY_BEFORE = "/sparql?query=" + URLEncoder.encode("SELECT ?property ?value WHERE {\n  ", StandardCharsets.UTF_8);
    private static final String QUERY_AFTER = URLEncoder.encode(" ?property ?value .\n}", StandardCharsets.UTF_8);

    /** The link that runs {@code SELECT ?property ?value WHERE { <thing> ?property ?value . }}. */
    private static String queryThis(Node thing) {
        return QUERY_BEFORE + URLEncoder.encode(NodeFmtLib.strNT(thing), StandardCharsets.UTF_8) + QUERY_AFTER;
    }

    /** The anchor of a passage in its article's page. */
    private static String anchor(long start, long end) {
        return "chars-" + start + "-" + end;
    }

    /**
     * The sentence of a passage, inside its paragraph of the article's text, with the figure
     * {@code fact} states emphasised within it (where the fact is a statistic whose wording is in it).
     */
    private static Evidence evidence(Seen seen, Node passage, Node fact, boolean onPassagePage) {
        String lang = seen.lang();
        boolean explicit = seen.explicit();
        Node article = one(seen.read().get(passage), OA_hasSource);
        if (article == null) return null;
        List<Triple> about = seen.read().get(article);
        Node body = one(about, SCHEMA_articleBody);
        long[] at = seen.offsets().get(passage);
        if (body == null || at[0] == Long.MAX_VALUE) return null;
        String text = body.getLiteralLexicalForm();
        int[] cps = text.codePoints().toArray();
        if (at[0] < 0 || at[1] > cps.length || at[0] >= at[1]) return null;
        int start = (int) at[0];
        int end = (int) at[1];
        int pStart = start;
        while (pStart > 0 && !(cps[pStart - 1] == '\n' && pStart > 1 && cps[pStart - 2] == '\n')) pStart--;
        int pEnd = end;
        while (pEnd < cps.length && !(cps[pEnd] == '\n' && pEnd + 1 < cps.length && cps[pEnd + 1] == '\n')) pEnd++;
        String before = new String(cps, pStart, start - pStart).stripLeading();
        String quote = new String(cps, start, end - start);
        String after = new String(cps, end, pEnd - end).stripTrailing();
        Node stated = fact == null ? null : one(seen.read().get(fact), AIKG.statedAs);
        int f = stated == null ? -1 : quote.indexOf(stated.getLiteralLexicalForm());
        String figureText = f < 0 ? "" : stated.getLiteralLexicalForm();
        String quoteBefore = f < 0 ? quote : quote.substring(0, f);
        String quoteAfter = f < 0 ? "" : quote.substring(f + figureText.length());
        Node publisher = one(about, SCHEMA_publisher);
        Node basedOn = one(about, SCHEMA_isBasedOn);
        Node date = one(about, SCHEMA_datePublished);
        Words w = Words.of(lang);
        String articlePage = seen.pages().get(article);
        Link inArticle = new Link(w.characters(start, end), articlePage == null ? null : Links.href(articlePage + "#" + anchor(start, end), lang, explicit),
                passage.getURI());
        Link details = onPassagePage ? null : new Link(w.passageDetails(), Links.href(seen.pages().get(passage), lang, explicit), passage.getURI());
        return new Evidence(before, quoteBefore, figureText, quoteAfter, after, seen.links().get(article),
                publisher == null ? null : seen.links().get(publisher), basedOn == null ? null : seen.links().get(basedOn),
                date == null ? null : seen.dates().get(date), inArticle, details, textLanguage(about));
    }

    /** The language of a document's text ({@code schema:inLanguage}), as an HTML lang value; null when unknown. */
    private static String textLanguage(List<Triple> article) {
        Node l = one(article, SCHEMA_inLanguage);
        return l == null || !l.isLiteral() ? null : Labels.htmlLang(l.getLiteralLexicalForm());
    }

    /** An article's text in paragraphs, each of its passages highlighted in place and listed below with the facts drawn from it. */
    private static ArticleText articleText(Seen seen, String body) {
        String lang = seen.lang();
        List<SourceText.Span> spans = new ArrayList<>();
        List<PassageItem> items = new ArrayList<>();
        int number = 0;
        int length = body.codePointCount(0, body.length());
        for (Node p : seen.passages()) {
            long[] at = seen.offsets().get(p);
            if (at[0] < 0 || at[1] > length || at[0] >= at[1]) continue;
            number++;
            spans.add(new SourceText.Span((int) at[0], (int) at[1], anchor(at[0], at[1]), number, "#passage-" + number));
            List<Link> factLinks = seen.derived().get(p).stream().map(n -> {
                Link l = seen.links().get(n);
                String fig = seen.figures().get(n);
                return fig == null ? l : new Link(l.text() + Words.of(lang).colon() + fig, l.href(), l.title());
            }).toList();
            String quote = new String(body.codePoints().toArray(), (int) at[0], (int) (at[1] - at[0]));
            items.add(new PassageItem(number, "passage-" + number, seen.links().get(p), quote, factLinks));
        }
        return new ArticleText(textLanguage(seen.read().get(seen.thing())), SourceText.paragraphs(body, seen.headline(), spans), items);
    }
}
