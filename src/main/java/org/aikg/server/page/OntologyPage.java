package org.aikg.server.page;

import static org.aikg.vocab.Vocab.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.aikg.format.Formats;
import org.aikg.server.page.Views.*;
import org.aikg.server.site.Labels;
import org.aikg.server.site.Site;
import org.aikg.vocab.AIKG;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/** {@code /def} for a person: the ontology's classes, properties and individuals, each with its label, comment and links. */
final class OntologyPage {
    private final Site site;
    private final Links links;
    private final JsonLd jsonLd;

    OntologyPage(Site site, Links links, JsonLd jsonLd) {
        this.site = site;
        this.links = links;
        this.jsonLd = jsonLd;
    }

    Ontology page(String lang, boolean explicit) {
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
        Head head = Head.of(t, desc == null ? null : desc.getLiteralLexicalForm(), lang, AIKG.ONTOLOGY, alts, jsonLd.webPage(t, ont), "/def");
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
                        if (v.isLiteral() && !Labels.matches(v.getLiteralLanguage().toLowerCase(Locale.ROOT), lang) && !v.getLiteralLanguage().isEmpty()) continue;
                        Link target = v.isLiteral() ? new Link(v.getLiteralLexicalForm(), null, null) : links.link(v, lang, explicit);
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
}
