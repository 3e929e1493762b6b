package org.aikg.server;

import static org.aikg.vocab.Vocab.*;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.aikg.convert.TripleOrder;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.aikg.query.NamedQuery;
import org.aikg.server.Views.*;
import org.aikg.server.http.Offers;
import org.aikg.vocab.AIKG;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;

/** Builds the models of the HTML pages from the published graph. */
final class Pages {
    static final int PAGE_SIZE = 50;
    private static final int HOME_LIMIT = 12;

    private final Site site;
    private final Classes classes;
    private final SourceHubs hubs;
    private final Charts charts;
    private final JsonLd jsonLd;
    private final Offsets offsets;
    private final Statistics statistics;
    /**
     * The figures of statistics as written in each language, kept once written, like labels: a statistic's
     * figure is shown on its page, in the charts of its neighbours and beside every other fact of its source.
     */
    private final Map<Node, Optional<String>> figuresEn = new ConcurrentHashMap<>();
    private final Map<Node, Optional<String>> figuresZh = new ConcurrentHashMap<>();
    /** The most figures kept per language. */
    private static final int KEPT = 200_000;

    Pages(Site site) {
        this.site = site;
        this.classes = new Classes(site);
        this.statistics = new Statistics(site.data, classes);
        this.hubs = new SourceHubs(site, this);
        this.charts = new Charts(site, this);
        this.jsonLd = new JsonLd(site);
        this.offsets = new Offsets(site.data);
    }

    /**
     * Works out now, once, what pages need of the whole published graph (classes, statistics, charts,
     * passages' places, sources' lists), so that no request has to: called a little after the server listens.
     */
    void prepare() {
        classes.instances();
        statistics.all();
        charts.prepare();
        offsets.prepare();
        hubs.prepare();
    }

    Classes classes() {
        return classes;
    }

    Statistics statistics() {
        return statistics;
    }

    // ---- shared pieces ----

    /** A local link, keeping an explicit language choice. */
    String href(String path, String lang, boolean explicitLang) {
        if (path == null) return null;
        if (!explicitLang) return path;
        int hash = path.indexOf('#');
        String frag = hash >= 0 ? path.substring(hash) : "";
        String p = hash >= 0 ? path.substring(0, hash) : path;
        return p + (p.contains("?") ? "&" : "?") + "lang=" + lang + frag;
    }

    /** A link to a node: its local page, its term in /def, its class page, or else its IRI. */
    Link link(Node n, String lang, boolean explicit) {
        String local = site.pageOf(n);
        String text = site.labels().label(n, lang);
        // a page of the site that the data names but does not label (the endpoint, a file): its path
        if (local != null && !local.startsWith("/doc/") && !local.equals("/") && text.equals(Labels.localName(n))) text = local;
        String href;
        if (local != null) href = href(local, lang, explicit);
        else if (n.isURI() && site.vocab().contains(n, Node.ANY, Node.ANY) && n.getURI().startsWith(AIKG.NS)) href = "/def#" + n.getURI().substring(AIKG.NS.length());
        else if (n.isURI() && classes.pageOf(n) != null) href = href(classes.pageOf(n), lang, explicit);
        else href = n.isURI() ? n.getURI() : null;
        return new Link(text, href, n.isURI() ? n.getURI() : null);
    }

    Head head(String title, String description, String lang, String canonical, List<Alt> alternates, String jsonLd, String path, boolean explicit) {
        String other = lang.equals("zh") ? "en" : "zh";
        String otherHref = path == null ? null : path + (path.contains("?") ? "&" : "?") + "lang=" + other;
        return new Head(title, description, Ui.of(lang), canonical, alternates, jsonLd, otherHref);
    }

    /** The home page, as the first step of every trail. */
    private Link homeCrumb(String lang) {
        return new Link(Ui.of(lang).home(), lang.equals("zh") ? "/?lang=zh" : "/", null);
    }

