package org.aikg.convert;

import static org.aikg.vocab.Vocab.*;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.aikg.source.FactSheet.Article;
import org.aikg.source.FactSheet.Claim;
import org.aikg.source.FactSheet.Concept;
import org.aikg.source.FactSheet.Date;
import org.aikg.source.FactSheet.Entity;
import org.aikg.source.FactSheet.Evidence;
import org.aikg.source.FactSheet.Iri;
import org.aikg.source.FactSheet.Property;
import org.aikg.source.FactSheet.Ref;
import org.aikg.source.FactSheet.Scheme;
import org.aikg.source.FactSheet.Statistic;
import org.aikg.source.FactSheet.Text;
import org.aikg.source.FactSheet.Variable;
import org.aikg.source.FactSheet;
import org.aikg.source.Qualifier;
import org.aikg.vocab.AIKG;
import org.aikg.vocab.Vocab;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/** Turns one fact sheet into the triples of its source's graph, per MODEL.md. */
final class SheetTriples {
    private final FactSheet sheet;
    private final Iris iris;
    private final Collection<Triple> out;
    private final TextAnchor anchor;
    private final Node article;
    private final Map<String, Node> entities = new HashMap<>();

    SheetTriples(FactSheet sheet, Iris iris, Collection<Triple> out) {
        this.sheet = sheet;
        this.iris = iris;
        this.out = out;
        this.anchor = new TextAnchor(sheet.text(), sheet.article().textFile());
        this.article = iris.article(sheet.article().id());
        for (Entity e : sheet.entities()) entities.put(e.id(), iris.thing(e.type().path(), e.id()));
    }

    void emit() {
        article(sheet.article());
        sheet.entities().forEach(this::entity);
        sheet.variables().forEach(this::variable);
        sheet.statistics().forEach(this::statistic);
        sheet.claims().forEach(this::claim);
        sheet.schemes().forEach(this::scheme);
    }

    private void article(Article a) {
        add(article, RDF_type, SCHEMA_NewsArticle);
        a.headline().forEach(t -> add(article, SCHEMA_headline, lang(t)));
        add(article, SCHEMA_datePublished, typed(a.datePublished(), XSDDatatype.XSDdate));
        add(article, SCHEMA_inLanguage, NodeFactory.createLiteralString(a.inLanguage()));
        add(article, SCHEMA_publisher, entity(a.publisher()));
        if (a.isBasedOn() != null) add(article, SCHEMA_isBasedOn, entity(a.isBasedOn()));
        a.about().forEach(r -> add(article, SCHEMA_about, entity(r)));
        add(article, SCHEMA_articleBody, NodeFactory.createLiteralString(sheet.text()));
    }

    private void entity(Entity e) {
        Node s = entities.get(e.id());
        add(s, RDF_type, NodeFactory.createURI(Vocab.SCHEMA + e.type().name()));
        for (Property p : e.properties()) {
            Node predicate = NodeFactory.createURI(Vocab.SCHEMA + p.key().name());
            add(s, predicate, value(p.value()));
        }
        derivedFrom(s, e.evidence());
    }

    private void variable(Variable v) {
        Node s = iris.thing("variable", v.id());
        add(s, RDF_type, SCHEMA_StatisticalVariable);
        v.names().forEach(t -> add(s, SCHEMA_name, lang(t)));
        if (v.changeOf() != null) add(s, AIKG.changeOf, iris.thing("variable", v.changeOf().id()));
    }

    private void statistic(Statistic st) {
        Node s = iris.thing("observation", st.id());
        add(s, RDF_type, SCHEMA_Observation);
        add(s, SCHEMA_variableMeasured, iris.thing("variable", st.variable().id()));
        add(s, SCHEMA_observationAbout, entity(st.about()));
        if (st.date() != null) add(s, SCHEMA_observationDate, date(st.date()));
        Qualifier q = st.amount().qualifier();
        Node valueProperty = q.isPoint() ? SCHEMA_value : q.isLowerBound() ? SCHEMA_minValue : SCHEMA_maxValue;
        add(s, valueProperty, typed(st.amount().lexical(), XSDDatatype.XSDdecimal));
        add(s, SCHEMA_unitCode, NodeFactory.createURI(Vocab.UNIT + st.unit().qudtLocalName()));
        add(s, AIKG.valueQualifier, NodeFactory.createURI(AIKG.NS + q.name()));
        add(s, AIKG.statedAs, NodeFactory.createLiteralLang(st.stated(), sheet.article().inLanguage()));
        if (st.changeOf() != null) add(s, AIKG.changeOf, iris.thing("observation", st.changeOf().id()));
        st.notes().forEach(t -> add(s, SKOS_editorialNote, lang(t)));
        derivedFrom(s, st.evidence());
    }

