package org.aikg.server.live;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonNull;
import org.apache.jena.atlas.json.JsonObject;

/**
 * The live preview's news for open pages, as server-sent events on {@code /live}: on connecting, and
 * after each change, one {@code state} event, {@code {"generation":N,"failure":"…"|null}}. A page knows
 * the generation it was made from; it reloads itself when the state names another, and shows the
 * failure (the last save that did not convert) as a banner. A comment every {@link #BEAT_SECONDS}
 * seconds keeps the connection open through proxies and idle timeouts.
 *
 * <pre>{@code
 * Live live = new Live();
 * builder.addServlet("/live", live);
 * live.state(3, null);                       // after a change was put in place
 * live.state(3, "data/x.yaml:4:11: …");      // a save that did not convert
 * }</pre>
 */
public final class Live extends HttpServlet {
    static final int BEAT_SECONDS = 15;

    private final transient Set<AsyncContext> open = ConcurrentHashMap.newKeySet();
    private final transient ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "aikg-live");
        t.setDaemon(true);
        return t;
    });
    private volatile long generation;
    private volatile String failure;

    public Live() {
        beat.scheduleAtFixedRate(() -> sendAll(": beat\n\n"), BEAT_SECONDS, BEAT_SECONDS, TimeUnit.SECONDS);
    }

    /** The message of the last save that did not convert, or null when the data served is that of the files. */
    public String failure() {
        return failure;
    }

    /** Tells every open page the generation now served and the failure, if any (null: none). */
    public void state(long generation, String failure) {
        this.generation = generation;
        this.failure = failure;
        sendAll(event());
    }

    private String event() {
        JsonObject state = new JsonObject();
        state.put("generation", generation);
        String f = failure;
        if (f == null) state.put("failure", JsonNull.instance);
        else state.put("failure", f);
        return "event: state\ndata: " + JSON.toStringFlat(state) + "\n\n";
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/event-stream;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        AsyncContext ctx = req.startAsync();
        ctx.setTimeout(0);
        ctx.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent e) {
                open.remove(ctx);
            }

            @Override
            public void onTimeout(AsyncEvent e) {
                close(ctx);
            }

            @Override
            public void onError(AsyncEvent e) {
                close(ctx);
            }

            @Override
            public void onStartAsync(AsyncEvent e) {
                // one start only
            }
        });
        open.add(ctx);
        send(ctx, event());
    }

    private void sendAll(String text) {
        for (AsyncContext ctx : open) send(ctx, text);
    }

    private void send(AsyncContext ctx, String text) {
        synchronized (ctx) {
            try {
                var out = ctx.getResponse().getOutputStream();
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException | IllegalStateException e) {
                close(ctx);  // the page was closed
            }
        }
    }

    private void close(AsyncContext ctx) {
        if (!open.remove(ctx)) return;
        try {
            ctx.complete();
        } catch (IllegalStateException e) {
            // completed already
        }
    }

    /** Ends every stream (the server is stopping). */
    @Override
    public void destroy() {
        beat.shutdownNow();
        for (AsyncContext ctx : open) close(ctx);
    }
}
