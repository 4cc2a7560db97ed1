package dev.scimbridge.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.scimbridge.config.ScimConfig;
import dev.scimbridge.session.AuthResult;
import dev.scimbridge.session.FailureBackoff;
import dev.scimbridge.session.RecordCodec;
import dev.scimbridge.session.SessionCrypto;
import dev.scimbridge.session.SessionLoad;
import dev.scimbridge.session.SessionLoader;
import dev.scimbridge.session.SessionProblem;
import dev.scimbridge.session.TokenAuthenticator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The bridge's credentials: loads {@code scim.session} once at start-up, authenticates bearer tokens
 * ({@link TokenAuthenticator}), keeps the unlocked account keys in memory, and bootstraps the account
 * in Redis after the first unlock. An unusable scimsession never stops the bridge: readiness is DOWN
 * with the reason and SCIM requests get 503.
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
        SessionLoad load = SessionLoader.load(config.session());
        load.problem().ifPresent(p -> LOG.warning("SCIM requests will get 503 until this is fixed: " + p.reason()));
        load.warnings().forEach(LOG::warning);
        load.session().ifPresent(s -> LOG.info("Loaded the scimsession of account " + s.account().id()
                + "; waiting for the bearer token to unlock it"));
        authenticator = new TokenAuthenticator(load, SessionCrypto::unlock,
                new FailureBackoff(config.backoffInitial(), config.backoffMax(), 10_000, System::nanoTime),
                Duration.ofSeconds(30));
    }

    /** Start-up: unlock with {@code scim.token.file} if configured. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        Optional<String> file = config.tokenFile();
        if (file.isEmpty() || authenticator.state() != TokenAuthenticator.State.LOCKED) {
            return;
        }
        String token;
        try {
            token = Files.readString(Path.of(file.get()), StandardCharsets.US_ASCII).strip();
        } catch (IOException | RuntimeException e) {
            LOG.warning("scim.token.file " + file.get() + " cannot be read (" + e.getClass().getSimpleName()
                    + "); the scimsession stays locked until the first request with the bearer token");
            return;
        }
        AuthResult result = authenticate(token, "scim.token.file");
        if (result.outcome() == AuthResult.Outcome.OK) {
            LOG.info("Unlocked the scimsession at start-up with scim.token.file");
        } else {
            LOG.warning("scim.token.file " + file.get() + " does not unlock the scimsession (" + result.outcome()
                    + "); it stays locked until the first request with the right bearer token");
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