    private void claim(Claim c) {
        Node s = iris.thing("claim", c.id());
        add(s, RDF_type, SCHEMA_Claim);
        add(s, SCHEMA_author, entity(c.author()));
        c.text().forEach(t -> add(s, SCHEMA_text, lang(t)));
        add(s, SCHEMA_appearance, article);
        c.about().forEach(r -> add(s, SCHEMA_about, entity(r)));
        TextAnchor.Anchor a = derivedFrom(s, c.evidence());
        // the source's own words only when a text equals the passage's exact quote; reported speech reworded is a paraphrase
        boolean verbatim = a != null && c.text().stream().anyMatch(t -> t.value().equals(a.exact()));
        add(s, AIKG.wording, verbatim ? AIKG.Verbatim : AIKG.Paraphrase);
    }

    private void scheme(Scheme sc) {
        Node s = iris.thing("scheme", sc.id());
        add(s, RDF_type, SKOS_ConceptScheme);
        sc.labels().forEach(t -> add(s, SKOS_prefLabel, lang(t)));
        int position = 0;
        for (Concept c : sc.concepts()) {
            Node cn = iris.thing("concept", c.id());
            add(cn, RDF_type, SKOS_Concept);
            // the order the source lists them in, which SKOS's unordered hasTopConcept does not keep
            add(cn, SCHEMA_position, typed(Integer.toString(++position), XSDDatatype.XSDinteger));
            c.labels().forEach(t -> add(cn, SKOS_prefLabel, lang(t)));
            add(cn, SKOS_inScheme, s);
            add(cn, SKOS_topConceptOf, s);
            add(s, SKOS_hasTopConcept, cn);
        }
        derivedFrom(s, sc.evidence());
    }

    /** Anchors the quote in the text and links the fact to the passage it came from; the anchor, or null without evidence. */
    private TextAnchor.Anchor derivedFrom(Node fact, Evidence evidence) {
        if (evidence == null) return null;
        TextAnchor.Anchor a = anchor.find(evidence);
        Node passage = iris.passage(sheet.article().id(), a.start(), a.end());
        add(fact, PROV_wasDerivedFrom, passage);
        add(passage, RDF_type, OA_SpecificResource);
        add(passage, OA_hasSource, article);
        Node quote = NodeFactory.createURI(passage.getURI() + "#quote");
        Node position = NodeFactory.createURI(passage.getURI() + "#position");
        add(passage, OA_hasSelector, quote);
        add(passage, OA_hasSelector, position);
        add(quote, RDF_type, OA_TextQuoteSelector);
        add(quote, OA_exact, NodeFactory.createLiteralString(a.exact()));
        if (!a.prefix().isEmpty()) add(quote, OA_prefix, NodeFactory.createLiteralString(a.prefix()));
        if (!a.suffix().isEmpty()) add(quote, OA_suffix, NodeFactory.createLiteralString(a.suffix()));
        add(position, RDF_type, OA_TextPositionSelector);
        add(position, OA_start, typed(Integer.toString(a.start()), XSDDatatype.XSDnonNegativeInteger));
        add(position, OA_end, typed(Integer.toString(a.end()), XSDDatatype.XSDnonNegativeInteger));
        return a;
    }

    private Node value(FactSheet.Value v) {
        if (v instanceof Text t) return lang(t);
        if (v instanceof Ref r) return entity(r);
        if (v instanceof Date d) return date(d);
        return NodeFactory.createURI(((Iri) v).iri());
    }

    private Node entity(Ref r) {
        return entities.get(r.id());
    }

    private static Node lang(Text t) {
        return NodeFactory.createLiteralLang(t.value(), t.lang());
    }

    private static Node date(Date d) {
        String s = d.lexical();
        RDFDatatype dt = s.length() == 4 ? XSDDatatype.XSDgYear : s.length() == 7 ? XSDDatatype.XSDgYearMonth : XSDDatatype.XSDdate;
        return typed(s, dt);
    }

    private static Node typed(String lexical, RDFDatatype type) {
        return NodeFactory.createLiteralDT(lexical, type);
    }

    private void add(Node s, Node p, Node o) {
        out.add(Triple.create(s, p, o));
    }
}
