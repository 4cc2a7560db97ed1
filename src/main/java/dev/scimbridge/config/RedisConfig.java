package dev.scimbridge.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How the bridge reaches Redis (MicroProfile Config; env vars {@code SCIM_REDIS_URL} and so on).
 *
 * <p>Absent {@code scim.redis.url} means development mode where the build carries the embedded Redis
 * ({@code mvn liberty:run}); the packaged WAR then reports that no Redis is configured.
 * The password may be given in the URL or, better, in {@code scim.redis.password} (from a Secret). The
 * password is taken literally: MicroProfile Config's property expressions ({@code ${name}}, with
 * {@code \} as their escape) would otherwise rewrite a generated password that holds <code>${</code> or
 * refuse to start on it.
 */
@ApplicationScoped
public class RedisConfig {

    @Inject
    @ConfigProperty(name = "scim.redis.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "scim.redis.username")
    Optional<String> username;

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "scim.redis.database")
    Optional<Integer> database;

    @Inject
    @ConfigProperty(name = "scim.redis.timeout", defaultValue = "PT2S")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "scim.redis.connect-timeout", defaultValue = "PT2S")
    Duration connectTimeout;

    @Inject
    @ConfigProperty(name = "scim.redis.pool.max-total", defaultValue = "32")
    int poolMaxTotal;

    @Inject
    @ConfigProperty(name = "scim.redis.embedded.dir", defaultValue = "redis-data")
    String embeddedDir;

    @Inject
    @ConfigProperty(name = "scim.redis.embedded.port", defaultValue = "0")
    int embeddedPort;

    /** The Redis URL ({@code redis://} or {@code rediss://}); empty means "start the embedded Redis". */
    public Optional<String> url() {
        return url.map(String::trim).filter(s -> !s.isEmpty());
    }

    public Optional<String> username() {
        return username.filter(s -> !s.isEmpty());
    }

    /**
     * The Redis password, as written: taken from the configuration sources themselves, highest ordinal first
     * (the order {@link Config#getConfigSources()} gives), which never expand expressions; never log it.
     */
    public Optional<String> password() {
        for (ConfigSource source : config.getConfigSources()) {
            String value = source.getValue("scim.redis.password");
            if (value != null) {
                return Optional.of(value).filter(s -> !s.isEmpty());
            }
        }
        return Optional.empty();
    }

    public Optional<Integer> database() {
        return database;
    }

    public Duration timeout() {
        return timeout;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public int poolMaxTotal() {
        return poolMaxTotal;
    }

    /** Data directory (AOF) of the embedded development Redis. */
    public Path embeddedDir() {
        return Path.of(embeddedDir);
    }

    /** Port of the embedded development Redis; 0 picks a free loopback port. */
    public int embeddedPort() {
        return embeddedPort;
    }
}
