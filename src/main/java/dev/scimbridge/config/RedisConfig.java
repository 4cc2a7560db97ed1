package dev.scimbridge.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * How the bridge reaches Redis (MicroProfile Config; env vars {@code SCIM_REDIS_URL} and so on).
 *
 * <p>Absent {@code scim.redis.url} means development mode: the bridge starts an embedded Redis.
 * The password may be given in the URL or, better, in {@code scim.redis.password} (from a Secret).
 *
 * <p>Read from a MicroProfile {@link Config} rather than injected property by property, so the Redis
 * client can be created before the container has any bean ({@code RedisClientExtension}).
 */
@ApplicationScoped
public class RedisConfig {
    private final Optional<String> url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Optional<Integer> database;
    private final Duration timeout;
    private final Duration connectTimeout;
    private final int poolMaxTotal;
    private final String embeddedDir;
    private final int embeddedPort;

    /** Reads the settings from {@code config}; a value that does not convert fails here, naming the property. */
    @Inject
    public RedisConfig(Config config) {
        this.url = config.getOptionalValue("scim.redis.url", String.class);
        this.username = config.getOptionalValue("scim.redis.username", String.class);
        this.password = config.getOptionalValue("scim.redis.password", String.class);
        this.database = config.getOptionalValue("scim.redis.database", Integer.class);
        this.timeout = config.getOptionalValue("scim.redis.timeout", Duration.class).orElse(Duration.ofSeconds(2));
        this.connectTimeout = config.getOptionalValue("scim.redis.connect-timeout", Duration.class).orElse(Duration.ofSeconds(2));
        this.poolMaxTotal = config.getOptionalValue("scim.redis.pool.max-total", Integer.class).orElse(32);
        this.embeddedDir = config.getOptionalValue("scim.redis.embedded.dir", String.class).orElse("redis-data");
        this.embeddedPort = config.getOptionalValue("scim.redis.embedded.port", Integer.class).orElse(0);
    }

    /** For the container's client proxy, which delegates every call to the instance built from the config. */
    protected RedisConfig() {
        this.url = Optional.empty();
        this.username = Optional.empty();
        this.password = Optional.empty();
        this.database = Optional.empty();
        this.timeout = null;
        this.connectTimeout = null;
        this.poolMaxTotal = 0;
        this.embeddedDir = null;
        this.embeddedPort = 0;
    }

    /** The Redis URL ({@code redis://} or {@code rediss://}); empty means "start the embedded Redis". */
    public Optional<String> url() {
        return url.map(String::trim).filter(s -> !s.isEmpty());
    }

    public Optional<String> username() {
        return username.filter(s -> !s.isEmpty());
    }

    /** The Redis password; never log it. */
    public Optional<String> password() {
        return password.filter(s -> !s.isEmpty());
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
