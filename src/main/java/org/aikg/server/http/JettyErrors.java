package org.aikg.server.http;

import java.util.Locale;
import org.aikg.format.Formats;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Refusals made by Jetty itself, before any servlet sees the request (a URI it cannot take, a body
 * over the limit or too slow, headers too large): the same one-line text as every other refusal, never
 * cached. Jetty answers paths with encoded separators or dot segments above the root with 400; for a
 * reader these name nothing that exists, so they are answered 404, like every other unknown path.
 */
public final class JettyErrors {
    private JettyErrors() {}

    /** Installs the handler of Jetty's own refusals; {@code maxBody} is named in a 413. */
    public static void install(Server server, long maxBody) {
        server.setErrorHandler((request, response, callback) -> {
            int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer i ? i : 500;
            Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
            String reason = message == null ? "" : message.toString();
            if (status == 400 && isPathProblem(request, reason)) {
                status = 404;
                reason = "no such path";
            } else if (status == 413) {
                reason = "a request body may be at most " + maxBody + " bytes";
            } else if (reason.isBlank() || reason.equals(HttpStatus.getMessage(status))) {
                reason = switch (status) {
                    case 408 -> "the request did not arrive in time";
                    case 431 -> "the request's headers are too large";
                    default -> "the request cannot be taken";
                };
            }
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, Formats.RESULTS_TEXT.contentType());
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            String text = status + " " + HttpStatus.getMessage(status) + ": " + reason.replaceAll("[\\r\\n]+", " ") + "\n";
            Content.Sink.write(response, true, text, callback);
            return true;
        });
    }

    private static boolean isPathProblem(Request request, String message) {
        String m = message.toLowerCase(Locale.ROOT);
        String path = request.getHttpURI() == null ? "" : String.valueOf(request.getHttpURI().getPath());
        return m.contains("ambiguous") || m.contains("uri") || m.contains("path") || path.equals("/badMessage") || path.contains("..")
                || path.toLowerCase(Locale.ROOT).contains("%2f");
    }
}
