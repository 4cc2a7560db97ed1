package dev.scimbridge.store.redis;

import java.util.Optional;
import java.util.logging.Logger;

import dev.scimbridge.config.RedisConfig;
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
 * Without it, it starts an {@link EmbeddedRedis} for development and says so loudly in the log.
 * The client is {@code @Singleton} (no proxy: {@code UnifiedJedis} has final methods). It is normally
 * created while the application deploys ({@link RedisClientExtension}) and taken from there.
 */
@ApplicationScoped
public class RedisClientProducer {
    private static final Logger LOG = Logger.getLogger(RedisClientProducer.class.getName());

    @Inject
    RedisConfig config;

    private EmbeddedRedis embedded;

    /** A created client and the embedded Redis it talks to, if it started one. */
    record Created(UnifiedJedis client, Optional<EmbeddedRedis> embedded) {
        /** Closes the client, then stops the embedded Redis. */
        void close() {
            client.close();
            embedded.ifPresent(EmbeddedRedis::close);
        }
    }

    @Produces
    @Singleton
    UnifiedJedis redisClient() {
        Created created = EarlyRedisClient.take().orElseGet(() -> create(config));
        synchronized (this) {
            embedded = created.embedded().orElse(null);
        }
        return created.client();
    }

    void close(@Disposes UnifiedJedis client) {
        client.close();
    }

    /** Creates the client for {@code config}, starting the embedded Redis when no URL is configured. */
    static Created create(RedisConfig config) {
        Optional<EmbeddedRedis> embedded = config.url().isPresent() ? Optional.empty()
                : Optional.of(startEmbedded(config));
        try {
            RedisEndpoint endpoint = config.url().map(RedisEndpoint::parse)
                    .orElseGet(() -> new RedisEndpoint(false, "127.0.0.1", embedded.orElseThrow().port(),
                            Optional.empty(), Optional.empty(), 0));
            return new Created(client(config, endpoint), embedded);
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedRedis::close);
            throw e;
        }
    }

    private static EmbeddedRedis startEmbedded(RedisConfig config) {
        EmbeddedRedis started = EmbeddedRedis.start(config.embeddedPort(), config.embeddedDir());
        LOG.warning("scim.redis.url is not set: started an EMBEDDED Redis on 127.0.0.1:" + started.port()
                + " with its data in " + config.embeddedDir().toAbsolutePath()
                + ". This mode is for development only; set SCIM_REDIS_URL in production.");
        return started;
    }

    private static UnifiedJedis client(RedisConfig config, RedisEndpoint endpoint) {
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

    @PreDestroy
    synchronized void stopEmbedded() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }
}
