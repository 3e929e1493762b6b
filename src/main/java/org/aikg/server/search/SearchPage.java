package org.aikg.server.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aikg.search.SearchIndex;
import org.aikg.server.page.FactSearch;
import org.aikg.server.page.Links;
import org.aikg.server.page.Views.FactGroup;
import org.aikg.server.page.Views.Group;
import org.aikg.server.page.Views.Head;
import org.aikg.server.page.Views.Hint;
import org.aikg.server.page.Views.Link;
import org.aikg.server.page.Views.Search;
import org.aikg.server.site.Site;
import org.aikg.server.site.Ui;
import org.aikg.vocab.Vocab;
import org.apache.jena.graph.Node;

/**
 * What a search found, for a person and for the search box: the statistics and claims first (each with its
 * figure, period and source), then the things named, grouped by type, each group with its count; when nothing
 * matches, the words searched for and the names nearest to them.
 */
final class SearchPage {
    private final Site site;
    private final Links links;

    SearchPage(Site site, Links links) {
        this.site = site;
        this.links = links;
    }

    /** The search page: facts by kind, then the things by the label of their type, groups in order of their best hit. */
    Search page(String query, FactSearch.Found facts, List<SearchIndex.Hit> hits, List<SearchIndex.Hit> nearest, String lang, boolean explicit) {
        Ui ui = Ui.of(lang);
        List<FactGroup> factGroups = new ArrayList<>();
        if (!facts.statistics().isEmpty()) factGroups.add(new FactGroup(ui.statistics(), "found-statistics", facts.statistics()));
        if (!facts.claims().isEmpty()) factGroups.add(new FactGroup(ui.claims(), "found-claims", facts.claims()));
        Map<String, List<Link>> groups = new LinkedHashMap<>();
        for (SearchIndex.Hit hit : hits) groups.computeIfAbsent(typeLabel(hit.thing(), lang), k -> new ArrayList<>()).add(link(hit, lang, explicit));
        boolean none = !query.isBlank() && factGroups.isEmpty() && groups.isEmpty();
        Hint hint = none ? new Hint(facts.tried(), nearest.stream().map(h -> link(h, lang, explicit)).toList()) : null;
        String title = query.isBlank() ? ui.search() : ui.searchResults() + ": " + query;
        Head head = Head.of(title, null, lang, null, List.of(), null, "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        return new Search(head, query, factGroups, groups.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList(), hint);
    }

    /** A thing found, named by its name; the words that matched after it when they are not its name (a job title, an alternate name). */
    private Link link(SearchIndex.Hit hit, String lang, boolean explicit) {
        Link l = links.link(hit.thing(), lang, explicit);
        String text = l.text().equals(hit.label()) ? l.text() : l.text() + " — " + hit.label();
        return new Link(text, l.href(), l.title());
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
