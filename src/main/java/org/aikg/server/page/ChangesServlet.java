package org.aikg.server.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.aikg.format.Formats;
import org.aikg.server.http.Resource;
import org.aikg.server.http.Responses;
import org.aikg.server.page.Views.Changes;
import org.aikg.server.page.Views.Head;
import org.aikg.server.page.Views.Link;
import org.aikg.server.site.Reader;
import org.aikg.server.site.Site;
import org.aikg.server.site.Templates;
import org.aikg.server.site.Words;

/**
 * {@code /changes}: the releases of the dataset, newest first, each with its day, its notes, the things
 * it added, changed (property by property, before → after) and removed, its files and its RDF Patch.
 */
final class ChangesServlet extends Resource {
    private static final long serialVersionUID = 1L;
    private final transient Site site;
    private final transient ThingPage things;
    private final transient JsonLd jsonLd;
    private final transient Templates templates;

    ChangesServlet(Site site, ThingPage things, JsonLd jsonLd, Templates templates) {
        this.site = site;
        this.things = things;
        this.jsonLd = jsonLd;
        this.templates = templates;
    }

    @Override
    protected void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Reader r = Reader.of(req);
        Words w = Words.of(r.lang());
        Head head = Head.of(w.changes(), w.changesIntro(), r.lang(), null, List.of(), jsonLd.webPage(w.changes(), site.datasetNode), "/changes");
        Changes page = new Changes(head, List.of(Links.homeCrumb(r.lang()), new Link(w.changes(), null, null)), things.releases(r.lang(), r.explicit()));
        resp.setHeader("Vary", "Accept-Language");
        Responses.send(req, resp, Formats.HTML.contentType(), templates.render("changes", page));
    }
}
