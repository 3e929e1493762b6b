package org.aikg.server.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;

/**
 * Rendered responses, kept because the published graph does not change until it is reloaded.
 * Bounded by the bytes it holds; what is used least goes first.
 */
public final class PageCache {
    public record Rendered(byte[] body, String contentType) {}

    private final Cache<String, Rendered> cache;

    /** A cache of at most {@code maxBytes} of bodies (0: nothing is kept). */
    public PageCache(long maxBytes) {
        this.cache = Caffeine.newBuilder().maximumWeight(maxBytes).weigher((String key, Rendered r) -> r.body().length).build();
    }

    /**
     * The cached response, or the one {@code render} makes (null: nothing to cache or send). Rendered outside
     * the cache's locks, so that a slow page never holds up another.
     */
    public Rendered get(String key, Supplier<Rendered> render) {
        Rendered r = cache.getIfPresent(key);
        if (r != null) return r;
        r = render.get();
        if (r != null) cache.put(key, r);
        return r;
    }

    /** Whether a response is kept under {@code key}. */
    public boolean holds(String key) {
        return cache.getIfPresent(key) != null;
    }
}
