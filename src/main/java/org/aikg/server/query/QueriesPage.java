package org.aikg.server.query;

import java.util.List;
import org.aikg.server.page.JsonLd;
import org.aikg.server.page.Links;
import org.aikg.server.page.Views.Head;
import org.aikg.server.page.Views.Queries;
import org.aikg.server.page.Views.QueryLink;
import org.aikg.server.site.Site;
import org.aikg.server.site.Ui;

/** {@code /queries} for a person: the named queries, each with its title, description and a link that runs it. */
final class QueriesPage {
    private final Site site;
    private final JsonLd jsonLd;

    QueriesPage(Site site, JsonLd jsonLd) {
        this.site = site;
        this.jsonLd = jsonLd;
    }

    Queries page(String lang, boolean explicit) {
        List<QueryLink> list = site.queries().all().stream().map(q -> new QueryLink(q.name(), q.title(lang), q.description(lang),
                Links.href("/queries/" + q.name(), lang, explicit))).toList();
        String title = Ui.of(lang).queries();
        return new Queries(Head.of(title, null, lang, null, List.of(), jsonLd.webPage(title, null), "/queries"), list);
    }
}
