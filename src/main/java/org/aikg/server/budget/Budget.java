package org.aikg.server.budget;

import jakarta.servlet.ServletRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aikg.server.http.HttpError;
import org.apache.jena.query.QueryCancelledException;

/**
 * What one request has left to spend, made at the boundary ({@link Lanes}) before anything serves it and
 * read by every piece of work on its way: the clock ({@link #check()}, also a cancel signal that Jena's
 * iterators watch), the rows of its answer, the bytes written ({@link Spool}) and the size of the values
 * a query makes. Past the time: 503 with Retry-After; past a count or a size: 422. Either is thrown as an
 * {@link Exceeded}, which Jena takes for the cancellation it is (its FILTER swallows any other exception)
 * and {@link org.aikg.server.http.Refusals} answers with the refusal it carries. One request, one thread.
 *
 * <pre>{@code
 * Budget budget = Budget.of(req);
 * for (var it = graph.find(); it.hasNext(); ) { budget.check(); ... }
 * }</pre>
 */
public final class Budget {
    private static final String ATTRIBUTE = Budget.class.getName();

    private final Limits limits;
    private final String work;
    private final long deadline;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private long bytes;

    /** A budget starting now, for {@code work} (named in refusals: "query", "fragment", "request"). */
    public Budget(Limits limits, String work) {
        this.limits = limits;
        this.work = work;
        this.deadline = System.nanoTime() + limits.timeout().toNanos();
    }

    /** The budget of a request (made by {@link Lanes}); a fresh one for a request that came another way (a test calling a servlet). */
    public static Budget of(ServletRequest req) {
        Object b = req.getAttribute(ATTRIBUTE);
        if (b instanceof Budget budget) return budget;
        Budget made = new Budget(Limits.DEFAULT, "request");
        req.setAttribute(ATTRIBUTE, made);
        return made;
    }

    void attachTo(ServletRequest req) {
        req.setAttribute(ATTRIBUTE, this);
    }

    public Limits limits() {
        return limits;
    }

    /** Set when the time is up (by {@link #check()} or by Jena's own timer); Jena's iterators stop on it. */
    public AtomicBoolean cancelSignal() {
        return cancelled;
    }

    /** Milliseconds left, at least 1 (Jena takes a timeout of 0 as none). */
    public long remainingMillis() {
        return Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    }

    /** Throws the 503 of the time limit once the time is up (or the work was cancelled); cheap enough for every step of a loop. */
    public void check() {
        if (cancelled.get() || System.nanoTime() - deadline >= 0) {
            cancelled.set(true);
            throw timeUp();
        }
    }

    /** The refusal of work past the time limit. */
    public Exceeded timeUp() {
        cancelled.set(true);
        return new Exceeded(HttpError.unavailable("the " + work + " ran past the time limit of " + Limits.seconds(limits.timeout())
                + " and was stopped; " + hint()));
    }

    /** The refusal of an answer with more than {@link Limits#maxRows()} {@code what} ("rows", "triples"). */
    public Exceeded tooMany(String what) {
        return new Exceeded(HttpError.unprocessable("the answer has more than " + limits.maxRows() + " " + what + "; " + hint()));
    }

    /** Counts bytes of the answer; 422 past {@link Limits#maxBytes()}. */
    public void charge(long n) {
        bytes += n;
        if (bytes > limits.maxBytes()) {
            throw new Exceeded(HttpError.unprocessable("the answer is larger than " + limits.maxBytes() + " bytes; " + hint()));
        }
    }

    /** A value of {@code chars} characters made by a query; 422 past {@link Limits#maxValueChars()}. */
    public void checkValue(long chars) {
        if (chars > limits.maxValueChars()) {
            throw new Exceeded(HttpError.unprocessable("a value made by the query is longer than " + limits.maxValueChars()
                    + " characters (a quarter of the byte limit of an answer); " + hint()));
        }
    }

    /** A number of about {@code digits} decimal digits made by a query; 422 past {@link Limits#MAX_DIGITS}. */
    public void checkDigits(long digits) {
        if (digits > Limits.MAX_DIGITS) {
            throw new Exceeded(HttpError.unprocessable("a number made by the query has more than " + Limits.MAX_DIGITS + " digits"));
        }
    }

    /** A limit met: Jena's cancellation, carrying the refusal that answers it (its cause). */
    public static final class Exceeded extends QueryCancelledException {
        private static final long serialVersionUID = 1L;

        Exceeded(HttpError refusal) {
            initCause(refusal);
        }

        /** The 503 or 422 that answers this. */
        public HttpError refusal() {
            return (HttpError) getCause();
        }

        @Override
        public String getMessage() {
            return refusal().reason();
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private String hint() {
        return switch (work) {
            case "query" -> "simplify it, add a LIMIT, or take the whole graph from /download/";
            case "fragment" -> "ask for a more specific pattern, or take the whole graph from /download/";
            default -> "try again in a moment";
        };
    }

    @Override
    public String toString() {
        return "Budget[" + work + ", " + Duration.ofNanos(Math.max(0, deadline - System.nanoTime())).toMillis() + " ms left]";
    }
}
