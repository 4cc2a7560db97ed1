package dev.scimbridge.service;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.scimbridge.config.ScimConfig;
import dev.scimbridge.session.AuthResult;
import dev.scimbridge.session.RecordCodec;
import dev.scimbridge.session.SessionProblem;
import dev.scimbridge.session.TokenAuthenticator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The bridge's credentials: takes the scimsession loaded (and perhaps unlocked) at start-up
 * ({@link StartupUnlock}), authenticates bearer tokens ({@link TokenAuthenticator}), keeps the unlocked
 * account keys in memory, and bootstraps the account in Redis after the first unlock. An unusable
 * scimsession never stops the bridge: readiness is DOWN with the reason and SCIM requests get 503.
 *
 * <p>Nothing here logs or returns the token, the scimsession contents or the keys.
 */
@ApplicationScoped
public class CredentialService {
    private static final Logger LOG = Logger.getLogger(CredentialService.class.getName());
    private static final long BOOTSTRAP_RETRY_NANOS = Duration.ofSeconds(5).toNanos();

    @Inject
    ScimConfig config;

    @Inject
    AccountBootstrap bootstrap;

    private TokenAuthenticator authenticator;
    private volatile boolean bootstrapped;
    private long lastBootstrapAttempt;

    @PostConstruct
    void load() {
        authenticator = StartupUnlock.take(config).authenticator();
    }

    /**
     * Start-up: bootstraps the account when {@code scim.token.file} unlocked the scimsession (no request
     * reaches the bridge before the application has started, so nothing else can have unlocked it).
     */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (authenticator.state() == TokenAuthenticator.State.UNLOCKED) {
            ensureBootstrapped();
            LOG.info("Unlocked the scimsession at start-up with scim.token.file");
        }
    }

    /** Checks a bearer token from {@code source}; on the first success, bootstraps the account. */
    public AuthResult authenticate(String token, String source) {
        AuthResult result = authenticator.authenticate(token, source);
        if (result.outcome() == AuthResult.Outcome.OK && !bootstrapped) {
            ensureBootstrapped();
        }
        return result;
    }

    private void ensureBootstrapped() {
        synchronized (this) {
            long now = System.nanoTime();
            if (bootstrapped || (lastBootstrapAttempt != 0 && now - lastBootstrapAttempt < BOOTSTRAP_RETRY_NANOS)) {
                return;
            }
            lastBootstrapAttempt = now;
            try {
                bootstrap.bootstrap(authenticator.session().orElseThrow(), authenticator.codec().orElseThrow());
                bootstrapped = true;
            } catch (RuntimeException e) {
                // Redis may be down; readiness says so. Retry on a later request.
                LOG.log(Level.WARNING, "Account bootstrap failed (" + e.getClass().getSimpleName() + "); will retry");
            }
        }
    }

    /** LOCKED, UNLOCKED or UNAVAILABLE. */
    public TokenAuthenticator.State state() {
        return authenticator.state();
    }

    /** Why the scimsession is unusable, if it is. */
    public Optional<SessionProblem> problem() {
        return authenticator.problem();
    }

    /** The record codec over the unlocked account keys; empty while locked. */
    public Optional<RecordCodec> codec() {
        return authenticator.codec();
    }

    /** The account id from the scimsession header, when one is loaded. */
    public Optional<String> accountId() {
        return authenticator.session().map(s -> s.account().id());
    }

    /** Whether the account records exist in Redis (bootstrap done by this replica or found present). */
    public boolean bootstrapped() {
        return bootstrapped;
    }
}
