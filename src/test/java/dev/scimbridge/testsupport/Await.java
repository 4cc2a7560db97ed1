package dev.scimbridge.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Waiting for a condition instead of sleeping and hoping: polls a read until its value satisfies a
 * condition, and fails with what was awaited and the last value seen when the time is up. A read that
 * throws an exception (a server not listening yet, restarting) counts as not yet; an
 * {@link AssertionError} from the read, an exception from the condition and an interrupt end the wait at once.
 */
public final class Await {
    private static final Duration EVERY = Duration.ofMillis(100);

    private Await() {
    }

    /** One poll: a value, or an exception when there is none yet. */
    @FunctionalInterface
    public interface Read<T> {
        T get() throws Exception;
    }

    /** The first value of {@code read} that satisfies {@code done}, polled every 100 ms for at most {@code timeout}. */
    public static <T> T until(String what, Duration timeout, Read<T> read, Predicate<T> done) {
        return until(what, timeout, read, done, String::valueOf);
    }

    /** As {@link #until(String, Duration, Read, Predicate)}, describing the last value with {@code describe} on failure. */
    public static <T> T until(String what, Duration timeout, Read<T> read, Predicate<T> done, Function<T, String> describe) {
        Instant deadline = Instant.now().plus(timeout);
        T last = null;
        Exception lastFailure = null;
        while (true) {
            try {
                last = read.get();
                lastFailure = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting: " + what, e);
            } catch (Exception e) {
                lastFailure = e;
            }
            if (lastFailure == null && done.test(last)) {
                return last;
            }
            if (!Instant.now().isBefore(deadline)) {
                AssertionError timedOut = new AssertionError(what + ": not within " + timeout + "; last "
                        + (lastFailure != null ? "read failed: " + lastFailure : last == null ? "null" : describe.apply(last)));
                if (lastFailure != null) {
                    timedOut.initCause(lastFailure);
                }
                throw timedOut;
            }
            LockSupport.parkNanos(EVERY.toNanos());
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while waiting: " + what);
            }
        }
    }
}
