package dev.scimbridge.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The unlock state machine with a stub KDF that counts its runs, so the tests can prove when the KDF
 * runs and when it does not. The back-off tests use a version 1 scimsession, whose wrong tokens reach
 * the KDF; a version 2 one refuses them by its token check first.
 */
class TokenAuthenticatorTest {
    static final SecureRandom RANDOM = new SecureRandom();
    final String token = SessionCryptoTest.TOKEN;
    final AccountKeys keys = AccountKeys.generate(RANDOM);
    final AtomicInteger kdfRuns = new AtomicInteger();
    final AtomicInteger concurrent = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();
    final AtomicLong now = new AtomicLong();
    volatile SessionUnlockException.Reason failWith;
    final List<String> logged = new ArrayList<>();
    final Logger root = Logger.getLogger("dev.scimbridge");
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (logged) {
                logged.add(String.valueOf(r.getMessage()) + " " + java.util.Arrays.toString(r.getParameters()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    Level oldLevel;

    final TokenAuthenticator.Unlocker stub = (session, t) -> {
        kdfRuns.incrementAndGet();
        int c = concurrent.incrementAndGet();
        maxConcurrent.accumulateAndGet(c, Math::max);
        try {
            Thread.sleep(30);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            concurrent.decrementAndGet();
        }
        if (failWith != null) {
            throw new SessionUnlockException(failWith, "stub");
        }
        if (!t.equals(token)) {
            throw new SessionUnlockException(SessionUnlockException.Reason.WRONG_TOKEN, "stub");
        }
        return keys;
    };

    @BeforeEach
    void captureLogs() {
        oldLevel = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void noSecretInLogs() {
        root.removeHandler(capture);
        root.setLevel(oldLevel);
        synchronized (logged) {
            for (String line : logged) {
                assertFalse(line.contains(token), line);
                assertFalse(line.contains("scimb_"), line);
            }
        }
    }

    TokenAuthenticator authenticator() {
        return authenticator(SessionCryptoTest.VERSION_1);
    }

    TokenAuthenticator authenticator(ScimSession session) {
        return new TokenAuthenticator(SessionLoad.ok(session, List.of()), stub,
                new FailureBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 1000, now::get), Duration.ofSeconds(10));
    }

    @Test
    void rightTokenUnlocksOnceThenNeverRunsTheKdfAgain() {
        TokenAuthenticator auth = authenticator();
        assertEquals(TokenAuthenticator.State.LOCKED, auth.state());
        assertTrue(auth.codec().isEmpty());
        assertEquals(AuthResult.Outcome.OK, auth.authenticate(token, "10.0.0.1").outcome());
        assertEquals(TokenAuthenticator.State.UNLOCKED, auth.state());
        assertTrue(auth.codec().isPresent());
        for (int i = 0; i < 100; i++) {
            assertEquals(AuthResult.Outcome.OK, auth.authenticate(token, "10.0.0.2").outcome());
            assertEquals(AuthResult.Outcome.UNAUTHORIZED, auth.authenticate(BearerToken.generate(RANDOM), "10.0.0.3").outcome());
        }
        assertEquals(1, kdfRuns.get());
    }

    @Test
    void malformedTokensNeverReachTheKdf() {
        TokenAuthenticator auth = authenticator();
        for (String bad : new String[] {null, "", "abc", token + "x", "Basic Zm9vOmJhcg=="}) {
            AuthResult r = auth.authenticate(bad, "10.0.0.1");
            assertEquals(AuthResult.Outcome.UNAUTHORIZED, r.outcome());
        }
        assertEquals(0, kdfRuns.get());
    }

    @Test
    void wrongTokenPutsTheSourceInBackoffWithoutFurtherKdfRuns() {
        TokenAuthenticator auth = authenticator();
        assertEquals(AuthResult.Outcome.UNAUTHORIZED, auth.authenticate(BearerToken.generate(RANDOM), "10.0.0.9").outcome());
        assertEquals(1, kdfRuns.get());
        for (int i = 0; i < 50; i++) {
            AuthResult r = auth.authenticate(BearerToken.generate(RANDOM), "10.0.0.9");
            assertEquals(AuthResult.Outcome.THROTTLED, r.outcome());
            assertEquals(1, r.retryAfterSeconds());
        }
        // Even the right token waits out the back-off of its source: the KDF does not run in back-off.
        assertEquals(AuthResult.Outcome.THROTTLED, auth.authenticate(token, "10.0.0.9").outcome());
        assertEquals(1, kdfRuns.get());
        // Another source is not affected.
        assertEquals(AuthResult.Outcome.OK, auth.authenticate(token, "10.0.0.10").outcome());
        assertEquals(2, kdfRuns.get());
        // After unlock the back-off table no longer matters.
        assertEquals(AuthResult.Outcome.OK, auth.authenticate(token, "10.0.0.9").outcome());
    }

    @Test
    void wrongTokensFailTheTokenCheckWithoutKdfOrBackoffSoTheRightOneUnlocksFromTheSameAddress() {
        TokenAuthenticator auth = authenticator(ScimSessionJsonTest.SESSION);
        for (int i = 0; i < 50; i++) {
            AuthResult r = auth.authenticate(BearerToken.generate(RANDOM), "10.0.0.9");
            assertEquals(AuthResult.Outcome.UNAUTHORIZED, r.outcome());
            assertEquals(TokenAuthenticator.WRONG_TOKEN, r.detail());
        }
        assertEquals(0, kdfRuns.get());
        assertEquals(AuthResult.Outcome.OK, auth.authenticate(token, "10.0.0.9").outcome());
        assertEquals(1, kdfRuns.get());
        assertEquals(TokenAuthenticator.State.UNLOCKED, auth.state());
    }

    @Test
    void aTokenThatPassesTheCheckButNotTheKdfStillPutsItsSourceInBackoff() {
        TokenAuthenticator auth = authenticator(ScimSessionJsonTest.SESSION);
        failWith = SessionUnlockException.Reason.WRONG_TOKEN;
        assertEquals(AuthResult.Outcome.UNAUTHORIZED, auth.authenticate(token, "10.0.0.9").outcome());
        assertEquals(AuthResult.Outcome.THROTTLED, auth.authenticate(token, "10.0.0.9").outcome());
        assertEquals(1, kdfRuns.get());
    }

    @Test
    void backoffGrowsAndExpires() {
        TokenAuthenticator auth = authenticator();
        String wrong = BearerToken.generate(RANDOM);
        auth.authenticate(wrong, "s");
        now.addAndGet(Duration.ofMillis(1001).toNanos());
        assertEquals(AuthResult.Outcome.UNAUTHORIZED, auth.authenticate(wrong, "s").outcome());
        assertEquals(2, auth.authenticate(wrong, "s").retryAfterSeconds());
        now.addAndGet(Duration.ofMillis(2001).toNanos());
        assertEquals(AuthResult.Outcome.OK, auth.authenticate(token, "s").outcome());
        assertEquals(3, kdfRuns.get());
    }

    @ParameterizedTest(name = "format version {0}")
    @ValueSource(ints = {1, 2})
    void kdfRunsOneAtATimeAndConcurrentRightTokensUnlockOnce(int version) throws Exception {
        TokenAuthenticator auth = authenticator(version == 1 ? SessionCryptoTest.VERSION_1 : ScimSessionJsonTest.SESSION);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<AuthResult>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String source = "10.0.1." + i;
                String t = i % 2 == 0 ? token : BearerToken.generate(RANDOM);
                results.add(pool.submit(() -> {
                    start.await();
                    return auth.authenticate(t, source);
                }));
            }
            start.countDown();
            int ok = 0;
            for (Future<AuthResult> f : results) {
                if (f.get().outcome() == AuthResult.Outcome.OK) {
                    ok++;
                }
            }
            assertEquals(4, ok);
            assertEquals(1, maxConcurrent.get());
            // At most one KDF run for the right token; wrong tokens run it at most once each, and never
            // when the token check refuses them.
            assertTrue(kdfRuns.get() <= (version == 1 ? 5 : 1), "kdf runs " + kdfRuns.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tamperedSessionMakesTheBridgeUnavailable() {
        TokenAuthenticator auth = authenticator();
        failWith = SessionUnlockException.Reason.TAMPERED;
        assertEquals(AuthResult.Outcome.UNAVAILABLE, auth.authenticate(token, "x").outcome());
        assertEquals(TokenAuthenticator.State.UNAVAILABLE, auth.state());
        assertEquals(SessionProblem.Kind.TAMPERED, auth.problem().orElseThrow().kind());
        assertEquals(AuthResult.Outcome.UNAVAILABLE, auth.authenticate(token, "y").outcome());
        assertEquals(1, kdfRuns.get());
    }

    @Test
    void unusableSessionAnswersUnavailableForEveryToken() {
        TokenAuthenticator auth = new TokenAuthenticator(SessionLoader.load(java.util.Optional.empty()), stub,
                new FailureBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 10, now::get), Duration.ofSeconds(1));
        assertEquals(TokenAuthenticator.State.UNAVAILABLE, auth.state());
        assertEquals(AuthResult.Outcome.UNAVAILABLE, auth.authenticate(token, "x").outcome());
        assertEquals(AuthResult.Outcome.UNAVAILABLE, auth.authenticate(null, "x").outcome());
        assertEquals(0, kdfRuns.get());
    }

    @Test
    void realCryptoEndToEnd() throws Exception {
        SessionCrypto.Created created = SessionCrypto.createAccount("Acme", "p@acme.example", RANDOM);
        TokenAuthenticator auth = new TokenAuthenticator(SessionLoad.ok(created.session(), List.of()), SessionCrypto::unlock,
                new FailureBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 10, System::nanoTime), Duration.ofSeconds(10));
        for (int i = 0; i < 20; i++) {
            assertEquals(AuthResult.Outcome.UNAUTHORIZED, auth.authenticate(BearerToken.generate(RANDOM), "a").outcome());
        }
        assertEquals(AuthResult.Outcome.OK, auth.authenticate(created.token(), "a").outcome());
        byte[] sealed = auth.codec().orElseThrow().seal("k", new byte[] {1, 2, 3});
        assertEquals(3, new RecordCodec(SessionCrypto.unlock(created.session(), created.token())).open("k", sealed).length);
        assertFalse(auth.toString().contains(created.token()));
    }
}
