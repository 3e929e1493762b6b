package org.aikg.server.page;

import static org.aikg.vocab.Vocab.*;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    ThingPage(Site site, Classes classes, Links links, Facts facts, Charts charts, SourceHubs hubs, Offsets offsets, JsonLd jsonLd) {
        this.site = site;
        this.classes = classes;
        this.links = links;
        this.facts = facts;
        this.charts = charts;
        this.hubs = hubs;
        this.offsets = offsets;
        this.jsonLd = jsonLd;
    }

    Resource resource(Node thing, String lang, boolean explicit, String docPath, int page) {
        return resource(site.data, thing, lang, explicit, docPath, page);
    }

    /**
     * The page of {@code thing} as described by {@code data} (the published graph, or a description
     * made for the request); null when {@code page} is past the last page of links.
     */
    Resource resource(Graph data, Node thing, String lang, boolean explicit, String docPath, int page) {
        Reads reads = new Reads(site.data);
        Reads own = data == site.data ? reads : new Reads(data);
        List<Link> types = new ArrayList<>();
        Map<Node, List<Node>> byProperty = new LinkedHashMap<>();
        Node body = own.one(thing, SCHEMA_articleBody);
        for (Triple t : own.of(thing)) {
            if (t.getPredicate().equals(RDF_type)) types.add(links.link(t.getObject(), lang, explicit));
            else if (!(body != null && t.getPredicate().equals(SCHEMA_articleBody))) byProperty.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject());
        }
        List<Row> rows = rows(byProperty, lang, explicit, own, thing);
        types.sort(Comparator.comparing(Link::text, LabelOrder.of(lang)));

        String title = Labels.capitalised(site.labels().label(thing, lang), lang);
        String figure = null;
        List<Chart> chartList = new ArrayList<>();
        if (own.has(thing, RDF_type, SCHEMA_Observation)) {
            figure = facts.figure(reads, thing, lang);
            chartList.addAll(charts.of(thing, lang, explicit));
        }
        List<Evidence> evidence = new ArrayList<>();
        if (own.has(thing, RDF_type, OA_SpecificResource)) {
            Evidence e = evidence(reads, thing, lang, explicit, null, true);
            if (e != null) evidence.add(e);
        }
        List<Triple> derived = own.all(thing, PROV_wasDerivedFrom);
        derived.sort(TripleOrder.INSTANCE);
        for (Triple t : derived) {
            Evidence e = evidence(reads, t.getObject(), lang, explicit, thing, false);
            if (e != null) evidence.add(e);
        }

        List<Inverse> inverse = new ArrayList<>();
        Map<Node, List<Node>> incoming = new LinkedHashMap<>();
        data.find(Node.ANY, Node.ANY, thing).forEachRemaining(t -> incoming.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getSubject()));
        incoming.forEach((p, subjects) -> {
            List<Node> sorted = site.labels().sorted(subjects, lang);
            int from = Math.min(sorted.size(), (page - 1) * Views.PAGE_SIZE);
            int to = Math.min(sorted.size(), from + Views.PAGE_SIZE);
            String more = to < sorted.size() ? Links.href(docPath + "?page=" + (page + 1), lang, explicit) : null;
            inverse.add(new Inverse(links.link(p, lang, explicit), sorted.size(), sorted.subList(from, to).stream().map(s -> links.link(s, lang, explicit)).toList(), more));
        });
        inverse.sort(Comparator.comparing(i -> i.property().text()));
        if (page > 1 && inverse.stream().allMatch(i -> i.subjects().isEmpty())) return null;

        List<Fragment> fragments = new ArrayList<>();
        for (List<Node> values : byProperty.values()) {
            for (Node o : values) {
                if (!isFragmentOf(o, thing) || own.one(o, NodeFactory.createURI(VOID + "class")) != null
                        || own.one(o, NodeFactory.createURI(DCAT + "downloadURL")) != null) continue;
                fragments.add(fragment(o, lang, explicit, own));
            }
        }
        fragments.sort(Comparator.comparing(Fragment::id));

        ArticleText text = body == null ? null : articleText(reads, thing, body.getLiteralLexicalForm(), lang, explicit);
        List<SourceFacts> sources = new ArrayList<>();
        if (data == site.data && !own.has(thing, RDF_type, OA_SpecificResource)) {
            for (SourceHubs.Source s : hubs.of(thing).stream().limit(SourceHubs.MAX_SOURCES).toList()) {
                SourceFacts f = hubs.facts(reads, s, thing, lang, explicit);
                if (f.total() > 0) sources.add(f);
            }
        }

        List<Link> crumbs = new ArrayList<>(List.of(Links.homeCrumb(lang)));
        types.stream().filter(t -> t.href() != null && t.href().startsWith("/class/")).findFirst()
                .ifPresent(t -> crumbs.add(new Link(Labels.capitalised(t.text(), lang), t.href(), t.title())));
        crumbs.add(new Link(title, null, null));
        String description = figure != null ? title + ": " + figure : types.isEmpty() ? title : title + " (" + types.get(0).text() + ")";
        Head head = Head.of(title, description, lang, thing.getURI(), alternates(docPath), jsonLd.thing(own, reads, thing), docPath);
        return new Resource(head, site.labels().foreignLanguage(thing, lang), thing.getURI(), crumbs, types, figure, evidence, rows, inverse, chartList,
                queryThis(thing), fragments, text, sources);
    }

    /** The other formats of a thing's description: {@code docPath} with each format's suffix. */
    static List<Alt> alternates(String docPath) {
        List<Alt> alts = new ArrayList<>();
        for (Format f : Offers.PAGE.formats()) alts.add(new Alt(f.label(), docPath + "." + f.suffix(), f.mediaType()));
        return alts;
    }

    private List<Row> rows(Map<Node, List<Node>> byProperty, String lang, boolean explicit, Reads own, Node thing) {
        List<Row> rows = new ArrayList<>();
        byProperty.forEach((p, values) -> {
            List<Value> shown = new ArrayList<>(values.stream().sorted(TripleOrder::node).map(v -> value(v, lang, explicit, own, thing)).toList());
            shown.sort(Comparator.comparing(Value::text, LabelOrder.of(lang)));
            rows.add(new Row(links.link(p, lang, explicit), shown));
        });
        rows.sort(Comparator.comparing(r -> r.property().text()));
        return rows;
    }

    /** One value of a property of {@code thing} as {@code own} reads it. */
    private Value value(Node o, String lang, boolean explicit, Reads own, Node thing) {
        if (o.isLiteral()) {
            String l = o.getLiteralLanguage();
            String note = !l.isEmpty() ? l : o.getLiteralDatatypeURI() == null || o.getLiteralDatatypeURI().endsWith("#string") ? null
                    : site.shortName(NodeFactory.createURI(o.getLiteralDatatypeURI()));
            return new Value(o.getLiteralLexicalForm(), null, l.isEmpty() ? null : l, note);
        }
        if (isFragmentOf(o, thing)) {
            Node cls = own.one(o, NodeFactory.createURI(VOID + "class"));
            if (cls != null) {
                return new Value(Labels.capitalised(site.labels().label(cls, lang), lang) + " (" + Numbers.count(classes.of(cls).size(), lang) + ")",
                        Links.href(classes.pageOf(cls), lang, explicit), null, null);
            }
            Node url = own.one(o, NodeFactory.createURI(DCAT + "downloadURL"));
            if (url != null) {
                Node title = own.one(o, DCT_title);
                return new Value(title != null ? title.getLiteralLexicalForm() : Labels.localName(url), site.pageOf(url), null, null);
            }
            return new Value(site.labels().label(o, lang), "#" + fragment(o), null, null);
        }
        Link k = links.link(o, lang, explicit);
        return new Value(k.text(), k.href(), null, null);
    }

    private static boolean isFragmentOf(Node o, Node thing) {
        return o.isURI() && thing.isURI() && o.getURI().startsWith(thing.getURI() + "#") && o.getURI().length() > thing.getURI().length() + 1;
    }

    private static String fragment(Node n) {
        return n.getURI().substring(n.getURI().indexOf('#') + 1);
    }

    /** A part of a thing shown on its page under its own id ({@code #position}): its type and properties. */
    private Fragment fragment(Node f, String lang, boolean explicit, Reads own) {
        Map<Node, List<Node>> byProperty = new LinkedHashMap<>();
        String title = null;
        boolean position = false;
        for (Triple t : own.of(f)) {
            if (t.getPredicate().equals(RDF_type)) {
                title = Labels.capitalised(site.labels().label(t.getObject(), lang), lang);
                position |= t.getObject().equals(OA_TextPositionSelector);
            } else {
                byProperty.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject());
            }
        }
        return new Fragment(fragment(f), title == null ? "#" + fragment(f) : title, rows(byProperty, lang, explicit, own, f),
                position ? Words.of(lang).offsets() : null);
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
    private Evidence evidence(Reads reads, Node passage, String lang, boolean explicit, Node fact, boolean onPassagePage) {
        Node article = reads.one(passage, OA_hasSource);
        if (article == null) return null;
        Node body = reads.one(article, SCHEMA_articleBody);
        long[] at = offsets.of(passage);
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
        Node stated = fact == null ? null : reads.one(fact, AIKG.statedAs);
        int f = stated == null ? -1 : quote.indexOf(stated.getLiteralLexicalForm());
        String figureText = f < 0 ? "" : stated.getLiteralLexicalForm();
        String quoteBefore = f < 0 ? quote : quote.substring(0, f);
        String quoteAfter = f < 0 ? "" : quote.substring(f + figureText.length());
        Node publisher = reads.one(article, SCHEMA_publisher);
        Node basedOn = reads.one(article, SCHEMA_isBasedOn);
        Node date = reads.one(article, SCHEMA_datePublished);
        Words w = Words.of(lang);
        String articlePage = site.pageOf(article);
        Link inArticle = new Link(w.characters(start, end), articlePage == null ? null : Links.href(articlePage + "#" + anchor(start, end), lang, explicit),
                passage.getURI());
        Link details = onPassagePage ? null : new Link(w.passageDetails(), Links.href(site.pageOf(passage), lang, explicit), passage.getURI());
        return new Evidence(before, quoteBefore, figureText, quoteAfter, after, links.link(article, lang, explicit),
                publisher == null ? null : links.link(publisher, lang, explicit), basedOn == null ? null : links.link(basedOn, lang, explicit),
                date == null ? null : Dates.format(date, lang), inArticle, details, textLanguage(reads, article));
    }

    /** The language of a document's text ({@code schema:inLanguage}), as an HTML lang value; null when unknown. */
    private static String textLanguage(Reads reads, Node article) {
        Node l = reads.one(article, SCHEMA_inLanguage);
        return l == null || !l.isLiteral() ? null : Labels.htmlLang(l.getLiteralLexicalForm());
    }

    /** An article's text in paragraphs, each of its passages highlighted in place and listed below with the facts drawn from it. */
    private ArticleText articleText(Reads reads, Node article, String body, String lang, boolean explicit) {
        Node headline = Labels.pick(reads.all(article, SCHEMA_headline), "en");
        List<Node> passages = hubs.passages(article);
        List<SourceText.Span> spans = new ArrayList<>();
        List<PassageItem> items = new ArrayList<>();
        int number = 0;
        int length = body.codePointCount(0, body.length());
        for (Node p : passages) {
            long[] at = offsets.of(p);
            if (at[0] < 0 || at[1] > length || at[0] >= at[1]) continue;
            number++;
            spans.add(new SourceText.Span((int) at[0], (int) at[1], anchor(at[0], at[1]), number, "#passage-" + number));
            List<Node> derived = new ArrayList<>();
            site.data.find(Node.ANY, PROV_wasDerivedFrom, p).forEachRemaining(t -> derived.add(t.getSubject()));
            List<Link> factLinks = site.labels().sorted(derived, lang).stream().map(n -> {
                Link l = links.link(n, lang, explicit);
                String fig = reads.has(n, RDF_type, SCHEMA_Observation) ? facts.figure(reads, n, lang) : null;
                return fig == null ? l : new Link(l.text() + Words.of(lang).colon() + fig, l.href(), l.title());
            }).toList();
            String quote = new String(body.codePoints().toArray(), (int) at[0], (int) (at[1] - at[0]));
            items.add(new PassageItem(number, "passage-" + number, links.link(p, lang, explicit), quote, factLinks));
        }
        return new ArticleText(textLanguage(reads, article), SourceText.paragraphs(body, headline == null ? null : headline.getLiteralLexicalForm(), spans), items);
    }
}
