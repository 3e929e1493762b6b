package org.aikg.server.search;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.aikg.format.Format;
import org.aikg.format.Formats;
import org.aikg.search.SearchIndex;
import org.aikg.server.budget.Budget;
import org.aikg.server.http.HttpError;
import org.aikg.server.http.Offers;
import org.aikg.server.http.Params;
import org.aikg.server.http.Resource;
import org.aikg.server.http.Responses;
import org.aikg.server.page.FactSearch;
import org.aikg.server.page.Links;
import org.aikg.server.site.Reader;
import org.aikg.server.site.Site;
import org.aikg.server.site.Templates;
import org.aikg.server.site.Ui;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;

/**
 * {@code /search?q=}: the things whose names or labels match, in English or Chinese — a page grouped
 * by type for people, JSON (label, language, type, page, IRI) for the search box's suggestions.
 */
public final class SearchServlet extends Resource {
    private static final long serialVersionUID = 1L;
    /** Suggestions as the reader types. */
    static final int SUGGESTIONS = 10;
    /** Things on the results page. */
    static final int RESULTS = 100;
    /** Names offered when nothing matches. */
    static final int NEAREST = 5;
    private final transient SearchPage page;
    private final transient Templates templates;
    private final transient Function<Budget, SearchIndex> index;
    private final transient FactSearch facts;

    /**
     * Finds things in {@code index} (waited for no longer than a request's budget) and statistics and claims with
     * {@code facts}; links found things as {@code links} does.
     */
    public SearchServlet(Site site, Links links, FactSearch facts, Templates templates, Function<Budget, SearchIndex> index) {
        this.page = new SearchPage(site, links);
        this.facts = facts;
        this.templates = templates;
        this.index = index;
    }

    @Override
    protected void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Format format = Offers.SEARCH.decide(req).orElseThrow(() -> HttpError.notAcceptable(req.getHeader("Accept"), Offers.SEARCH));
        String given = Params.one(req, "q");
        String q = given == null ? "" : given.strip();
        boolean json = format == Formats.JSON;
        Reader r = Reader.of(req);
        List<SearchIndex.Hit> hits = q.isEmpty() ? List.of() : index.apply(Budget.of(req)).search(q, json ? SUGGESTIONS : RESULTS);
        FactSearch.Found found = q.isEmpty() ? new FactSearch.Found(List.of(), List.of(), List.of()) : facts.find(q, r.lang(), r.explicit(),
                json ? SUGGESTIONS : RESULTS);
        resp.setHeader("Vary", "Accept, Accept-Language");
        if (json) {
            JsonArray out = new JsonArray();
            for (FactSearch.Hit h : found.statistics()) {
                JsonObject o = new JsonObject();
                o.put("label", h.fact().text() + " · " + h.figure() + " · " + h.period());
                o.put("lang", r.lang());
                o.put("type", Ui.of(r.lang()).statistics());
                o.put("href", h.fact().href());
                o.put("iri", h.fact().title());
                out.add(o);
            }
            for (SearchIndex.Hit h : hits) {
                JsonObject o = new JsonObject();
                o.put("label", h.label());
                o.put("lang", h.lang());
                o.put("type", page.typeLabel(h.thing(), r.lang()));
                o.put("href", page.href(h.thing(), r.lang(), r.explicit()));
                o.put("iri", h.thing().getURI());
                out.add(o);
            }
            Responses.send(req, resp, format.contentType(), out.toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        boolean none = !q.isEmpty() && hits.isEmpty() && found.statistics().isEmpty() && found.claims().isEmpty();
        List<SearchIndex.Hit> nearest = none ? index.apply(Budget.of(req)).nearest(q, NEAREST) : List.of();
        Responses.send(req, resp, format.contentType(), templates.render("search", page.page(q, found, hits, nearest, r.lang(), r.explicit())));
    }
}
