package org.aikg.server;

import jakarta.servlet.http.HttpServletRequest;
import org.aikg.server.http.Refusals;

/** A refusal shown to a person: the site's layout, in the reader's language. */
final class ErrorPage implements Refusals.Page {
    private final Pages pages;
    private final Templates templates;

    ErrorPage(Pages pages, Templates templates) {
        this.pages = pages;
        this.templates = templates;
    }

    @Override
    public byte[] render(HttpServletRequest req, int status, String heading, String reason) {
        String lang = language(req);
        boolean zh = lang.equals("zh");
        String h = status == 404 ? (zh ? "未找到" : "Not found") : heading;
        String text = status == 404 && reason.startsWith("there is nothing here") ? (zh ? "这里没有这个资源。" : "There is nothing here with this address.")
                : reason;
        return templates.render("message", pages.message(status, h, text, lang));
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
