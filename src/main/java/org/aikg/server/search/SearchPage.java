package org.aikg.server.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aikg.search.SearchIndex;
import org.aikg.server.page.Links;
import org.aikg.server.page.Views.Group;
import org.aikg.server.page.Views.Head;
import org.aikg.server.page.Views.Link;
import org.aikg.server.page.Views.Search;
import org.aikg.server.site.Site;
import org.aikg.server.site.Ui;
import org.aikg.vocab.Vocab;
import org.apache.jena.graph.Node;

/** What a search found, for a person and for the search box: each thing with its page and the label of its type. */
final class SearchPage {
    private final Site site;
    private final Links links;

    SearchPage(Site site, Links links) {
        this.site = site;
        this.links = links;
    }

    /** The search page: the hits grouped by the label of their type, groups in order of their best hit. */
    Search page(String query, List<SearchIndex.Hit> hits, String lang, boolean explicit) {
        Map<String, List<Link>> groups = new LinkedHashMap<>();
        for (SearchIndex.Hit hit : hits) {
            Link l = links.link(hit.thing(), lang, explicit);
            groups.computeIfAbsent(typeLabel(hit.thing(), lang), k -> new ArrayList<>()).add(new Link(hit.label(), l.href(), l.title()));
        }
        Ui ui = Ui.of(lang);
        String title = query.isBlank() ? ui.search() : ui.searchResults() + ": " + query;
        Head head = Head.of(title, null, lang, null, List.of(), null, "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        return new Search(head, query, groups.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList());
    }

    /** The local page of a thing found. */
    String href(Node thing, String lang, boolean explicit) {
        return links.link(thing, lang, explicit).href();
    }

    /** The label of a thing's (first) type in the reader's language; "" for a thing without one. */
    String typeLabel(Node thing, String lang) {
        var it = site.data.find(thing, Vocab.RDF_type, Node.ANY);
        try {
            return it.hasNext() ? site.labels().label(it.next().getObject(), lang) : "";
        } finally {
            it.close();
        }
    }
}
