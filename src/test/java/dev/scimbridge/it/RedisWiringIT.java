package dev.scimbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;

import dev.scimbridge.config.RedisConfig;
import dev.scimbridge.health.RedisReadinessCheck;
import dev.scimbridge.store.StoreUnavailableException;
import dev.scimbridge.store.redis.EmbeddedRedis;
import dev.scimbridge.testsupport.ArquillianDeployments;
import dev.scimbridge.testsupport.ItEnvironment;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * In-container: CDI wires configuration, the one Redis client and the readiness check together. The build runs
 * it in a failsafe execution of its own, after the other integration tests and with reruns (pom.xml).
 */
@ExtendWith(ArquillianExtension.class)
class RedisWiringIT {

    /**
     * Client side, before the tests: the build's Redis answers. RedisOutageIT restarts it from the other
     * execution's JVM, and a Redis started there ends with that JVM; this one starts it again on its port.
     */
    @BeforeAll
    static void theTestRedisAnswers() {
        if (!ItEnvironment.redisOwnedByBuild()) {
            return;
        }
        int port = URI.create(ItEnvironment.redisUrl()).getPort();
        try (Jedis client = new Jedis("127.0.0.1", port)) {
            client.ping();
        } catch (JedisConnectionException e) {
            EmbeddedRedis.start(port, Path.of(ItEnvironment.required("scim.it.redisDir")));
        }
    }

    @Deployment
    static WebArchive deployment() {
        // The client producer and readiness check throw StoreUnavailableException when no Redis is configured.
        return ArquillianDeployments.withPackages("redis-wiring-it",
                "dev.scimbridge.config", "dev.scimbridge.store.redis", "dev.scimbridge.health")
                .addClass(StoreUnavailableException.class);
    }

    @Inject
    RedisConfig config;

    @Inject
    UnifiedJedis redis;

    @Inject
    @Readiness
    RedisReadinessCheck readiness;

    @Test
    void configurationComesFromTheEnvironment() {
        assertEquals(true, config.url().isPresent(), "SCIM_REDIS_URL is set for the IT server");
    }

    @Test
    void theProducedClientTalksToRedis() {
        String key = "scim-it:{wiring}:probe";
        redis.set(key, "v");
        assertEquals("v", redis.get(key));
        redis.del(key);
    }

    @Test
    void readinessIsUpWhileRedisAnswers() {
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
    }
}
