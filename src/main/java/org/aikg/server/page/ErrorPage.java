package org.aikg.server.page;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.aikg.server.http.Refusals;
import org.aikg.server.page.Views.Head;
import org.aikg.server.page.Views.Message;
import org.aikg.server.site.Reader;
import org.aikg.server.site.Templates;
import org.aikg.server.site.Ui;
import org.aikg.server.site.Words;

/** A refusal shown to a person: the site's layout, in the reader's language. */
final class ErrorPage implements Refusals.Page {
    private final Templates templates;

    ErrorPage(Templates templates) {
        this.templates = templates;
    }

    @Override
    public byte[] render(HttpServletRequest req, int status, String heading, String reason) {
        String lang = language(req);
        String h = status == 404 ? Ui.of(lang).notFound() : heading;
        String text = status == 404 && reason.startsWith("there is nothing here") ? Words.of(lang).nothingHere() : reason;
        return templates.render("message", new Message(Head.of(h, null, lang, null, List.of(), null, null), status, h, text));
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
