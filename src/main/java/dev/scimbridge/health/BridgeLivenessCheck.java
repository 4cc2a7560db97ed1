package dev.scimbridge.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: the JVM serves requests. It deliberately touches nothing outside the process, so a Redis
 * outage never gets the pod restarted.
 */
@Liveness
@ApplicationScoped
public class BridgeLivenessCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("bridge");
    }
}
