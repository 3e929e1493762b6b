package org.aikg.server.http;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.aikg.format.Formats;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryParseException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a failure becomes an answer. A client's mistake or a limit becomes a 4xx (or a
 * 503 for the time limit) with a one-line reason: a page for a browser, plain text otherwise, never
 * cached, and at most one log line without a stack trace. Only a fault of the server is a 500, logged
 * with its stack trace.
 *
 * <pre>{@code
 * try { handle(req, resp); } catch (Throwable t) { Refusals.send(req, resp, t); }
 * }</pre>
 */
public final class Refusals {
    private static final Logger LOG = LoggerFactory.getLogger("org.aikg.server");
    private static final String PAGE = Refusals.class.getName() + ".page";

    /** How the site shows a refusal to a person, in its layout and language. */
    @FunctionalInterface
    public interface Page {
        byte[] render(HttpServletRequest req, int status, String heading, String reason);
    }

    private Refusals() {}

    /** Makes refusals to browsers pages of the site served from this context. */
    public static void install(ServletContext context, Page page) {
        context.setAttribute(PAGE, page);
    }

    /** The refusal a failure stands for, or null when there is no one left to answer (the client went away). */
    public static HttpError of(Throwable t) {
        if (t instanceof HttpError e) return e;
        if (t instanceof QueryParseException e) {
            // Jena's message names the place of the token it could not take; the exception's own line and column can
            // name another (the token before), so they are added only where the message names none
            String message = firstLine(e.getMessage());
            String where = e.getLine() > 0 && !message.contains("line ") ? "line " + e.getLine() + ", column " + e.getColumn() + ": " : "";
            return HttpError.badRequest("the query does not parse: " + where + message);
        }
        if (t instanceof QueryDeniedException) return HttpError.badRequest("federated queries (SERVICE) are switched off on this server");
        if (t instanceof QueryCancelledException && t.getCause() instanceof HttpError e) return e;
        if (t instanceof QueryCancelledException) return HttpError.unavailable("the query ran past the time limit and was stopped");
        if (t instanceof StackOverflowError) return HttpError.badRequest("the query is nested too deeply to be evaluated");
        if (t instanceof EofException || (t instanceof IOException && String.valueOf(t.getMessage()).contains("Broken pipe"))) return null;
        return new HttpError(500, "the server failed on this request; the log says why");
    }

    /** Answers a request with the refusal {@code t} stands for. */
    public static void send(HttpServletRequest req, HttpServletResponse resp, Throwable t) throws IOException {
        HttpError e = of(t);
        if (e == null) return;
        log(req, e, t);
        Page page = (Page) req.getServletContext().getAttribute(PAGE);
        boolean html = page != null && Offers.MESSAGE.choose(req.getHeader("Accept")).filter(f -> f == Formats.HTML).isPresent();
        String heading = HttpStatus.getMessage(e.status());
        if (html) {
            write(req, resp, e, Formats.HTML.contentType(), page.render(req, e.status(), heading, e.reason()));
        } else {
            write(req, resp, e, Formats.RESULTS_TEXT.contentType(), (e.status() + " " + heading + ": " + e.reason() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Answers a request with a refusal shown on a page the caller made (the query page keeps the query). */
    public static void sendPage(HttpServletRequest req, HttpServletResponse resp, HttpError e, byte[] html) throws IOException {
        log(req, e, e);
        write(req, resp, e, Formats.HTML.contentType(), html);
    }

    private static void log(HttpServletRequest req, HttpError e, Throwable cause) {
        if (e.status() == 500) LOG.warn("500 {} {}", req.getMethod(), req.getRequestURI(), cause);
        else LOG.info("{} {} {}: {}", e.status(), req.getMethod(), req.getRequestURI(), e.reason());
    }

    private static void write(HttpServletRequest req, HttpServletResponse resp, HttpError e, String type, byte[] body) throws IOException {
        if (resp.isCommitted()) return;
        resp.reset();
        e.headers().forEach(resp::setHeader);
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Access-Control-Allow-Origin", "*");
        resp.setHeader("Vary", "Accept, Accept-Language");
        if (Responses.hasUnreadBody(req)) resp.setHeader("Connection", "close");
        resp.setStatus(e.status());
        resp.setContentType(type);
        resp.setContentLength(body.length);
        if (!req.getMethod().equals("HEAD")) resp.getOutputStream().write(body);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
