package dev.scimbridge.config;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Credential settings (docs/configuration.md, section Credentials). Env vars: {@code SCIM_SESSION},
 * {@code SCIM_TOKEN_FILE}, {@code SCIM_AUTH_BACKOFF_INITIAL}, {@code SCIM_AUTH_BACKOFF_MAX}.
 */
@ApplicationScoped
public class ScimConfig {

    @Inject
    @ConfigProperty(name = "scim.session")
    Optional<String> session;

    @Inject
    @ConfigProperty(name = "scim.token.file")
    Optional<String> tokenFile;

    @Inject
    @ConfigProperty(name = "scim.auth.backoff.initial", defaultValue = "PT1S")
    Duration backoffInitial;

    @Inject
    @ConfigProperty(name = "scim.auth.backoff.max", defaultValue = "PT30S")
    Duration backoffMax;

    /** The scimsession: a file path (normally a mounted Secret) or the file's base64 content. Never log it. */
    public Optional<String> session() {
        return session.filter(s -> !s.isBlank());
    }

    /** A file holding the bearer token, to unlock at start-up; absent means "unlock on the first request". */
    public Optional<String> tokenFile() {
        return tokenFile.map(String::trim).filter(s -> !s.isEmpty());
    }

    /** Wait after the first failed token from one address, before unlock; doubles per failure. */
    public Duration backoffInitial() {
        return backoffInitial;
    }

    /** The longest back-off for one address. */
    public Duration backoffMax() {
        return backoffMax;
    }
}
