package org.aikg.server;

import static org.aikg.vocab.Vocab.*;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aikg.query.NamedQuery;
import org.aikg.server.Views.*;
import org.aikg.server.http.Format;
import org.aikg.server.http.Formats;
import org.aikg.server.http.Offers;
import org.aikg.vocab.AIKG;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.graph.GraphFactory;

/** Builds the models of the HTML pages from the published graph. */
final class Pages {
    static final int PAGE_SIZE = 50;
    private static final int HOME_LIMIT = 12;

    private final Site site;

    Pages(Site site) {
        this.site = site;
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

    Link link(Node n, String lang, boolean explicit) {
        String text = site.labels().label(n, lang);
        String local = site.pageOf(n);
        String href;
        if (local != null) href = href(local, lang, explicit);
        else if (n.isURI() && site.vocab().contains(n, Node.ANY, Node.ANY) && n.getURI().startsWith(AIKG.NS)) href = "/def#" + n.getURI().substring(AIKG.NS.length());
        else href = n.isURI() ? n.getURI() : null;
        return new Link(text, href, n.isURI() ? n.getURI() : null);
    }

    Head head(String title, String description, String lang, String canonical, List<Alt> alternates, String jsonLd, String path, boolean explicit) {
        String other = lang.equals("zh") ? "en" : "zh";
        String otherHref = path == null ? null : path + (path.contains("?") ? "&" : "?") + "lang=" + other;
        return new Head(title, description, Ui.of(lang), canonical, alternates, jsonLd, otherHref);
    }

    private Value value(Node o, String lang, boolean explicit) {
        if (o.isLiteral()) {
            String l = o.getLiteralLanguage();
            String note = !l.isEmpty() ? l : o.getLiteralDatatypeURI() == null || o.getLiteralDatatypeURI().endsWith("#string") ? null
                    : site.shortName(NodeFactory.createURI(o.getLiteralDatatypeURI()));
            return new Value(o.getLiteralLexicalForm(), null, l.isEmpty() ? null : l, note);
        }
        Link k = link(o, lang, explicit);
        return new Value(k.text(), k.href(), null, null);
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
        List<Link> types = new ArrayList<>();
        Map<Node, List<Node>> byProperty = new LinkedHashMap<>();
        for (Triple t : data.find(thing, Node.ANY, Node.ANY).toList()) {
            if (t.getPredicate().equals(RDF_type)) types.add(link(t.getObject(), lang, explicit));
            else byProperty.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject());
        }
        List<Row> rows = new ArrayList<>();
        byProperty.forEach((p, values) -> {
            values.sort(Comparator.comparing((Node o) -> o.isLiteral() ? o.getLiteralLexicalForm() : site.labels().label(o, lang)).thenComparing(org.aikg.convert.TripleOrder::node));
            rows.add(new Row(link(p, lang, explicit), values.stream().map(v -> value(v, lang, explicit)).toList()));
        });
        rows.sort(Comparator.comparing(r -> r.property().text()));
        types.sort(Comparator.comparing(Link::text));

        String title = site.labels().label(thing, lang);
        String figure = null;
        List<Chart> charts = new ArrayList<>();
        if (data.contains(thing, RDF_type, SCHEMA_Observation)) {
            figure = figure(thing, lang);
            Node variable = one(thing, SCHEMA_variableMeasured);
            if (variable != null) title = site.labels().label(variable, lang) + dateSuffix(thing);
            Node unit = one(thing, SCHEMA_unitCode);
            charts.addAll(charts(lang, explicit, unit, sameSource(thing)));
        }
        List<Evidence> evidence = new ArrayList<>();
        if (data.contains(thing, RDF_type, OA_SpecificResource)) {
            Evidence e = evidence(thing, lang, explicit);
            if (e != null) evidence.add(e);
        }
        List<Triple> derived = data.find(thing, PROV_wasDerivedFrom, Node.ANY).toList();
        derived.sort(org.aikg.convert.TripleOrder.INSTANCE);
        for (Triple t : derived) {
            Evidence e = evidence(t.getObject(), lang, explicit);
            if (e != null) evidence.add(e);
        }

        List<Inverse> inverse = new ArrayList<>();
        Map<Node, List<Node>> incoming = new LinkedHashMap<>();
        data.find(Node.ANY, Node.ANY, thing).forEachRemaining(t -> incoming.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getSubject()));
        incoming.forEach((p, subjects) -> {
            List<Node> sorted = sortedByLabel(subjects, lang);
            subjects.clear();
            subjects.addAll(sorted);
            int from = Math.min(subjects.size(), (page - 1) * PAGE_SIZE);
            int to = Math.min(subjects.size(), from + PAGE_SIZE);
            String more = to < subjects.size() ? href(docPath + "?page=" + (page + 1), lang, explicit) : null;
            inverse.add(new Inverse(link(p, lang, explicit), subjects.size(), subjects.subList(from, to).stream().map(s -> link(s, lang, explicit)).toList(), more));
        });
        inverse.sort(Comparator.comparing(i -> i.property().text()));
        if (page > 1 && inverse.stream().allMatch(i -> i.subjects().isEmpty())) return null;

