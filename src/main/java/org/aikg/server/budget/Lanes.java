package org.aikg.server.budget;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.aikg.server.http.HttpError;
import org.aikg.server.http.Refusals;

/**
 * The boundary every request crosses first (after the gate that checks its form): it gets its
 * {@link Budget}, and query work (SPARQL, fragments, graph store reads: whatever may run to the time
 * limit) gets one of {@link Limits#maxQueries()} places in the query lane. When all are taken, up to
 * {@link #WAITING} times as many more requests wait for one, up to {@link #WAIT} (short queries from many
 * clients pass through in turn); past that, or with the waiting room full too, the answer is 503 with
 * Retry-After at once. Few places keep the cores for pages: queries that each run to the time limit
 * take at most that many of them. Pages, static files, search and downloads never take a place
 * in the query lane, so they never wait behind queries. Work of the server's own (what pages need,
 * worked out after a start) waits until no request is being answered ({@link #awaitQuiet}).
 *
 * <pre>{@code
 * builder.addFilter("/*", new Lanes(limits, req -> req.getRequestURI().startsWith("/sparql")));
 * }</pre>
 */
public final class Lanes implements Filter {
    /** The longest a query waits for a place in the lane. */
    static final long WAIT = 1_000;
    /** How many queries may wait for a place, for each place: enough for a burst of short queries from many clients. */
    static final int WAITING = 4;

    private final Limits limits;
    private final Predicate<HttpServletRequest> isQuery;
    private final Semaphore running;
    private final Semaphore waiting;
    /** Requests being answered, of every kind, and when the last one ended ({@link System#nanoTime}). */
    private final AtomicInteger answering = new AtomicInteger();
    private volatile long lastEnded = System.nanoTime();

    /** Lanes with the places of {@code limits}; {@code isQuery} says which requests are query work. */
    public Lanes(Limits limits, Predicate<HttpServletRequest> isQuery) {
        this.limits = limits;
        this.isQuery = isQuery;
        this.running = new Semaphore(limits.maxQueries());
        this.waiting = new Semaphore(WAITING * limits.maxQueries());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        answering.incrementAndGet();
        try {
            answer(request, response, chain);
        } finally {
            lastEnded = System.nanoTime();
            answering.decrementAndGet();
        }
    }

    /**
     * Returns once no request has been answered for {@code quiet}, or after {@code atMost} of waiting for it (a
     * server that is never quiet still gets its work done): background work of the server's own calls it before
     * each of its steps, so that it takes no core from a client's request that is waiting for one (a request that
     * comes during a step shares the cores with that step only).
     */
    public void awaitQuiet(Duration quiet, Duration atMost) throws InterruptedException {
        long q = quiet.toNanos();
        long until = System.nanoTime() + atMost.toNanos();
        long step = TimeUnit.MILLISECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            long since = System.nanoTime() - lastEnded;
            if (answering.get() == 0 && since >= q) return;
            TimeUnit.NANOSECONDS.sleep(answering.get() > 0 ? step : Math.max(q - since, step));
        }
    }

    private void answer(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        boolean query = isQuery.test(req);
        Budget budget = new Budget(limits, query ? (req.getRequestURI().startsWith("/fragments") ? "fragment" : "query") : "request");
        budget.attachTo(req);
        if (!query) {
            chain.doFilter(request, response);
            return;
        }
        if (!enter(budget)) {
            Refusals.send(req, (HttpServletResponse) response, HttpError.unavailable("the server is answering as many queries as it can ("
                    + limits.maxQueries() + " at once); try again in a moment"));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            running.release();
        }
    }

    private boolean enter(Budget budget) {
        if (running.tryAcquire()) return true;
        if (!waiting.tryAcquire()) return false;
        try {
            return running.tryAcquire(Math.min(WAIT, budget.remainingMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.release();
        }
    }
}
