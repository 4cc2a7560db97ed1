package dev.scimbridge.service;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.scimbridge.config.DirectoryConfig;
import dev.scimbridge.store.LeaseRepository;
import dev.scimbridge.store.Tenant;
import dev.scimbridge.store.UserRepository;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Confirms invited users every {@code scim.confirmation.interval}: {@code invited} becomes
 * {@code active} with {@code confirmedAt}, and a {@code user.confirmed} event is appended. Only the
 * replica holding the Redis lease works; a tick with nobody invited costs one {@code SRANDMEMBER}.
 * A tick confirms batch after batch until a batch comes back short or confirms nobody, or half the
 * interval has passed, so the users of an initial sync are confirmed within minutes, not a batch a
 * minute. Each confirmation is a versioned write that first checks the user is still invited, so no user
 * is confirmed twice. With the interval 0 users are confirmed on create; with {@code manual} never.
 */
@ApplicationScoped
public class ConfirmationWatcher {
    private static final Logger LOG = Logger.getLogger(ConfirmationWatcher.class.getName());
    private static final int BATCH = 500;

    @Inject
    DirectoryConfig config;

    @Inject
    AccountContext account;

    @Inject
    UserRepository users;

    @Inject
    UserService userService;

    @Inject
    LeaseRepository leases;

    private final String owner = UUID.randomUUID().toString();
    private ScheduledExecutorService scheduler;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        Optional<Duration> interval = config.confirmationInterval();
        if (interval.isEmpty() || interval.get().isZero()) {
            LOG.info("Confirmation watcher off (scim.confirmation.interval=" + (interval.isEmpty() ? "manual" : "0") + ")");
            return;
        }
        long millis = interval.get().toMillis();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scim-confirmation-watcher");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** One round, if this replica holds the lease: batches of invited users until none is left or the round's time is up. */
    int tick() {
        try {
            if (!account.unlocked()) {
                return 0;
            }
            Tenant tenant = account.tenant();
            Duration interval = config.confirmationInterval().orElse(Duration.ofMinutes(1));
            if (!leases.acquire(tenant, "confirmation", owner, interval.multipliedBy(3))) {
                return 0;
            }
            long deadline = System.nanoTime() + interval.dividedBy(2).toNanos();
            int confirmed = 0;
            boolean more = true;
            while (more) {
                Set<String> invited = users.invited(tenant, BATCH);
                int inBatch = 0;
                for (String id : invited) {
                    if (userService.confirm(tenant, id)) {
                        inBatch++;
                    }
                }
                confirmed += inBatch;
                more = invited.size() == BATCH && inBatch > 0 && System.nanoTime() - deadline < 0;
            }
            if (confirmed > 0) {
                LOG.info("Confirmed " + confirmed + " invited user(s)");
            }
            return confirmed;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Confirmation round failed (" + e.getClass().getSimpleName() + "); retrying next round");
            return 0;
        }
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