        String description = figure != null ? title + ": " + figure : types.isEmpty() ? title : title + " (" + types.get(0).text() + ")";
        List<Alt> alts = alternates(docPath);
        Head head = head(title, description, lang, thing.getURI(), alts, jsonLd(thing), docPath, explicit);
        return new Resource(head, thing.getURI(), types, figure, evidence, rows, inverse, charts, queryThis(thing));
    }

    List<Alt> alternates(String docPath) {
        List<Alt> alts = new ArrayList<>();
        for (Format f : Offers.PAGE.formats()) alts.add(new Alt(f.label(), docPath + "." + f.suffix(), f.mediaType()));
        return alts;
    }

    private String queryThis(Node thing) {
        String q = "SELECT ?property ?value WHERE {\n  " + NodeFmtLib.strNT(thing) + " ?property ?value .\n}";
        return "/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    /** The schema.org view of a thing, as JSON-LD safe to put inside a script element. */
    private String jsonLd(Node thing) {
        Graph g = GraphFactory.createGraphMem();
        g.getPrefixMapping().setNsPrefix("schema", SCHEMA);
        List<Triple> about = site.data.find(thing, Node.ANY, Node.ANY).toList();
        about.sort(org.aikg.convert.TripleOrder.INSTANCE);
        for (Triple t : about) {
            boolean schemaTerm = t.getPredicate().getURI().startsWith(SCHEMA)
                    || (t.getPredicate().equals(RDF_type) && t.getObject().isURI() && t.getObject().getURI().startsWith(SCHEMA));
            if (schemaTerm && !t.getPredicate().equals(SCHEMA_articleBody)) g.add(t);
        }
        if (g.isEmpty()) return null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(g).format(RDFFormat.JSONLD11_PRETTY).output(out);
        return out.toString(StandardCharsets.UTF_8).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private Node one(Node s, Node p) {
        List<Triple> l = site.data.find(s, p, Node.ANY).toList();
        return l.isEmpty() ? null : l.get(0).getObject();
    }

    private String dateSuffix(Node obs) {
        Node d = one(obs, SCHEMA_observationDate);
        return d == null ? "" : " (" + d.getLiteralLexicalForm() + ")";
    }

    /** The figure of an observation in the reader's language. */
    String figure(Node obs, String lang) {
        Node v = one(obs, SCHEMA_value);
        if (v == null) v = one(obs, SCHEMA_minValue);
        if (v == null) v = one(obs, SCHEMA_maxValue);
        if (v == null || !v.isLiteral()) return null;
        BigDecimal amount;
        try {
            amount = new BigDecimal(v.getLiteralLexicalForm());
        } catch (NumberFormatException e) {
            return v.getLiteralLexicalForm();
        }
        Node unit = one(obs, SCHEMA_unitCode);
        Node q = one(obs, AIKG.valueQualifier);
        return Numbers.format(amount, unit == null ? null : unit.getURI(), q == null ? null : q.getURI(), lang);
    }

    /** The sentence of a passage, inside its paragraph of the article's text. */
    Evidence evidence(Node passage, String lang, boolean explicit) {
        Node article = one(passage, OA_hasSource);
        if (article == null) return null;
        Node body = one(article, SCHEMA_articleBody);
        Node position = null;
        for (Triple t : site.data.find(passage, OA_hasSelector, Node.ANY).toList()) {
            if (site.data.contains(t.getObject(), RDF_type, OA_TextPositionSelector)) position = t.getObject();
        }
        if (body == null || position == null) return null;
        Node s = one(position, OA_start);
        Node e = one(position, OA_end);
        if (s == null || e == null) return null;
        String text = body.getLiteralLexicalForm();
        int[] cps = text.codePoints().toArray();
        int start = Integer.parseInt(s.getLiteralLexicalForm());
        int end = Integer.parseInt(e.getLiteralLexicalForm());
        if (start < 0 || end > cps.length || start >= end) return null;
        int pStart = start;
        while (pStart > 0 && !(cps[pStart - 1] == '\n' && pStart > 1 && cps[pStart - 2] == '\n')) pStart--;
        int pEnd = end;
        while (pEnd < cps.length && !(cps[pEnd] == '\n' && pEnd + 1 < cps.length && cps[pEnd + 1] == '\n')) pEnd++;
        String before = new String(cps, pStart, start - pStart).stripLeading();
        String quote = new String(cps, start, end - start);
        String after = new String(cps, end, pEnd - end).stripTrailing();
        Node publisher = one(article, SCHEMA_publisher);
        Node date = one(article, SCHEMA_datePublished);
        return new Evidence(before, quote, after, link(article, lang, explicit), publisher == null ? null : site.labels().label(publisher, lang),
                date == null ? null : date.getLiteralLexicalForm(), new Link("¶ " + start + "–" + end, href(site.pageOf(passage), lang, explicit), passage.getURI()));
    }

    /** The observations stated in the same source (named graph) as {@code obs}: a statistic's chart compares it with its neighbours. */
    private List<Node> sameSource(Node obs) {
        List<Node> out = new ArrayList<>();
        site.dsg.find(Node.ANY, obs, RDF_type, SCHEMA_Observation).forEachRemaining(q -> {
            if (q.isDefaultGraph()) return;
            site.dsg.find(q.getGraph(), Node.ANY, RDF_type, SCHEMA_Observation).forEachRemaining(o -> {
                if (!out.contains(o.getSubject())) out.add(o.getSubject());
            });
        });
        return out.isEmpty() ? List.of(obs) : out;
    }

    /** Bar charts of {@code candidates} (observations), one per unit (only {@code onlyUnit} when given). */
    List<Chart> charts(String lang, boolean explicit, Node onlyUnit, List<Node> candidates) {
        Map<Node, List<Node>> byUnit = new LinkedHashMap<>();
        for (Node obs : sortedByLabel(candidates, lang)) {
            Node unit = one(obs, SCHEMA_unitCode);
            if (unit == null || (onlyUnit != null && !onlyUnit.equals(unit))) continue;
            List<Node> l = byUnit.computeIfAbsent(unit, k -> new ArrayList<>());
            if (l.size() < HOME_LIMIT) l.add(obs);
        }
        List<Chart> charts = new ArrayList<>();
        byUnit.forEach((unit, list) -> {
            BigDecimal max = BigDecimal.ZERO;
            for (Node o : list) max = max.max(amount(o));
            List<Bar> bars = new ArrayList<>();
            int y = 0;
            for (Node o : list) {
                BigDecimal a = amount(o);
                int width = max.signum() == 0 ? 0 : a.multiply(BigDecimal.valueOf(360)).divide(max, java.math.MathContext.DECIMAL64).intValue();
                boolean bound = one(o, SCHEMA_value) == null;
                Node variable = one(o, SCHEMA_variableMeasured);
                String label = variable == null ? site.labels().label(o, lang) : site.labels().label(variable, lang);
                if (label.length() > 40) label = label.substring(0, 39) + "…";
                bars.add(new Bar(label, figure(o, lang), y, Math.max(2, width), bound, href(site.pageOf(o), lang, explicit)));
                y += 28;
            }
            charts.add(new Chart(site.labels().label(unit, lang), 760, y, bars));
        });
        return charts;
    }

    private BigDecimal amount(Node obs) {
        for (Node p : List.of(SCHEMA_value, SCHEMA_minValue, SCHEMA_maxValue)) {
            Node v = one(obs, p);
            if (v != null) {
                try {
                    return new BigDecimal(v.getLiteralLexicalForm()).abs();
                } catch (NumberFormatException ignored) {
                    return BigDecimal.ZERO;
                }
            }
        }
        return BigDecimal.ZERO;
    }

    private List<Node> observations() {
        return ofType(SCHEMA_Observation);
    }

    private List<Node> ofType(Node type) {
        List<Node> out = new ArrayList<>();
        site.data.find(Node.ANY, RDF_type, type).forEachRemaining(t -> out.add(t.getSubject()));
        return out;
    }

    /** Nodes in label order (each label looked up once), ties by IRI. */
    private List<Node> sortedByLabel(List<Node> nodes, String lang) {
        Map<Node, String> labels = new java.util.HashMap<>();
        for (Node n : nodes) labels.computeIfAbsent(n, k -> site.labels().label(k, lang));
        List<Node> copy = new ArrayList<>(nodes);
        copy.sort(Comparator.comparing((Node n) -> labels.get(n)).thenComparing(org.aikg.convert.TripleOrder::node));
        return copy;
    }

    // ---- home ----

    Home home(String lang, boolean explicit, Downloads downloads) {
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
        List<Stat> stats = new ArrayList<>();
        for (Node o : sortedByLabel(observations(), lang).stream().limit(HOME_LIMIT * 3).toList()) {
            Node variable = one(o, SCHEMA_variableMeasured);
            Link l = link(o, lang, explicit);
            Link named = new Link(variable == null ? l.text() : site.labels().label(variable, lang), l.href(), l.title());
            Node date = one(o, SCHEMA_observationDate);
            stats.add(new Stat(named, figure(o, lang), date == null ? "" : date.getLiteralLexicalForm()));
        }
        List<Link> claims = new ArrayList<>();
        for (Node c : sortedByLabel(ofType(SCHEMA_Claim), lang).stream().limit(HOME_LIMIT).toList()) {
            Node text = Labels.pick(site.data.find(c, SCHEMA_text, Node.ANY).toList(), lang);
            Node author = one(c, SCHEMA_author);
            Link l = link(c, lang, explicit);
            String t = (author == null ? "" : site.labels().label(author, lang) + ": ") + (text == null ? l.text() : text.getLiteralLexicalForm());
            claims.add(new Link(t, l.href(), l.title()));
        }
        List<Link> articles = site.sources().stream().limit(HOME_LIMIT * 3).map(a -> link(a, lang, explicit)).toList();
        List<Download> dl = new ArrayList<>();
        for (Downloads.File f : downloads.files()) {
            if (f.gzip()) continue;
            Downloads.File gz = downloads.find(f.name() + ".gz");
            dl.add(new Download(f.format().label(), "/download/" + f.name(), "/download/" + gz.name(), f.mediaType(), f.bytes(), gz.bytes()));
        }
        List<Link> queries = site.queries().all().stream().map(q -> new Link(q.title(), "/queries/" + q.name(), null)).toList();
        List<Alt> alts = List.of(new Alt("VoID (Turtle)", "/dataset", Formats.TURTLE.mediaType()));
        Head head = head(title, description, lang, site.base, alts, null, "/", explicit);
        return new Home(head, description, site.triples(), site.entities(), site.sources().size(), entries, stats, charts(lang, explicit, null, observations()), claims, articles, dl, queries);
    }

    // ---- queries ----

    Queries queries(String lang, boolean explicit) {
        List<QueryLink> list = site.queries().all().stream().map(q -> queryLink(q)).toList();
        return new Queries(head(Ui.of(lang).queries(), null, lang, null, List.of(), null, "/queries", explicit), list);
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
        List<Term> classes = terms(List.of(owlClass), lang, explicit);
        List<Term> properties = terms(List.of(NodeFactory.createURI(OWL + "ObjectProperty"), NodeFactory.createURI(OWL + "DatatypeProperty")), lang, explicit);
        List<Term> individuals = terms(List.of(AIKG.ValueQualifier, SKOS_ConceptScheme), lang, explicit);
        String t = title == null ? "aikg" : title.getLiteralLexicalForm();
        List<Alt> alts = List.of(new Alt("Turtle", "/def.ttl", Formats.TURTLE.mediaType()));
        Head head = head(t, desc == null ? null : desc.getLiteralLexicalForm(), lang, AIKG.ONTOLOGY, alts, null, "/def", explicit);
        return new Ontology(head, t, desc == null ? "" : desc.getLiteralLexicalForm(), classes, properties, individuals);
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
                        out.size();
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

    Message message(int status, String heading, String text, String lang) {
        return new Message(head(heading, null, lang, null, List.of(), null, null, false), status, heading, text);
    }
}
