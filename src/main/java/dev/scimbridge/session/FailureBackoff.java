package dev.scimbridge.session;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Exponential back-off per source address for failed token checks before unlock: after the n-th
 * consecutive failure a source waits {@code min(initial * 2^(n-1), max)} before its next KDF attempt;
 * requests during the wait are refused without running the KDF. A success clears the source.
 *
 * <p>The table is bounded ({@code maxSources}, least recently used evicted) so a flood of addresses
 * cannot exhaust memory. Thread-safe.
 */
public final class FailureBackoff {
    private final long initialNanos;
    private final long maxNanos;
    private final LongSupplier clock;
    private final Map<String, Entry> sources;

    private record Entry(int failures, long blockedUntil) {
    }

    public FailureBackoff(Duration initial, Duration max, int maxSources, LongSupplier nanoClock) {
        this.initialNanos = Math.max(1, initial.toNanos());
        this.maxNanos = Math.max(initialNanos, max.toNanos());
        this.clock = nanoClock;
        this.sources = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxSources;
            }
        };
    }

    /** Nanoseconds {@code source} must still wait, or 0 when it may try now. */
    public synchronized long remainingNanos(String source) {
        Entry e = sources.get(source);
        if (e == null) {
            return 0;
        }
        long left = e.blockedUntil - clock.getAsLong();
        return Math.max(0, left);
    }

    /** Records a failed attempt from {@code source}; returns the wait now imposed, in nanoseconds. */
    public synchronized long failed(String source) {
        Entry e = sources.get(source);
        int failures = e == null ? 1 : Math.min(e.failures + 1, 62);
        long wait = initialNanos;
        for (int i = 1; i < failures && wait < maxNanos; i++) {
            wait = wait * 2;
        }
        wait = Math.min(wait, maxNanos);
        sources.put(source, new Entry(failures, clock.getAsLong() + wait));
        return wait;
    }

    /** Forgets {@code source} after a success. */
    public synchronized void succeeded(String source) {
        sources.remove(source);
    }

    /** Forgets every source (after unlock the table is no longer consulted). */
    public synchronized void clear() {
        sources.clear();
    }
}
