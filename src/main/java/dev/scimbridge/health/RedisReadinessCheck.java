package dev.scimbridge.health;

import dev.scimbridge.store.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import redis.clients.jedis.UnifiedJedis;

/**
 * Readiness: Redis answers {@code PING}. A Redis outage drains traffic (DOWN with the reason) without
 * restarting the pod; the pooled client reconnects on its own when Redis is back. Without a Redis to reach
 * (no URL in a build without the development Redis) the reason says what to set.
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
            return HealthCheckResponse.named("redis").down().withData("reason", reason(e)).build();
        }
    }

    /**
     * The reason readiness gives: a missing configuration as such, a failure to reach Redis by its kind
     * only (a Jedis message can quote the URL, password included).
     */
    static String reason(RuntimeException e) {
        return e instanceof StoreUnavailableException ? e.getMessage() : "Redis unreachable: " + e.getClass().getSimpleName();
    }
}
