package org.aikg.server.page;

import static org.aikg.vocab.Vocab.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.aikg.server.http.Offers;
import org.aikg.server.page.Views.*;
import org.aikg.server.site.LabelOrder;
import org.aikg.server.site.Labels;
import org.aikg.server.site.Site;
import org.aikg.server.site.Words;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/** {@code /class}, every class with how many things it has, and {@code /class/{Type}}, a page of the things of one. */
final class ClassPages {
    private final Site site;
    private final Classes classes;
    private final Links links;
    private final Facts facts;
    private final JsonLd jsonLd;

    ClassPages(Site site, Classes classes, Links links, Facts facts, JsonLd jsonLd) {
        this.site = site;
        this.classes = classes;
        this.links = links;
        this.facts = facts;
        this.jsonLd = jsonLd;
    }

    /** Every class with things here, with how many, in label order. */
    List<ClassCount> counts(String lang, boolean explicit) {
        List<ClassCount> out = new ArrayList<>();
        classes.instances().forEach((cls, things) -> {
            Link l = links.link(cls, lang, explicit);
            out.add(new ClassCount(new Link(Labels.capitalised(l.text(), lang), l.href(), l.title()), things.size()));
        });
        out.sort(Comparator.comparing((ClassCount c) -> c.type().text(), LabelOrder.of(lang)));
        return out;
    }

    /** {@code /class}: every class with things here, with how many. */
    ClassIndex index(String lang, boolean explicit) {
        Words w = Words.of(lang);
        List<ClassCount> list = counts(lang, explicit);
        String json = jsonLd.collection(w.classes(), null, classes.instances().keySet().stream().toList());
        Head head = Head.of(w.classes(), null, lang, null, List.of(), json, "/class");
        return new ClassIndex(head, List.of(Links.homeCrumb(lang), new Link(w.classes(), null, null)), list);
    }

    /** {@code /class/{Type}}: one page of the things of a class, in label order; null past the last page. */
    ClassPage page(Node cls, String lang, boolean explicit, String path, int page) {
        Words w = Words.of(lang);
        List<Node> all = classes.ordered(cls, lang, things -> site.labels().sorted(things, lang));
        int pages = Math.max(1, (all.size() + Views.PAGE_SIZE - 1) / Views.PAGE_SIZE);
        if (page > pages) return null;
        List<Node> shown = all.subList((page - 1) * Views.PAGE_SIZE, Math.min(all.size(), page * Views.PAGE_SIZE));
        List<Item> items = new ArrayList<>();
        for (Node n : shown) {
            String detail = null;
            if (site.data.contains(n, RDF_type, SCHEMA_Observation)) detail = facts.figure(n, lang);
            else if (site.data.contains(n, RDF_type, OA_SpecificResource)) detail = quote(n);
            items.add(new Item(links.link(n, lang, explicit), detail));
        }
        String title = Labels.capitalised(site.labels().label(cls, lang), lang);
        String count = w.count(all.size());
        String prev = page > 1 ? Links.href(page == 2 ? path : path + "?page=" + (page - 1), lang, explicit) : null;
        String next = page < pages ? Links.href(path + "?page=" + (page + 1), lang, explicit) : null;
        List<Alt> alts = new ArrayList<>();
        for (Format f : Offers.PAGE.formats()) if (f != Formats.HTML) alts.add(new Alt(f.label(), path + "?format=" + f.suffix(), f.mediaType()));
        Head head = Head.of(title, title + ": " + count, lang, null, alts, jsonLd.collection(title, cls, shown), page > 1 ? path + "?page=" + page : path);
        List<Link> crumbs = List.of(Links.homeCrumb(lang), new Link(w.classes(), Links.href("/class", lang, explicit), null), new Link(title, null, null));
        Node comment = Labels.pick(site.vocab().find(cls, NodeFactory.createURI(RDFS + "comment"), Node.ANY).toList(), lang);
        return new ClassPage(head, crumbs, cls.getURI(), comment == null ? null : comment.getLiteralLexicalForm(),
                comment == null ? null : Labels.htmlLang(comment.getLiteralLanguage()), count, items, pages > 1 ? w.pageOf(page, pages) : null, prev, next);
    }

    /** The words of a passage, from its quote selector. */
    private String quote(Node passage) {
        for (Triple t : site.data.find(passage, OA_hasSelector, Node.ANY).toList()) {
            var it = site.data.find(t.getObject(), OA_exact, Node.ANY);
            try {
                if (it.hasNext()) return it.next().getObject().getLiteralLexicalForm();
            } finally {
                it.close();
            }
        }
        return null;
    }
}
