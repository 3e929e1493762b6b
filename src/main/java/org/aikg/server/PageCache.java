package org.aikg.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rendered responses, kept because the published graph does not change until it is reloaded. A
 * bounded map, least recently used out first.
 */
final class PageCache {
    record Rendered(byte[] body, String contentType) {}

    private final Map<String, Rendered> map;

    PageCache(int capacity) {
        this.map = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Rendered> eldest) {
                return size() > capacity;
            }
        };
    }

    Rendered get(String key, Supplier<Rendered> render) {
        synchronized (map) {
            Rendered r = map.get(key);
            if (r != null) return r;
        }
        Rendered r = render.get();
        synchronized (map) {
            map.put(key, r);
        }
        return r;
    }
}
