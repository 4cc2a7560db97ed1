package dev.scimbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scimbridge.config.RedisConfig;
import dev.scimbridge.health.RedisReadinessCheck;
import dev.scimbridge.testsupport.ArquillianDeployments;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.UnifiedJedis;

/** In-container: CDI wires configuration, the one Redis client and the readiness check together. */
@ExtendWith(ArquillianExtension.class)
class RedisWiringIT {

    @Deployment
    static WebArchive deployment() {
        return ArquillianDeployments.withPackages("redis-wiring-it",
                "dev.scimbridge.config", "dev.scimbridge.store.redis", "dev.scimbridge.health");
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
