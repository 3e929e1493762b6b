package org.aikg.server.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * A resource of the site: it takes the methods it lists (reads only, unless it says otherwise),
 * answers {@code OPTIONS}, refuses any other method with {@code 405} and a valid {@code Allow}, and
 * hands every failure to {@link Refusals}, so that nothing a client sends becomes a 500.
 *
 * <pre>{@code
 * final class HomeServlet extends Resource {
 *     protected void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException { ... }
 * }
 * }</pre>
 */
public abstract class Resource extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** The methods of a read-only resource. */
    public static final List<String> READ = List.of("GET", "HEAD", "OPTIONS");

    /** The methods this resource takes; OPTIONS is answered here. */
    protected List<String> allowed() {
        return READ;
    }

    @Override
    protected final void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            String method = req.getMethod();
            if (!allowed().contains(method)) throw HttpError.methodNotAllowed(method, allowed(), "this server is read-only");
            if (method.equals("OPTIONS")) {
                Responses.options(resp, allowed());
                return;
            }
            handle(req, resp);
        } catch (VirtualMachineError e) {
            if (!(e instanceof StackOverflowError)) throw e;
            Refusals.send(req, resp, e);
        } catch (Exception | Error e) {
            Refusals.send(req, resp, e);
        }
    }

    /** Answers a request of one of the {@link #allowed()} methods other than OPTIONS. */
    protected abstract void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException;
}
