package org.aikg.server.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Slow request bodies cannot hold the server: Jetty's {@link EagerContentHandler} reads a body
 * whole, without a thread, before any servlet (which reads with blocking IO) sees the request; and a
 * body that has not arrived by the deadline is answered {@code 408} and its connection closed. So a
 * client sending one byte every twenty seconds holds a connection for at most the deadline, and no
 * thread at all.
 *
 * <pre>{@code
 * BodyDeadline.install(jettyServer, 256 * 1024, Duration.ofSeconds(10));
 * }</pre>
 */
public final class BodyDeadline {
    private static final String CLAIM = BodyDeadline.class.getName() + ".claim";

    private BodyDeadline() {}

    /** Puts the deadline and the eager reading in front of the server's handlers (before it starts). */
    public static void install(Server server, long maxBytes, Duration deadline) {
        Handler app = server.getHandler();
        Handler eager = new EagerContentHandler(new Dispatch(app), new EagerContentHandler.FormContentLoaderFactory(-1, (int) maxBytes),
                new EagerContentHandler.RetainedContentLoaderFactory(maxBytes, -1, true));
        server.setHandler(new Deadline(eager, maxBytes, deadline));
    }

    private static boolean hasBody(Request request) {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING, HttpHeaderValue.CHUNKED.asString());
    }

    /**
     * Refuses at once a body declared larger than the limit (413, before reading a byte of it, so no
     * {@code 100 Continue} is sent for it); starts the clock on any other request with a body, and
     * answers 408 if the body is not whole in time.
     */
    private static final class Deadline extends Handler.Wrapper {
        private final long maxBytes;
        private final Duration deadline;

        Deadline(Handler next, long maxBytes, Duration deadline) {
            super(next);
            this.maxBytes = maxBytes;
            this.deadline = deadline;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (request.getLength() > maxBytes) {
                response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
                Response.writeError(request, response, callback, 413, "a request body may be at most " + maxBytes + " bytes");
                return true;
            }
            if (!hasBody(request)) return super.handle(request, response, callback);
            AtomicBoolean claimed = new AtomicBoolean();
            request.setAttribute(CLAIM, claimed);
            Scheduler.Task task = getServer().getScheduler().schedule(() -> {
                if (claimed.compareAndSet(false, true)) {
                    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
                    Response.writeError(request, response, callback, 408, "the request body did not arrive within " + deadline.toSeconds() + " s");
                }
            }, deadline.toMillis(), TimeUnit.MILLISECONDS);
            request.setAttribute(CLAIM + ".task", task);
            return super.handle(request, response, callback);
        }
    }

    /** The body is whole: unless the deadline answered first, the request goes on to the servlets. */
    private static final class Dispatch extends Handler.Wrapper {
        Dispatch(Handler next) {
            super(next);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (request.getAttribute(CLAIM) instanceof AtomicBoolean claimed) {
                if (!claimed.compareAndSet(false, true)) return true;
                if (request.getAttribute(CLAIM + ".task") instanceof Scheduler.Task task) task.cancel();
            }
            return super.handle(request, response, callback);
        }
    }
}
