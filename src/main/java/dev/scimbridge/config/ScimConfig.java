package dev.scimbridge.config;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Credential settings (docs/configuration.md, section Credentials). Env vars: {@code SCIM_SESSION},
 * {@code SCIM_TOKEN_FILE}, {@code SCIM_AUTH_BACKOFF_INITIAL}, {@code SCIM_AUTH_BACKOFF_MAX}.
 *
 * <p>Read from a MicroProfile {@link Config} rather than injected property by property, so the start-up
 * unlock can read the same settings before the container has any bean ({@code StartupUnlockExtension}).
 */
@ApplicationScoped
public class ScimConfig {
    private final Optional<String> session;
    private final Optional<String> tokenFile;
    private final Duration backoffInitial;
    private final Duration backoffMax;

    /** Reads the settings from {@code config}. */
    @Inject
    public ScimConfig(Config config) {
        this.session = config.getOptionalValue("scim.session", String.class);
        this.tokenFile = config.getOptionalValue("scim.token.file", String.class);
        this.backoffInitial = config.getOptionalValue("scim.auth.backoff.initial", Duration.class).orElse(Duration.ofSeconds(1));
        this.backoffMax = config.getOptionalValue("scim.auth.backoff.max", Duration.class).orElse(Duration.ofSeconds(30));
    }

    /** The settings of the application whose class loader is {@code loader}, before the container has any bean. */
    public static ScimConfig current(ClassLoader loader) {
        return new ScimConfig(ConfigProvider.getConfig(loader));
    }

    /** For the container's client proxy, which delegates every call to the instance built from the config. */
    protected ScimConfig() {
        this.session = Optional.empty();
        this.tokenFile = Optional.empty();
        this.backoffInitial = null;
        this.backoffMax = null;
    }

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
