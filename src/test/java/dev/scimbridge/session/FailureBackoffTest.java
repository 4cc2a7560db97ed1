package dev.scimbridge.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class FailureBackoffTest {
    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final FailureBackoff backoff = new FailureBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 3, now::get);

    @Test
    void doublesUpToTheMaximum() {
        assertEquals(0, backoff.remainingNanos("a"));
        long[] expected = {1, 2, 4, 8, 8, 8};
        for (long s : expected) {
            assertEquals(Duration.ofSeconds(s).toNanos(), backoff.failed("a"));
        }
        assertEquals(Duration.ofSeconds(8).toNanos(), backoff.remainingNanos("a"));
        now.addAndGet(Duration.ofSeconds(3).toNanos());
        assertEquals(Duration.ofSeconds(5).toNanos(), backoff.remainingNanos("a"));
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertEquals(0, backoff.remainingNanos("a"));
        assertEquals(0, backoff.remainingNanos("b"));
    }

    @Test
    void successClearsTheSource() {
        backoff.failed("a");
        backoff.succeeded("a");
        assertEquals(0, backoff.remainingNanos("a"));
        assertEquals(Duration.ofSeconds(1).toNanos(), backoff.failed("a"));
    }

    @Test
    void tableIsBounded() {
        backoff.failed("a");
        backoff.failed("b");
        backoff.failed("c");
        backoff.failed("d");
        assertEquals(0, backoff.remainingNanos("a"));
        assertEquals(Duration.ofSeconds(1).toNanos(), backoff.remainingNanos("d"));
    }
}
