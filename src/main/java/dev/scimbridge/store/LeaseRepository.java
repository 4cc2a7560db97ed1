package dev.scimbridge.store;

import java.time.Duration;

/** Time-limited leases, so background work runs on one replica at a time. */
public interface LeaseRepository {

    /** Takes the lease {@code name} for {@code owner}, or renews it if {@code owner} holds it; false if another does. */
    boolean acquire(Tenant tenant, String name, String owner, Duration ttl);
}
