package org.aikg.server.page;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.aikg.server.http.Refusals;
import org.aikg.server.http.RequestGate;
import org.aikg.server.page.Views.Head;
import org.aikg.server.page.Views.Link;
import org.aikg.server.page.Views.Message;
import org.aikg.server.site.Reader;
import org.aikg.server.site.Templates;
import org.aikg.server.site.Ui;
import org.aikg.server.site.Words;
import org.apache.jena.graph.Node;

/** A refusal shown to a person: the site's layout, in the reader's language. */
final class ErrorPage implements Refusals.Page {
    /** The most suggestions a page of a missing thing offers. */
    static final int SUGGESTIONS = 5;
    private final Templates templates;
    private final Function<String, List<Node>> found;
    private final Links links;

    /** {@code found}: the things the search index finds for a text now (nothing while it is being made). */
    ErrorPage(Templates templates, Function<String, List<Node>> found, Links links) {
        this.templates = templates;
        this.found = found;
        this.links = links;
    }

    @Override
    public byte[] render(HttpServletRequest req, int status, String heading, String reason) {
        String lang = language(req);
        String h = status == 404 ? Ui.of(lang).notFound() : heading;
        String text = status == 404 && reason.startsWith("there is nothing here") ? Words.of(lang).nothingHere() : reason;
        String path = req.getRequestURI();
        // the same address in the other language, when it is one a page could have
        boolean plain = path != null && path.length() <= 512 && RequestGate.safe(path) && path.matches("[A-Za-z0-9/._~-]*");
        List<Link> suggestions = List.of();
        if (status == 404 && plain) suggestions = suggestions(path, lang, explicit(req));
        return templates.render("message", new Message(Head.of(h, null, lang, null, List.of(), null, plain ? path : null), status, h, text,
                suggestions));
    }

    /** The things whose names match the last segment of a missing page's path ("no-such-event" → the expo). */
    private List<Link> suggestions(String path, String lang, boolean explicit) {
        String last = path.substring(path.lastIndexOf('/') + 1).replaceAll("\\.[a-z]+$", "").replace('-', ' ').replace('_', ' ').strip();
        if (last.isEmpty()) return List.of();
        List<Link> out = new ArrayList<>();
        try {
            for (Node n : found.apply(last)) {
                if (out.size() >= SUGGESTIONS) break;
                out.add(links.link(n, lang, explicit));
            }
        } catch (RuntimeException e) {
            return List.of();  // a page that says what is missing is enough
        }
        return out;
    }

    private static boolean explicit(HttpServletRequest req) {
        try {
            return Reader.of(req).explicit();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The reader's language; from Accept-Language alone when the parameters are what was refused (malformed, repeated). */
    private static String language(HttpServletRequest req) {
        try {
            return Reader.of(req).lang();
        } catch (RuntimeException e) {
            return Reader.fromHeader(req.getHeader("Accept-Language"));
        }
    }
}
