package org.aikg.server.site;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rendered responses, kept because the published graph does not change until it is reloaded.
 * Bounded by the bytes it holds, least recently used out first.
 */
public final class PageCache {
    public record Rendered(byte[] body, String contentType) {}

    private final Map<String, Rendered> map;
    private final long maxBytes;
    private long bytes;

    /** A cache of at most {@code maxBytes} of bodies. */
    public PageCache(long maxBytes) {
        this.maxBytes = maxBytes;
        this.map = new LinkedHashMap<>(256, 0.75f, true);
    }

    /** The cached response, or the one {@code render} makes (null: nothing to cache or send). */
    public Rendered get(String key, Supplier<Rendered> render) {
        synchronized (map) {
            Rendered r = map.get(key);
            if (r != null) return r;
        }
        Rendered r = render.get();
        if (r == null) return null;
        synchronized (map) {
            Rendered old = map.put(key, r);
            bytes += r.body().length - (old == null ? 0 : old.body().length);
            var it = map.values().iterator();
            while (bytes > maxBytes && it.hasNext()) {
                bytes -= it.next().body().length;
                it.remove();
            }
        }
        return r;
    }
}
