package org.aikg.server.live;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Which content a request reads. Each request of aikg's own pages runs inside one read transaction
 * of the dataset (a TDB2 store needs one for every read; Fuseki's own dataset requests manage theirs),
 * and is given the generation of what is derived from the data (pages, caches, counts, downloads)
 * that belongs to the same content. A change is committed and its generation put in place as one
 * step ({@link #change}), so that a request sees the old content and its generation, or the new
 * and its own: never one with the other. Requests that {@code holdsThrough} keep that step waiting
 * until they end (search, whose index is switched in the same step and is read outside the transaction).
 *
 * <pre>{@code
 * Generations<Served> g = new Generations<>(dsg, first, req -> false, req -> req.getRequestURI().equals("/search"));
 * builder.addFilter("/*", g);
 * Served s = g.of(request);
 * }</pre>
 *
 * @param <T> what is derived from one content of the data
 */
public final class Generations<T> implements Filter {
    private static final String ATTRIBUTE = Generations.class.getName();
    private static final String NUMBER = ATTRIBUTE + ".number";

    private final DatasetGraph dsg;
    private final Predicate<HttpServletRequest> ownTransaction;
    private final Predicate<HttpServletRequest> holdsThrough;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile T current;
    private volatile long number;

    /**
     * The generations of {@code dsg}'s content, starting at {@code first}; {@code ownTransaction}: requests
     * that manage their own transaction; {@code holdsThrough}: requests that a change waits for.
     */
    public Generations(DatasetGraph dsg, T first, Predicate<HttpServletRequest> ownTransaction, Predicate<HttpServletRequest> holdsThrough) {
        this.dsg = Objects.requireNonNull(dsg, "dsg");
        this.current = Objects.requireNonNull(first, "first");
        this.ownTransaction = ownTransaction;
        this.holdsThrough = holdsThrough;
    }

    /** The generation served now (a request is given the one of its transaction: {@link #of}). */
    public T current() {
        return current;
    }

    /** How many changes were put in place since the start. */
    public long number() {
        return number;
    }

    /** The generation of a request's content (the current one for a request that did not come through this filter). */
    @SuppressWarnings("unchecked")
    public T of(ServletRequest request) {
        Object t = request.getAttribute(ATTRIBUTE);
        return t != null ? (T) t : current;
    }

    /** The number of a request's generation (see {@link #number()}). */
    public long numberOf(ServletRequest request) {
        Object n = request.getAttribute(NUMBER);
        return n instanceof Long l ? l : number;
    }

    /**
     * Commits the write transaction the caller holds open ({@code commit}: the dataset's commit, and that of
     * anything switched with it) and puts {@code next} in place, as one step: no request begins between the two.
     */
    public void change(Runnable commit, T next) {
        Objects.requireNonNull(next, "next");
        lock.writeLock().lock();
        try {
            commit.run();
            current = next;
            number++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Runs {@code work} in a read transaction of the content served now if its generation is one that
     * {@code mine} accepts (the caller's), and returns true; returns false, running nothing, when another
     * content is served now. For work that runs outside any request (writing a download).
     */
    public boolean readAs(Predicate<T> mine, Runnable work) {
        lock.readLock().lock();
        try {
            if (!mine.test(current)) return false;
            dsg.begin(TxnType.READ);
        } finally {
            lock.readLock().unlock();
        }
        try {
            work.run();
        } finally {
            dsg.end();
        }
        return true;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        boolean own = ownTransaction.test(req) || dsg.isInTransaction();
        boolean hold = holdsThrough.test(req);
        lock.readLock().lock();
        boolean locked = true;
        boolean begun = false;
        try {
            if (!own) {
                dsg.begin(TxnType.READ);
                begun = true;
            }
            request.setAttribute(ATTRIBUTE, current);
            request.setAttribute(NUMBER, number);
            if (!hold) {
                lock.readLock().unlock();
                locked = false;
            }
            chain.doFilter(request, response);
        } finally {
            try {
                if (begun) dsg.end();
            } finally {
                if (locked) lock.readLock().unlock();
            }
        }
    }
}
