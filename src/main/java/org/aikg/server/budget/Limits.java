package org.aikg.server.budget;

import java.time.Duration;
import java.util.Objects;

/**
 * What any one request may spend, set once for the server: the time its work may take (SPARQL in all
 * its phases, a fragment, a page, the writing of a download), the rows or triples and the bytes of an
 * answer, the size of any one value a query makes, and how many queries run at once (the query lane;
 * as many more may wait a moment for a place, the rest are refused at once). Checked when built.
 *
 * <pre>{@code
 * Limits limits = Limits.DEFAULT.withTimeout(Duration.ofSeconds(30)).withMaxBytes(16L << 20);
 * }</pre>
 *
 * @param timeout the time limit of a request's work (default 10 s); past it, 503 with Retry-After
 * @param maxRows the most rows (SELECT) or triples (CONSTRUCT, DESCRIBE) of an answer (default 100,000); past it, 422
 * @param maxBytes the most bytes of an answer (default 64 MiB); past it, 422 before anything is sent
 * @param maxQueries how many queries (SPARQL, fragments, graph store reads) run at once (default: 2 per core, at least 4)
 */
public record Limits(Duration timeout, int maxRows, long maxBytes, int maxQueries) {
    /** The largest value (a string a query makes, a GROUP_CONCAT) as a share of the bytes of an answer. */
    static final int VALUE_SHARE = 4;
    /** The most digits of a number a query makes (a product, a power): multiplying larger ones could not be stopped. */
    public static final int MAX_DIGITS = 10_000;

    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), 100_000, 64L << 20,
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));

    public Limits {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) throw new IllegalArgumentException("the query timeout must be positive, not " + timeout);
        if (maxRows < 1) throw new IllegalArgumentException("the result cap must be at least 1, not " + maxRows);
        if (maxBytes < 1024) throw new IllegalArgumentException("the byte cap must be at least 1 KiB, not " + maxBytes);
        if (maxQueries < 1) throw new IllegalArgumentException("at least one query must be able to run, not " + maxQueries);
    }

    /** The longest string (in characters) any one value of a query may hold: a quarter of {@link #maxBytes()}. */
    public long maxValueChars() {
        return maxBytes / VALUE_SHARE;
    }

    public Limits withTimeout(Duration d) {
        return new Limits(d, maxRows, maxBytes, maxQueries);
    }

    public Limits withMaxRows(int n) {
        return new Limits(timeout, n, maxBytes, maxQueries);
    }

    public Limits withMaxBytes(long n) {
        return new Limits(timeout, maxRows, n, maxQueries);
    }

    public Limits withMaxQueries(int n) {
        return new Limits(timeout, maxRows, maxBytes, n);
    }

    /** A duration as people write it: "10 s", "500 ms". */
    public static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
