package dev.scimbridge.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.scimbridge.config.ScimConfig;
import dev.scimbridge.session.AuthResult;
import dev.scimbridge.session.BearerToken;
import dev.scimbridge.session.FailureBackoff;
import dev.scimbridge.session.SessionCrypto;
import dev.scimbridge.session.SessionLoad;
import dev.scimbridge.session.SessionLoader;
import dev.scimbridge.session.TokenAuthenticator;

/**
 * The start-up half of {@link CredentialService}: loads the scimsession and, when
 * {@code scim.token.file} is set, unlocks it with that token. The unlock is a deliberately slow key
 * derivation (PBKDF2, 600,000 iterations: 0.5-0.7 s on a cold JVM), so {@link StartupUnlockExtension}
 * begins it on a thread of its own while the container is still deploying the application, and the
 * credential service takes the outcome when the application starts. Without the extension the same
 * work runs on the taking thread.
 */
final class StartupUnlock {
    private static final Logger LOG = Logger.getLogger(StartupUnlock.class.getName());
    /** Begun by the extension and not yet taken. */
    private static final AtomicReference<CompletableFuture<StartupUnlock>> BEGUN = new AtomicReference<>();

    private final TokenAuthenticator authenticator;

    private StartupUnlock(ScimConfig config) {
        SessionLoad load = SessionLoader.load(config.session());
        load.problem().ifPresent(p -> LOG.warning("SCIM requests will get 503 until this is fixed: " + p.reason()));
        load.warnings().forEach(LOG::warning);
        load.session().ifPresent(s -> LOG.info("Loaded the scimsession of account " + s.account().id()
                + "; waiting for the bearer token to unlock it"));
        authenticator = new TokenAuthenticator(load, SessionCrypto::unlock,
                new FailureBackoff(config.backoffInitial(), config.backoffMax(), 10_000, System::nanoTime),
                Duration.ofSeconds(30));
        config.tokenFile().ifPresent(this::unlockWith);
    }

    /** Starts the work on a daemon thread; {@link #take} collects it. A second call before that does nothing. */
    static void begin(ScimConfig config) {
        begin(config, work -> new Thread(work, "scim-startup-unlock"));
    }

    /** {@link #begin(ScimConfig)} on a thread that {@code threads} makes. */
    static void begin(ScimConfig config, ThreadFactory threads) {
        CompletableFuture<StartupUnlock> outcome = new CompletableFuture<>();
        if (!BEGUN.compareAndSet(null, outcome)) {
            return;
        }
        Thread worker = threads.newThread(() -> {
            try {
                outcome.complete(new StartupUnlock(config));
            } catch (RuntimeException | Error e) {
                outcome.completeExceptionally(e);
            }
        });
        worker.setContextClassLoader(StartupUnlock.class.getClassLoader());
        worker.setDaemon(true);
        try {
            worker.start();
        } catch (RuntimeException | Error e) {
            // No thread (native memory, limits): take() then does the work on its own thread.
            outcome.completeExceptionally(e);
        }
    }

    /**
     * The begun work once it has ended (at most one key derivation away), or the same work done now on
     * this thread when none was begun or the begun one failed.
     */
    static StartupUnlock take(ScimConfig config) {
        CompletableFuture<StartupUnlock> begun = BEGUN.getAndSet(null);
        if (begun != null) {
            try {
                return begun.join();
            } catch (CompletionException e) {
                LOG.log(Level.WARNING, "The early scimsession unlock failed (" + e.getCause().getClass().getSimpleName()
                        + "); loading it again");
            }
        }
        return new StartupUnlock(config);
    }

    /** Checks bearer tokens; already unlocked when {@code scim.token.file} held the right token. */
    TokenAuthenticator authenticator() {
        return authenticator;
    }

    private void unlockWith(String file) {
        if (authenticator.state() != TokenAuthenticator.State.LOCKED) {
            return;
        }
        // A token given where its file's path belongs is never logged.
        String shown = file.contains(BearerToken.PREFIX) ? "(a value holding a bearer token, not a path)" : file;
        String token;
        try {
            token = Files.readString(Path.of(file), StandardCharsets.US_ASCII).strip();
        } catch (IOException | RuntimeException e) {
            LOG.warning("scim.token.file " + shown + " cannot be read (" + e.getClass().getSimpleName()
                    + "); the scimsession stays locked until the first request with the bearer token");
            return;
        }
        AuthResult result = authenticator.authenticate(token, "scim.token.file");
        if (result.outcome() != AuthResult.Outcome.OK) {
            LOG.warning("scim.token.file " + shown + " does not unlock the scimsession (" + result.outcome()
                    + "); it stays locked until the first request with the right bearer token");
        }
    }
}
