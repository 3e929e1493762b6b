package org.aikg.server.site;

import java.util.function.Supplier;

/**
 * A value worked out on first use, by one thread while the others wait, and kept: what pages need of
 * the whole published graph (its classes, statistics, passages' places, charts), which does not change
 * until it is reloaded, and which start-up must not wait for.
 */
public final class Once<T> {
    private final Supplier<T> make;
    private volatile T value;

    public Once(Supplier<T> make) {
        this.make = make;
    }

    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) value = v = make.get();
            }
        }
        return v;
    }
}
