package org.aikg.server.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.aikg.format.Formats;
import org.aikg.server.download.Downloads;
import org.aikg.server.http.Resource;
import org.aikg.server.http.Responses;
import org.aikg.server.site.PageCache;
import org.aikg.server.site.Reader;
import org.aikg.server.site.Templates;

/** The home page at {@code /}: what the dataset is, how big, and where to go. */
final class HomeServlet extends Resource {
    private static final long serialVersionUID = 1L;
    private final transient HomePage page;
    private final transient Templates templates;
    private final transient PageCache cache;
    private final transient Downloads downloads;

    HomeServlet(HomePage page, Templates templates, PageCache cache, Downloads downloads) {
        this.page = page;
        this.templates = templates;
        this.cache = cache;
        this.downloads = downloads;
    }

    @Override
    protected void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PageCache.Rendered rendered = rendered(Reader.of(req));
        resp.setHeader("Vary", "Accept-Language");
        resp.setHeader("Link", "</dataset>; rel=\"describedby\"; type=\"" + Formats.TURTLE.mediaType()
                + "\", </sparql>; rel=\"http://www.w3.org/ns/sparql-service-description#endpoint\"");
        Responses.send(req, resp, rendered.contentType(), rendered.body());
    }

    /** Renders the page in {@code lang} into the cache, as it is read by language and by {@code ?lang=}: the first reader is answered as fast as the next. */
    void warm(String lang) {
        rendered(new Reader(lang, false));
        rendered(new Reader(lang, true));
    }

    /** Whether the page in {@code lang} is kept, as {@link #warm} keeps it. */
    boolean kept(String lang) {
        return cache.holds(key(new Reader(lang, false))) && cache.holds(key(new Reader(lang, true)));
    }

    private PageCache.Rendered rendered(Reader r) {
        List<Downloads.File> files = downloads.current();
        Supplier<PageCache.Rendered> render = () -> new PageCache.Rendered(templates.render("home", page.page(r.lang(), r.explicit(), files)),
                Formats.HTML.contentType());
        return cache.get(key(r), render);
    }

    /** Kept for the files written so far: made again (once) when more are written, to show their sizes. */
    private String key(Reader r) {
        return "/|" + r.lang() + "|" + r.explicit() + "|" + downloads.writtenCount();
    }
}
