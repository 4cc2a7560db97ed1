package dev.scimbridge.store.redis;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

import dev.scimbridge.config.RedisConfig;
import dev.scimbridge.store.StoreUnavailableException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The one place that creates the Jedis client. Everything else injects {@link UnifiedJedis}, so a
 * Jedis upgrade touches only this class.
 *
 * <p>With {@code scim.redis.url} set it connects there ({@code redis://} or {@code rediss://}, user,
 * password and database from the URL or from {@code scim.redis.username}/{@code scim.redis.password}).
 * Without it, it starts an {@link EmbeddedRedis} for development and says so loudly in the log; where the
 * build leaves the development Redis out (the packaged {@code scim-bridge.war}), there is no client:
 * readiness, the log and the 503 of every SCIM request say that {@code SCIM_REDIS_URL} is missing,
 * instead of keeping the directory inside the server or the pod.
 * The client is {@code @Singleton} (no proxy: {@code UnifiedJedis} has final methods).
 */
@ApplicationScoped
public class RedisClientProducer {
    private static final Logger LOG = Logger.getLogger(RedisClientProducer.class.getName());
    static final String NOT_CONFIGURED = "no Redis configured: set SCIM_REDIS_URL (scim.redis.url); this build has no "
            + "development Redis to start in its place";

    @Inject
    RedisConfig config;

    /** Whether the development Redis is in this build; a field so that a test can take it away. */
    BooleanSupplier embeddedAvailable = EmbeddedRedis::available;

    private EmbeddedRedis embedded;

    @Produces
    @Singleton
    UnifiedJedis redisClient() {
        RedisEndpoint endpoint = endpoint();
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .socketTimeoutMillis((int) config.timeout().toMillis())
                .connectionTimeoutMillis((int) config.connectTimeout().toMillis())
                .database(config.database().orElse(endpoint.database()))
                .ssl(endpoint.tls())
                .clientName("scim-bridge");
        config.username().or(endpoint::username).ifPresent(client::user);
        config.password().or(endpoint::password).ifPresent(client::password);

        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(config.poolMaxTotal());
        pool.setMaxIdle(config.poolMaxTotal());
        pool.setMinIdle(0);
        pool.setMaxWait(config.timeout());
        pool.setTestWhileIdle(false);
        pool.setJmxEnabled(false);

        LOG.info("Redis: " + endpoint.redacted());
        return RedisClient.builder()
                .hostAndPort(new HostAndPort(endpoint.host(), endpoint.port()))
                .clientConfig(client.build())
                .poolConfig(pool)
                .build();
    }

    void close(@Disposes UnifiedJedis client) {
        client.close();
    }

    synchronized RedisEndpoint endpoint() {
        if (config.url().isPresent()) {
            return RedisEndpoint.parse(config.url().get());
        }
        if (!embeddedAvailable.getAsBoolean()) {
            throw new StoreUnavailableException(NOT_CONFIGURED);
        }
        if (embedded == null) {
            embedded = EmbeddedRedis.start(config.embeddedPort(), config.embeddedDir());
            LOG.warning("scim.redis.url is not set: started an EMBEDDED Redis on 127.0.0.1:" + embedded.port()
                    + " with its data in " + config.embeddedDir().toAbsolutePath()
                    + ". This mode is for development only; set SCIM_REDIS_URL in production.");
        }
        return new RedisEndpoint(false, "127.0.0.1", embedded.port(), Optional.empty(), Optional.empty(), 0);
    }

    @PreDestroy
    synchronized void stopEmbedded() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }
}
