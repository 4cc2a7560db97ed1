package dev.scimbridge.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** {@link Await}: the first value that satisfies the condition, failed reads polled again, a clear failure at the deadline. */
class AwaitTest {

    @Test
    void returnsTheFirstValueThatSatisfiesTheCondition() {
        AtomicInteger reads = new AtomicInteger();
        assertEquals(3, Await.until("three reads", Duration.ofSeconds(10), reads::incrementAndGet, n -> n >= 3));
        assertEquals(3, reads.get());
    }

    @Test
    void aReadThatThrowsIsPolledAgain() {
        AtomicInteger reads = new AtomicInteger();
        String value = Await.until("a server up", Duration.ofSeconds(10), () -> {
            if (reads.incrementAndGet() < 3) {
                throw new IOException("connection refused");
            }
            return "up";
        }, "up"::equals);
        assertEquals("up", value);
    }

    @Test
    void theDeadlineFailsWithWhatWasAwaitedAndTheLastValue() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Await.until("the state active", Duration.ofMillis(300), () -> "invited", "active"::equals));
        assertTrue(e.getMessage().contains("the state active") && e.getMessage().contains("last invited"), e.getMessage());
    }

    @Test
    void theDeadlineAfterFailedReadsNamesTheLastFailure() {
        IOException refused = new IOException("connection refused");
        AssertionError e = assertThrows(AssertionError.class, () -> Await.until("/ping", Duration.ofMillis(300), () -> {
            throw refused;
        }, x -> true));
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
        assertSame(refused, e.getCause());
    }

    @Test
    void anExceptionFromTheConditionEndsTheWaitAtOnce() {
        AtomicInteger reads = new AtomicInteger();
        assertThrows(NullPointerException.class, () -> Await.until("a field of the answer", Duration.ofSeconds(30), () -> {
            reads.incrementAndGet();
            return (String) null;
        }, answer -> answer.isEmpty()));
        assertEquals(1, reads.get());
    }

    @Test
    void anAssertionErrorFromTheReadEndsTheWaitAtOnce() {
        AtomicInteger reads = new AtomicInteger();
        AssertionError wrong = new AssertionError("expected 200 but was 500");
        AssertionError e = assertThrows(AssertionError.class, () -> Await.until("a read", Duration.ofSeconds(30), () -> {
            reads.incrementAndGet();
            throw wrong;
        }, x -> true));
        assertSame(wrong, e);
        assertEquals(1, reads.get());
    }
}
