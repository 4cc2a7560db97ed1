package dev.scimbridge.session;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * Checks bearer tokens against the scimsession and holds the unlocked account keys in memory.
 *
 * <ul>
 *   <li><b>Before unlock</b> a well-formed token first meets the scimsession's token check (version 2,
 *       {@link SessionCrypto#passesCheck}): one HMAC, which a wrong token fails with 401 without a KDF
 *       run and without back-off, so wrong tokens sent from the IdP's own address (a load balancer's)
 *       cannot hold off its unlocking request. A token that passes it (the right one, or with a version 1
 *       scimsession any token) costs one KDF run (about half a second by design).
 *       KDF runs are serialised by one lock, so at most one core is ever busy with them, and a source
 *       whose token failed is put in exponential back-off ({@link FailureBackoff}): until its wait
 *       ends it gets 401 with {@code Retry-After} without any KDF run.</li>
 *   <li><b>The first right token</b> unlocks: the account keys stay in this object (never written
 *       anywhere), and only {@code SHA-256(token)} is kept to check later requests.</li>
 *   <li><b>After unlock</b> every request costs one SHA-256 of about 50 bytes and a constant-time
 *       {@link MessageDigest#isEqual} against the cached digest: the KDF never runs again, and a
 *       wrong token costs microseconds.</li>
 * </ul>
 *
 * Pure Java, no CDI: the bridge wraps it in {@code dev.scimbridge.service.CredentialService}.
 */
public final class TokenAuthenticator {
    private static final Logger LOG = Logger.getLogger(TokenAuthenticator.class.getName());
    static final String WRONG_TOKEN = "The bearer token is not valid for this bridge.";
    static final String MALFORMED_TOKEN = "The bearer token is malformed: expected " + BearerToken.PREFIX + " followed by 43 base64url characters.";

    /** Opens a scimsession with a token; {@link SessionCrypto#unlock} in production, a counter in tests. */
    @FunctionalInterface
    public interface Unlocker {
        AccountKeys unlock(ScimSession session, String token) throws SessionUnlockException;
    }

    /** The state for readiness. */
    public enum State {
        /** The scimsession is loaded; no right token has been seen yet. */
        LOCKED,
        /** The account keys are in memory. */
        UNLOCKED,
        /** The scimsession is unusable ({@link #problem()} says why). */
        UNAVAILABLE
    }

    private record Unlocked(byte[] tokenDigest, AccountKeys keys, RecordCodec codec) {
    }

    private final Optional<ScimSession> session;
    private final SessionProblem loadProblem;
    private final Unlocker unlocker;
    private final FailureBackoff backoff;
    private final long lockWaitNanos;
    private final ReentrantLock kdfLock = new ReentrantLock(true);
    private volatile SessionProblem unlockProblem;
    private volatile Unlocked unlocked;

    public TokenAuthenticator(SessionLoad load, Unlocker unlocker, FailureBackoff backoff, Duration lockWait) {
        this.session = load.session();
        this.loadProblem = load.problem().orElse(null);
        this.unlocker = unlocker;
        this.backoff = backoff;
        this.lockWaitNanos = lockWait.toNanos();
    }

    /**
     * Decides whether {@code token} (the credentials of {@code Authorization: Bearer}) is the account's
     * token. {@code source} is the client address, the unit of back-off before unlock.
     */
    public AuthResult authenticate(String token, String source) {
        Optional<SessionProblem> problem = problem();
        if (problem.isPresent()) {
            return new AuthResult(AuthResult.Outcome.UNAVAILABLE, "The bridge has no usable scimsession; see /health/ready.", 5);
        }
        if (!BearerToken.isWellFormed(token)) {
            return AuthResult.unauthorized(MALFORMED_TOKEN);
        }
        Unlocked u = unlocked;
        if (u != null) {
            return compare(u, token);
        }
        if (!SessionCrypto.passesCheck(session.orElseThrow(), token)) {
            LOG.fine("Wrong bearer token before unlock, refused by the scimsession's token check");
            return AuthResult.unauthorized(WRONG_TOKEN);
        }
        AuthResult throttled = throttled(source);
        if (throttled != null) {
            return throttled;
        }
        boolean locked;
        try {
            locked = kdfLock.tryLock(lockWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            locked = false;
        }
        if (!locked) {
            return new AuthResult(AuthResult.Outcome.BUSY, "The bridge is checking another token; retry shortly.", 1);
        }
        try {
            u = unlocked;
            if (u != null) {
                return compare(u, token);
            }
            if (unlockProblem != null) {
                return new AuthResult(AuthResult.Outcome.UNAVAILABLE, "The bridge has no usable scimsession; see /health/ready.", 5);
            }
            throttled = throttled(source);
            if (throttled != null) {
                return throttled;
            }
            AccountKeys keys;
            try {
                keys = unlocker.unlock(session.orElseThrow(), token);
            } catch (SessionUnlockException e) {
                if (e.reason() == SessionUnlockException.Reason.TAMPERED) {
                    unlockProblem = new SessionProblem(SessionProblem.Kind.TAMPERED,
                            "the scimsession does not authenticate with the right token: " + e.getMessage());
                    LOG.severe("The scimsession was altered: its encrypted credentials do not authenticate. "
                            + "Generate a new pair with scim-setup or restore the original file.");
                    return new AuthResult(AuthResult.Outcome.UNAVAILABLE, "The bridge has no usable scimsession; see /health/ready.", 5);
                }
                long wait = backoff.failed(source);
                LOG.fine(() -> "Wrong bearer token before unlock; source in back-off for " + TimeUnit.NANOSECONDS.toMillis(wait) + " ms");
                return AuthResult.unauthorized(WRONG_TOKEN);
            }
            unlocked = new Unlocked(BearerToken.digest(token), keys, new RecordCodec(keys));
            backoff.clear();
            LOG.info("scimsession unlocked for account " + session.get().account().id() + "; the account keys are held in memory only");
            return AuthResult.OK;
        } finally {
            kdfLock.unlock();
        }
    }

    private AuthResult throttled(String source) {
        long wait = backoff.remainingNanos(source);
        if (wait <= 0) {
            return null;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + 999_999_999L));
        return new AuthResult(AuthResult.Outcome.THROTTLED,
                "Too many failed attempts from this address; retry after " + seconds + " s.", seconds);
    }

    private static AuthResult compare(Unlocked u, String token) {
        return MessageDigest.isEqual(BearerToken.digest(token), u.tokenDigest)
                ? AuthResult.OK : AuthResult.unauthorized(WRONG_TOKEN);
    }

    /** The state for readiness. */
    public State state() {
        if (problem().isPresent()) {
            return State.UNAVAILABLE;
        }
        return unlocked == null ? State.LOCKED : State.UNLOCKED;
    }

    /** Why the scimsession is unusable, if it is. */
    public Optional<SessionProblem> problem() {
        if (loadProblem != null) {
            return Optional.of(loadProblem);
        }
        return Optional.ofNullable(unlockProblem);
    }

    /** The loaded scimsession (its public header: ids, names, verifier parameters). */
    public Optional<ScimSession> session() {
        return session;
    }

    /** The record codec over the account keys, once unlocked. */
    public Optional<RecordCodec> codec() {
        Unlocked u = unlocked;
        return u == null ? Optional.empty() : Optional.of(u.codec);
    }

    @Override
    public String toString() {
        return "TokenAuthenticator[" + state() + "]";
    }
}
