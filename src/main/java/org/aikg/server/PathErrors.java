package org.aikg.server;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty refuses paths with encoded separators or dot segments above the root before any servlet
 * sees them, with a 400. For a reader these name nothing that exists, so they are answered 404,
 * like every other path outside the served set; other errors go to the handler Fuseki set.
 */
final class PathErrors {
    private PathErrors() {}

    static void install(Server server) {
        Request.Handler original = server.getErrorHandler();
        server.setErrorHandler((request, response, callback) -> {
            Object status = request.getAttribute(ErrorHandler.ERROR_STATUS);
            Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
            if (Integer.valueOf(400).equals(status) && isPathProblem(request, message)) {
                response.setStatus(404);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
                Content.Sink.write(response, true, "404 Not Found: no such path\n", callback);
                return true;
            }
            return original != null && original.handle(request, response, callback);
        });
    }

    private static boolean isPathProblem(Request request, Object message) {
        String m = message == null ? "" : message.toString().toLowerCase(java.util.Locale.ROOT);
        String path = request.getHttpURI() == null ? "" : String.valueOf(request.getHttpURI().getPath());
        return m.contains("ambiguous") || m.contains("uri") || m.contains("path") || path.equals("/badMessage")
                || path.contains("..") || path.toLowerCase(java.util.Locale.ROOT).contains("%2f");
    }
}
