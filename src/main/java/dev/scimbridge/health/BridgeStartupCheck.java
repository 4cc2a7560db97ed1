package dev.scimbridge.health;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;
import redis.clients.jedis.UnifiedJedis;

/**
 * Startup: UP once the application has initialised. Initialising also creates the Redis client
 * (and, in development mode, starts the embedded Redis), so the first request does not pay for it.
 */
@Startup
@ApplicationScoped
public class BridgeStartupCheck implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(BridgeStartupCheck.class.getName());

    @Inject
    Provider<UnifiedJedis> redis;

    private volatile boolean started;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        try {
            redis.get();
        } catch (RuntimeException e) {
            // Readiness names the problem; the bridge still starts so that health can be read.
            LOG.warning("Redis client not created at start-up: " + e.getMessage());
        }
        started = true;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("bridge").status(started).build();
    }
}