    /** One value of a property of {@code thing} as {@code data} describes it. */
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
                return new Value(capitalised(site.labels().label(cls, lang), lang) + " (" + Numbers.count(classes.of(cls).size(), lang) + ")",
                        href(classes.pageOf(cls), lang, explicit), null, null);
            }
            Node url = own.one(o, NodeFactory.createURI(DCAT + "downloadURL"));
            if (url != null) {
                Node title = own.one(o, DCT_title);
                return new Value(title != null ? title.getLiteralLexicalForm() : Labels.localName(url), site.pageOf(url), null, null);
            }
            return new Value(site.labels().label(o, lang), "#" + fragment(o), null, null);
        }
        Link k = link(o, lang, explicit);
        return new Value(k.text(), k.href(), null, null);
    }

    private static boolean isFragmentOf(Node o, Node thing) {
        return o.isURI() && thing.isURI() && o.getURI().startsWith(thing.getURI() + "#") && o.getURI().length() > thing.getURI().length() + 1;
    }

    private static String fragment(Node n) {
        return n.getURI().substring(n.getURI().indexOf('#') + 1);
    }

    // ---- a thing's page ----

    Resource resource(Node thing, String lang, boolean explicit, String docPath, int page) {
        return resource(site.data, thing, lang, explicit, docPath, page);
    }

    /**
     * The page of {@code thing} as described by {@code data} (the published graph, or a description
     * made for the request); null when {@code page} is past the last page of links.
     */
    Resource resource(Graph data, Node thing, String lang, boolean explicit, String docPath, int page) {
        Words w = Words.of(lang);
        Reads reads = new Reads(site.data);
        Reads own = data == site.data ? reads : new Reads(data);
        List<Link> types = new ArrayList<>();
        Map<Node, List<Node>> byProperty = new LinkedHashMap<>();
        Node body = own.one(thing, SCHEMA_articleBody);
        for (Triple t : own.of(thing)) {
            if (t.getPredicate().equals(RDF_type)) types.add(link(t.getObject(), lang, explicit));
            else if (!(body != null && t.getPredicate().equals(SCHEMA_articleBody))) byProperty.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject());
        }
        List<Row> rows = rows(byProperty, lang, explicit, own, thing);
        types.sort(Comparator.comparing(Link::text, order(lang)));

        String title = capitalised(site.labels().label(thing, lang), lang);
        String figure = null;
        List<Chart> chartList = new ArrayList<>();
        if (own.has(thing, RDF_type, SCHEMA_Observation)) {
            figure = figure(reads, thing, lang);
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
            List<Node> sorted = sortedByLabel(subjects, lang);
            int from = Math.min(sorted.size(), (page - 1) * PAGE_SIZE);
            int to = Math.min(sorted.size(), from + PAGE_SIZE);
            String more = to < sorted.size() ? href(docPath + "?page=" + (page + 1), lang, explicit) : null;
            inverse.add(new Inverse(link(p, lang, explicit), sorted.size(), sorted.subList(from, to).stream().map(s -> link(s, lang, explicit)).toList(), more));
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

        List<Link> crumbs = new ArrayList<>(List.of(homeCrumb(lang)));
        types.stream().filter(t -> t.href() != null && t.href().startsWith("/class/")).findFirst()
                .ifPresent(t -> crumbs.add(new Link(capitalised(t.text(), lang), t.href(), t.title())));
        crumbs.add(new Link(title, null, null));
        String description = figure != null ? title + ": " + figure : types.isEmpty() ? title : title + " (" + types.get(0).text() + ")";
        List<Alt> alts = alternates(docPath);
        Head head = head(title, description, lang, thing.getURI(), alts, jsonLd.thing(own, reads, thing), docPath, explicit);
        return new Resource(head, site.labels().foreignLanguage(thing, lang), thing.getURI(), crumbs, types, figure, evidence, rows, inverse, chartList, queryThis(thing), fragments, text,
                sources);
    }

    private List<Row> rows(Map<Node, List<Node>> byProperty, String lang, boolean explicit, Reads own, Node thing) {
        List<Row> rows = new ArrayList<>();
        byProperty.forEach((p, values) -> {
            List<Value> shown = new ArrayList<>(values.stream().sorted(TripleOrder::node).map(v -> value(v, lang, explicit, own, thing)).toList());
            shown.sort(Comparator.comparing(Value::text, order(lang)));
            rows.add(new Row(link(p, lang, explicit), shown));
        });
        rows.sort(Comparator.comparing(r -> r.property().text()));
        return rows;
    }

    /** A part of a thing shown on its page under its own id ({@code #position}): its type and properties. */
    private Fragment fragment(Node f, String lang, boolean explicit, Reads own) {
        Map<Node, List<Node>> byProperty = new LinkedHashMap<>();
        String title = null;
        boolean position = false;
        for (Triple t : own.of(f)) {
            if (t.getPredicate().equals(RDF_type)) {
                title = capitalised(site.labels().label(t.getObject(), lang), lang);
                position |= t.getObject().equals(OA_TextPositionSelector);
            } else {
                byProperty.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject());
            }
        }
        return new Fragment(fragment(f), title == null ? "#" + fragment(f) : title, rows(byProperty, lang, explicit, own, f),
                position ? Words.of(lang).offsets() : null);
    }

    List<Alt> alternates(String docPath) {
        List<Alt> alts = new ArrayList<>();
        for (Format f : Offers.PAGE.formats()) alts.add(new Alt(f.label(), docPath + "." + f.suffix(), f.mediaType()));
        return alts;
    }

    /** The query's text around the thing, encoded once: URL-encoding encodes character by character, so the parts can be encoded apart. */
    private static final String QUERY_BEFORE = "/sparql?query=" + URLEncoder.encode("SELECT ?property ?value WHERE {\n  ", StandardCharsets.UTF_8);
    private static final String QUERY_AFTER = URLEncoder.encode(" ?property ?value .\n}", StandardCharsets.UTF_8);

    /** The link that runs {@code SELECT ?property ?value WHERE { <thing> ?property ?value . }}. */
    private static String queryThis(Node thing) {
        return QUERY_BEFORE + URLEncoder.encode(NodeFmtLib.strNT(thing), StandardCharsets.UTF_8) + QUERY_AFTER;
    }

    Node one(Node s, Node p) {
        return one(site.data, s, p);
    }

    private static Node one(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    /** The figure of an observation in the reader's language. */
    String figure(Node obs, String lang) {
        return figure(new Reads(site.data), obs, lang);
    }

    String figure(Reads reads, Node obs, String lang) {
        Statistics.Statistic s = statistics.of(obs);
        if (s != null) {
            Map<Node, Optional<String>> kept = lang.startsWith("zh") ? figuresZh : figuresEn;
            Optional<String> f = kept.get(obs);
            if (f == null) {
                f = Optional.ofNullable(figure(s.value() != null ? s.value() : s.minValue() != null ? s.minValue() : s.maxValue(), s.unit(), s.qualifier(), lang));
                if (kept.size() < KEPT) kept.put(obs, f);
            }
            return f.orElse(null);
        }
        Node v = reads.one(obs, SCHEMA_value);
        if (v == null) v = reads.one(obs, SCHEMA_minValue);
        if (v == null) v = reads.one(obs, SCHEMA_maxValue);
        return figure(v, reads.one(obs, SCHEMA_unitCode), reads.one(obs, AIKG.valueQualifier), lang);
    }

    private static String figure(Node v, Node unit, Node q, String lang) {
        if (v == null || !v.isLiteral()) return null;
        BigDecimal amount;
        try {
            amount = new BigDecimal(v.getLiteralLexicalForm());
        } catch (NumberFormatException e) {
            return v.getLiteralLexicalForm();
        }
        return Numbers.format(amount, unit == null ? null : unit.getURI(), q == null ? null : q.getURI(), lang);
    }

    /** A statistic in a list: its variable, its figure, its period (or that the source gives none). */
    Stat stat(Node o, String lang, boolean explicit) {
        return stat(new Reads(site.data), o, lang, explicit);
    }

    Stat stat(Reads reads, Node o, String lang, boolean explicit) {
        Statistics.Statistic s = statistics.of(o);
        Node variable = s != null ? s.variable() : reads.one(o, SCHEMA_variableMeasured);
        Link l = link(o, lang, explicit);
        Node date = s != null ? s.date() : reads.one(o, SCHEMA_observationDate);
        return new Stat(new Link(variable == null ? l.text() : site.labels().label(variable, lang), l.href(), l.title()), figure(reads, o, lang),
                date == null ? Words.of(lang).noPeriod() : Dates.format(date, lang));
    }

    /** A claim in a list: who made it and all it says, in the language it is said in. */
    Said claim(Node c, String lang, boolean explicit) {
        return claim(new Reads(site.data), c, lang, explicit);
    }

    Said claim(Reads reads, Node c, String lang, boolean explicit) {
        Node text = Labels.pick(reads.all(c, SCHEMA_text), lang);
        Node author = reads.one(c, SCHEMA_author);
        Link l = link(c, lang, explicit);
        return new Said(l.href(), author == null ? null : site.labels().label(author, lang), text == null ? l.text() : text.getLiteralLexicalForm(),
                site.labels().foreignLanguage(c, lang));
    }

    /** The start and end (code points) of a passage, from its position selector; {@code Long.MAX_VALUE} where it has none. */
    long[] offsets(Node passage) {
        return offsets.of(passage);
    }

    /** The anchor of a passage in its article's page. */
    static String anchor(long start, long end) {
        return "chars-" + start + "-" + end;
    }

    /**
     * The sentence of a passage, inside its paragraph of the article's text, with the figure
     * {@code fact} states emphasised within it (where the fact is a statistic whose wording is in it).
     */
    Evidence evidence(Reads reads, Node passage, String lang, boolean explicit, Node fact, boolean onPassagePage) {
        Node article = reads.one(passage, OA_hasSource);
        if (article == null) return null;
        Node body = reads.one(article, SCHEMA_articleBody);
        long[] at = offsets(passage);
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
        Link inArticle = new Link(w.characters(start, end), articlePage == null ? null : href(articlePage + "#" + anchor(start, end), lang, explicit),
                passage.getURI());
        Link details = onPassagePage ? null : new Link(w.passageDetails(), href(site.pageOf(passage), lang, explicit), passage.getURI());
        return new Evidence(before, quoteBefore, figureText, quoteAfter, after, link(article, lang, explicit),
                publisher == null ? null : link(publisher, lang, explicit), basedOn == null ? null : link(basedOn, lang, explicit),
                date == null ? null : Dates.format(date, lang), inArticle, details, textLanguage(reads, article));
    }

    /** The language of a document's text ({@code schema:inLanguage}), as an HTML lang value; null when unknown. */
    private String textLanguage(Reads reads, Node article) {
        Node l = reads.one(article, SCHEMA_inLanguage);
        return l == null || !l.isLiteral() ? null : htmlLang(l.getLiteralLexicalForm());
    }

    /** A language tag for HTML's lang attribute ("zh" is written Simplified, as the data's zh is); null for none. */
    private static String htmlLang(String tag) {
        return tag == null || tag.isEmpty() ? null : tag.equalsIgnoreCase("zh") ? "zh-Hans" : tag;
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
            long[] at = offsets(p);
            if (at[0] < 0 || at[1] > length || at[0] >= at[1]) continue;
            number++;
            spans.add(new SourceText.Span((int) at[0], (int) at[1], anchor(at[0], at[1]), number, "#passage-" + number));
            List<Node> facts = new ArrayList<>();
            site.data.find(Node.ANY, PROV_wasDerivedFrom, p).forEachRemaining(t -> facts.add(t.getSubject()));
            List<Link> factLinks = sortedByLabel(facts, lang).stream().map(n -> {
                Link l = link(n, lang, explicit);
                String fig = reads.has(n, RDF_type, SCHEMA_Observation) ? figure(reads, n, lang) : null;
                return fig == null ? l : new Link(l.text() + (lang.equals("zh") ? "：" : ": ") + fig, l.href(), l.title());
            }).toList();
            String quote = new String(body.codePoints().toArray(), (int) at[0], (int) (at[1] - at[0]));
            items.add(new PassageItem(number, "passage-" + number, link(p, lang, explicit), quote, factLinks));
        }
        return new ArticleText(textLanguage(reads, article), SourceText.paragraphs(body, headline == null ? null : headline.getLiteralLexicalForm(), spans), items);
    }

    /** Nodes in label order, numbers in labels by their value ("173" before "1081"), ties by IRI. */
    List<Node> sortedByLabel(List<Node> nodes, String lang) {
        Map<Node, String> labels = new HashMap<>();
        for (Node n : nodes) labels.computeIfAbsent(n, k -> site.labels().label(k, lang));
        List<Node> copy = new ArrayList<>(nodes);
        copy.sort(Comparator.comparing((Node n) -> labels.get(n), order(lang)).thenComparing(TripleOrder::node));
        return copy;
    }

    /** The order of labels for a language: numbers by value; Chinese by its collation (pinyin), other text by code point. */
    static Comparator<String> order(String lang) {
        if (!lang.equals("zh")) return Pages::natural;
        Collator zh = Collator.getInstance(Locale.SIMPLIFIED_CHINESE);
        return (a, b) -> natural(a, b, zh);
    }

    /** Compares texts with the numbers in them by value: "characters 173–297" comes before "characters 1081–1215". */
    static int natural(String a, String b) {
        return natural(a, b, null);
    }

    private static int natural(String a, String b, Collator collator) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            boolean da = Character.isDigit(a.charAt(i));
            boolean db = Character.isDigit(b.charAt(j));
            int ei = i;
            int ej = j;
            while (ei < a.length() && Character.isDigit(a.charAt(ei)) == da) ei++;
            while (ej < b.length() && Character.isDigit(b.charAt(ej)) == db) ej++;
            String x = a.substring(i, ei);
            String y = b.substring(j, ej);
            int c;
            if (da && db) c = new BigDecimal(x).compareTo(new BigDecimal(y));
            else if (collator != null) c = collator.compare(x, y);
            else c = x.compareTo(y);
            if (c != 0) {
                // a run that is a prefix of the other: compare what follows it instead of the runs' lengths
                if (!da && !db && collator == null && (x.startsWith(y) || y.startsWith(x))) return a.substring(i).compareTo(b.substring(j));
                return c;
            }
            i = ei;
            j = ej;
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    static String capitalised(String s, String lang) {
        return lang.equals("zh") || s.isEmpty() ? s : s.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + s.substring(1);
    }

    private List<Node> ofType(Node type) {
        return classes.of(type);
    }

    // ---- home ----

    Home home(String lang, boolean explicit, List<Downloads.File> files) {
        Node ds = site.datasetNode;
        Node titleNode = Labels.pick(site.data.find(ds, DCT_title, Node.ANY).toList(), lang);
        Node descNode = Labels.pick(site.data.find(ds, DCT_description, Node.ANY).toList(), lang);
        String title = titleNode != null ? titleNode.getLiteralLexicalForm() : Ui.of(lang).siteTitle();
        String description = descNode != null ? descNode.getLiteralLexicalForm() : "";
        List<Link> entries = new ArrayList<>();
        for (String type : List.of("ExhibitionEvent", "Event", "Report", "ResearchOrganization", "Person")) {
            sortedByLabel(ofType(NodeFactory.createURI(SCHEMA + type)), lang).stream().limit(HOME_LIMIT).forEach(n -> entries.add(link(n, lang, explicit)));
        }
        for (Node s : sortedByLabel(ofType(SKOS_ConceptScheme), lang).stream().limit(HOME_LIMIT).toList()) entries.add(link(s, lang, explicit));
        List<Stat> stats = sortedByLabel(ofType(SCHEMA_Observation), lang).stream().limit(HOME_LIMIT * 3).map(o -> stat(o, lang, explicit)).toList();
        List<Said> claims = sortedByLabel(ofType(SCHEMA_Claim), lang).stream().limit(HOME_LIMIT).map(c -> claim(c, lang, explicit)).toList();
        List<Link> articles = site.sources().stream().limit(HOME_LIMIT * 3).map(a -> link(a, lang, explicit)).toList();
        List<Download> dl = downloads(lang, files);
        List<Link> queries = site.queries().all().stream().map(q -> new Link(q.title(lang), href("/queries/" + q.name(), lang, explicit), null)).toList();
        List<Alt> alts = List.of(new Alt("VoID (Turtle)", "/dataset", Formats.TURTLE.mediaType()));
        Head head = head(title, description, lang, site.base, alts, jsonLd.dataset(files), "/", explicit);
        return new Home(head, description, Numbers.count(site.triples(), lang), Numbers.count(site.entities(), lang), site.sources().size(), entries,
                classCounts(lang, explicit), stats, charts.all(lang, explicit), claims, articles, dl, queries);
    }

    /** The files as a table: each format's file, and its compressed one beside it; a size once the file is written. */
    private static List<Download> downloads(String lang, List<Downloads.File> files) {
        List<Download> dl = new ArrayList<>();
        for (int i = 0; i + 1 < files.size(); i += 2) {
            Downloads.File f = files.get(i);
            Downloads.File gz = files.get(i + 1);
            dl.add(new Download(f.format().label(), "/download/" + f.name(), "/download/" + gz.name(), f.mediaType(), f.bytes(),
                    size(f, lang), gz.bytes(), size(gz, lang)));
        }
        return dl;
    }

    private static String size(Downloads.File f, String lang) {
        return f.written() ? Numbers.bytes(f.bytes(), lang) : Words.of(lang).beingWritten();
    }

    /** {@code /download/}: every file in the site's layout. */
    DownloadList downloadList(String lang, boolean explicit, List<Downloads.File> files) {
        Ui ui = Ui.of(lang);
        Head head = head(ui.downloads(), Words.of(lang).downloadsIntro(), lang, null, List.of(), jsonLd.dataset(files), "/download/", explicit);
        return new DownloadList(head, downloads(lang, files));
    }

    /** {@code /dataset}: the VoID and DCAT description, with the dataset's schema.org view for search engines. */
    Resource datasetPage(Graph voidGraph, String lang, boolean explicit, List<Downloads.File> files) {
        Resource r = resource(voidGraph, site.datasetNode, lang, explicit, "/dataset", 1);
        Head h = r.head();
        Head head = new Head(h.title(), h.description(), h.ui(), h.canonical(), h.alternates(), jsonLd.dataset(files), h.otherLangHref());
        return new Resource(head, r.titleLang(), r.iri(), r.breadcrumbs(), r.types(), r.figure(), r.evidence(), r.rows(), r.inverse(), r.charts(), r.queryHref(),
                r.fragments(), r.text(), r.sources());
    }

    // ---- classes ----

    private List<ClassCount> classCounts(String lang, boolean explicit) {
        List<ClassCount> out = new ArrayList<>();
        classes.instances().forEach((cls, things) -> {
            Link l = link(cls, lang, explicit);
            out.add(new ClassCount(new Link(capitalised(l.text(), lang), l.href(), l.title()), things.size()));
        });
        out.sort(Comparator.comparing((ClassCount c) -> c.type().text(), order(lang)));
        return out;
    }

    /** {@code /class}: every class with things here, with how many. */
    ClassIndex classIndex(String lang, boolean explicit) {
        Words w = Words.of(lang);
        List<ClassCount> list = classCounts(lang, explicit);
        String json = jsonLd.collection(w.classes(), null, classes.instances().keySet().stream().toList());
        Head head = head(w.classes(), null, lang, null, List.of(), json, "/class", explicit);
        return new ClassIndex(head, List.of(homeCrumb(lang), new Link(w.classes(), null, null)), list);
    }

    /** {@code /class/{Type}}: one page of the things of a class, in label order; null past the last page. */
    ClassPage classPage(Node cls, String lang, boolean explicit, String path, int page) {
        Words w = Words.of(lang);
        List<Node> all = classes.ordered(cls, lang, things -> sortedByLabel(things, lang));
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page > pages) return null;
        List<Node> shown = all.subList((page - 1) * PAGE_SIZE, Math.min(all.size(), page * PAGE_SIZE));
        List<Item> items = new ArrayList<>();
        for (Node n : shown) {
            String detail = null;
            if (site.data.contains(n, RDF_type, SCHEMA_Observation)) detail = figure(n, lang);
            else if (site.data.contains(n, RDF_type, OA_SpecificResource)) detail = quote(n);
            items.add(new Item(link(n, lang, explicit), detail));
        }
        String title = capitalised(site.labels().label(cls, lang), lang);
        String count = w.count(all.size());
        String prev = page > 1 ? href(page == 2 ? path : path + "?page=" + (page - 1), lang, explicit) : null;
        String next = page < pages ? href(path + "?page=" + (page + 1), lang, explicit) : null;
        List<Alt> alts = new ArrayList<>();
        for (Format f : Offers.PAGE.formats()) if (f != Formats.HTML) alts.add(new Alt(f.label(), path + "?format=" + f.suffix(), f.mediaType()));
        Head head = head(title, title + ": " + count, lang, null, alts, jsonLd.collection(title, cls, shown),
                page > 1 ? path + "?page=" + page : path, explicit);
        List<Link> crumbs = List.of(homeCrumb(lang), new Link(w.classes(), href("/class", lang, explicit), null), new Link(title, null, null));
        Node comment = Labels.pick(site.vocab().find(cls, NodeFactory.createURI(RDFS + "comment"), Node.ANY).toList(), lang);
        return new ClassPage(head, crumbs, cls.getURI(), comment == null ? null : comment.getLiteralLexicalForm(),
                comment == null ? null : htmlLang(comment.getLiteralLanguage()), count, items, pages > 1 ? w.pageOf(page, pages) : null, prev, next);
    }

    /** The words of a passage, from its quote selector. */
    private String quote(Node passage) {
        for (Triple t : site.data.find(passage, OA_hasSelector, Node.ANY).toList()) {
            Node exact = one(t.getObject(), OA_exact);
            if (exact != null) return exact.getLiteralLexicalForm();
        }
        return null;
    }

    // ---- queries ----

    Queries queries(String lang, boolean explicit) {
        List<QueryLink> list = site.queries().all().stream().map(q -> new QueryLink(q.name(), q.title(lang), q.description(lang),
                href("/queries/" + q.name(), lang, explicit))).toList();
        String title = Ui.of(lang).queries();
        return new Queries(head(title, null, lang, null, List.of(), jsonLd.webPage(title, null), "/queries", explicit), list);
    }

    static QueryLink queryLink(NamedQuery q) {
        return new QueryLink(q.name(), q.title(), q.description(), "/queries/" + q.name());
    }

    // ---- the ontology ----

    Ontology ontology(String lang, boolean explicit) {
        Graph o = site.ontology();
        Node ont = NodeFactory.createURI(AIKG.ONTOLOGY);
        Node title = Labels.pick(o.find(ont, DCT_title, Node.ANY).toList(), lang);
        Node desc = Labels.pick(o.find(ont, DCT_description, Node.ANY).toList(), lang);
        Node owlClass = NodeFactory.createURI(OWL + "Class");
        List<Term> classList = terms(List.of(owlClass), lang, explicit);
        List<Term> properties = terms(List.of(NodeFactory.createURI(OWL + "ObjectProperty"), NodeFactory.createURI(OWL + "DatatypeProperty")), lang, explicit);
        List<Term> individuals = terms(List.of(NodeFactory.createURI(OWL + "NamedIndividual")), lang, explicit);  // every concept and scheme of the ontology
        String t = title == null ? "aikg" : title.getLiteralLexicalForm();
        List<Alt> alts = List.of(new Alt("Turtle", "/def.ttl", Formats.TURTLE.mediaType()));
        Head head = head(t, desc == null ? null : desc.getLiteralLexicalForm(), lang, AIKG.ONTOLOGY, alts, jsonLd.webPage(t, ont), "/def", explicit);
        return new Ontology(head, t, desc == null ? "" : desc.getLiteralLexicalForm(), classList, properties, individuals);
    }

    private List<Term> terms(List<Node> types, String lang, boolean explicit) {
        List<Term> out = new ArrayList<>();
        for (Node type : types) {
            for (Triple t : site.ontology().find(Node.ANY, RDF_type, type).toList()) {
                Node n = t.getSubject();
                if (!n.isURI() || !n.getURI().startsWith(AIKG.NS)) continue;
                List<Link> details = new ArrayList<>();
                for (String p : List.of(RDFS + "subClassOf", RDFS + "domain", RDFS + "range", SKOS + "inScheme", SKOS + "definition")) {
                    Node pn = NodeFactory.createURI(p);
                    for (Triple d : site.ontology().find(n, pn, Node.ANY).toList()) {
                        Node v = d.getObject();
                        if (v.isLiteral() && !Labels.matches(v.getLiteralLanguage().toLowerCase(java.util.Locale.ROOT), lang) && !v.getLiteralLanguage().isEmpty()) continue;
                        Link target = v.isLiteral() ? new Link(v.getLiteralLexicalForm(), null, null) : link(v, lang, explicit);
                        details.add(new Link(target.text(), target.href(), site.labels().label(pn, lang)));
                    }
                }
                String local = n.getURI().substring(AIKG.NS.length());
                out.add(new Term(local, n.getURI(), site.labels().label(n, lang), site.labels().comment(n, lang), details));
            }
        }
        out.sort(Comparator.comparing(Term::name));
        return out;
    }

    /** The search page: the hits grouped by the label of their type, groups in order of their best hit. */
    Search search(String query, List<org.aikg.search.SearchIndex.Hit> hits, String lang, boolean explicit) {
        Map<String, List<Link>> groups = new LinkedHashMap<>();
        for (var hit : hits) {
            Node type = one(hit.thing(), RDF_type);
            String group = type == null ? "" : site.labels().label(type, lang);
            Link l = link(hit.thing(), lang, explicit);
            groups.computeIfAbsent(group, k -> new ArrayList<>()).add(new Link(hit.label(), l.href(), l.title()));
        }
        Ui ui = Ui.of(lang);
        String title = query.isBlank() ? ui.search() : ui.searchResults() + ": " + query;
        Head head = head(title, null, lang, null, List.of(), null, "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), explicit);
        return new Search(head, query, groups.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList());
    }

    Message message(int status, String heading, String text, String lang) {
        return new Message(head(heading, null, lang, null, List.of(), null, null, false), status, heading, text);
    }
}
