package org.aikg.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.aikg.server.Negotiation.Offer;

/** Error answers with a body a person can read: an HTML page for browsers, plain text otherwise. */
final class Errors {
    private Errors() {}

    static void notFound(HttpServletRequest req, HttpServletResponse resp, Templates templates, Pages pages) throws IOException {
        String lang = Http.language(req);
        boolean zh = lang.equals("zh");
        String text = zh ? "这里没有这个资源。" : "There is nothing here with this address.";
        page(req, resp, templates, pages, 404, zh ? "未找到" : "Not found", text);
    }

    static void page(HttpServletRequest req, HttpServletResponse resp, Templates templates, Pages pages, int status, String heading, String text)
            throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        Optional<Offer> o = Negotiation.choose(req.getHeader("Accept"), List.of(new Offer("text/plain", "text"), new Offer(Media.HTML, "html")));
        if (o.isPresent() && o.get().variant().equals("html")) {
            byte[] body = templates.render("message", pages.message(status, heading, text, Http.language(req)));
            Http.send(req, resp, status, Media.withCharset(Media.HTML), body);
        } else {
            Http.sendText(req, resp, status, status + " " + heading + ": " + text);
        }
    }

    static void notAcceptable(HttpServletRequest req, HttpServletResponse resp, List<String> offered) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        String text = "406 Not Acceptable: nothing here matches \"" + req.getHeader("Accept") + "\". Offered: " + String.join(", ", offered);
        Http.send(req, resp, 406, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
