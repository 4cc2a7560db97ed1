package dev.scimbridge.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import redis.clients.jedis.UnifiedJedis;

/**
 * Readiness: Redis answers {@code PING}. A Redis outage drains traffic (DOWN with the reason) without
 * restarting the pod; the pooled client reconnects on its own when Redis is back.
 */
@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements HealthCheck {

    @Inject
    Provider<UnifiedJedis> redis;

    @Override
    public HealthCheckResponse call() {
        try {
            String pong = redis.get().ping();
            return HealthCheckResponse.named("redis").status("PONG".equalsIgnoreCase(pong)).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("redis").down()
                    .withData("reason", "Redis unreachable: " + e.getClass().getSimpleName())
                    .build();
        }
    }
}
