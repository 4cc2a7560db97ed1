package dev.scimbridge.config;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits and behaviour of the directory (MicroProfile Config; env vars {@code SCIM_EVENTS_MAX_LENGTH}
 * and so on). All keys are documented in docs/configuration.md.
 */
@ApplicationScoped
public class DirectoryConfig {

    @Inject
    @ConfigProperty(name = "scim.events.max-length", defaultValue = "100000")
    int eventsMaxLength;

    @Inject
    @ConfigProperty(name = "scim.filter.max-results", defaultValue = "1000")
    int filterMaxResults;

    @Inject
    @ConfigProperty(name = "scim.filter.scan-limit", defaultValue = "20000")
    int scanLimit;

    @Inject
    @ConfigProperty(name = "scim.bulk.max-operations", defaultValue = "1000")
    int bulkMaxOperations;

    @Inject
    @ConfigProperty(name = "scim.bulk.max-payload-size", defaultValue = "1048576")
    int bulkMaxPayloadSize;

    @Inject
    @ConfigProperty(name = "scim.request.max-payload-size", defaultValue = "1048576")
    int requestMaxPayloadSize;

    @Inject
    @ConfigProperty(name = "scim.confirmation.interval", defaultValue = "PT60S")
    String confirmationInterval;

    @Inject
    @ConfigProperty(name = "scim.public-base-url")
    java.util.Optional<String> publicBaseUrl;

    /**
     * The SCIM root as clients reach it (e.g. {@code https://scim.example.com/scim/v2}), for
     * {@code meta.location} behind a TLS proxy; absent: taken from each request.
     */
    public java.util.Optional<String> publicBaseUrl() {
        return publicBaseUrl.map(String::trim).filter(s -> !s.isEmpty());
    }

    /** Approximate cap ({@code XADD MAXLEN ~}) of the account's event stream. */
    public int eventsMaxLength() {
        return eventsMaxLength;
    }

    /** Largest {@code count} a list or search returns in one page ({@code filter.maxResults}). */
    public int filterMaxResults() {
        return filterMaxResults;
    }

    /** Most records a filter without an index may scan before the answer is {@code tooMany}. */
    public int scanLimit() {
        return scanLimit;
    }

    public int bulkMaxOperations() {
        return bulkMaxOperations;
    }

    public int bulkMaxPayloadSize() {
        return bulkMaxPayloadSize;
    }

    /** Largest request body accepted outside Bulk (413 above). */
    public int requestMaxPayloadSize() {
        return requestMaxPayloadSize;
    }

    /**
     * How invited users become active: {@code manual} (never automatically), {@code 0}/{@code PT0S}
     * (confirmed on create), or an ISO-8601 interval such as {@code PT60S} (confirmed by the watcher).
     * Empty means manual.
     */
    public java.util.Optional<Duration> confirmationInterval() {
        String value = confirmationInterval.trim();
        if (value.equalsIgnoreCase("manual") || value.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (value.equals("0")) {
            return java.util.Optional.of(Duration.ZERO);
        }
        if (value.matches("\\d+")) {
            return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        return java.util.Optional.of(Duration.parse(value));
    }
}
