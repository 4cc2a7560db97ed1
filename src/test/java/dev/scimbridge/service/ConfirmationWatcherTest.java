package dev.scimbridge.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.scimbridge.config.DirectoryConfig;
import dev.scimbridge.store.Tenant;
import dev.scimbridge.store.UserRepository;
import dev.scimbridge.testsupport.StoreFixtures;
import org.junit.jupiter.api.Test;

/** One round of the confirmation watcher over an invited set held in memory. */
class ConfirmationWatcherTest {
    private final Tenant tenant = StoreFixtures.newTenant();
    /** The invited set; a confirmed user leaves it, as the replace script removes it. */
    private final Set<String> invited = new LinkedHashSet<>();
    /** Ids confirm() refuses (no longer invited, say) and leaves in the set. */
    private final Set<String> refused = new LinkedHashSet<>();
    private final List<Integer> batches = new ArrayList<>();
    private boolean leaseHeld = true;
    private Duration interval = Duration.ofMinutes(1);

    private ConfirmationWatcher watcher() {
        ConfirmationWatcher watcher = new ConfirmationWatcher();
        watcher.account = new AccountContext() {
            @Override
            public boolean unlocked() {
                return true;
            }

            @Override
            public Tenant tenant() {
                return tenant;
            }
        };
        watcher.config = new DirectoryConfig() {
            @Override
            public Optional<Duration> confirmationInterval() {
                return Optional.of(interval);
            }
        };
        watcher.leases = (t, name, owner, ttl) -> leaseHeld;
        watcher.users = (UserRepository) Proxy.newProxyInstance(UserRepository.class.getClassLoader(),
                new Class<?>[] {UserRepository.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("invited")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Set<String> batch = invited.stream().limit((Integer) args[1]).collect(Collectors.toSet());
                    batches.add(batch.size());
                    return batch;
                });
        watcher.userService = new UserService() {
            @Override
            public boolean confirm(Tenant t, String id) {
                return !refused.contains(id) && invited.remove(id);
            }
        };
        return watcher;
    }

    private void invite(int count, String prefix) {
        IntStream.range(0, count).mapToObj(i -> prefix + i).forEach(invited::add);
    }

    @Test
    void oneRoundConfirmsEveryInvitedUserBatchByBatch() {
        invite(1_234, "u");
        assertEquals(1_234, watcher().tick());
        assertTrue(invited.isEmpty());
        assertEquals(List.of(500, 500, 234), batches, "batches until one came back short");
    }

    @Test
    void aFullBatchOfUsersNobodyCanConfirmEndsTheRound() {
        invite(600, "stale");
        refused.addAll(invited);
        assertEquals(0, watcher().tick());
        assertEquals(List.of(500), batches, "one batch, no spinning on users that stay in the set");
    }

    @Test
    void aRoundEndsWhenABatchConfirmsNobodyAfterOthersDid() {
        invite(300, "u");
        invite(500, "stale");
        invited.stream().filter(id -> id.startsWith("stale")).forEach(refused::add);
        assertEquals(300, watcher().tick());
        assertEquals(Set.copyOf(refused), Set.copyOf(invited), "the refused stay invited");
        assertEquals(List.of(500, 500), batches);
    }

    @Test
    void aRoundEndsWhenHalfTheIntervalHasPassed() {
        invite(1_234, "u");
        interval = Duration.ofNanos(2);
        assertEquals(500, watcher().tick());
        assertEquals(List.of(500), batches, "the next round takes the rest");
        assertEquals(734, invited.size());
    }

    @Test
    void withoutTheLeaseNothingIsRead() {
        invite(10, "u");
        leaseHeld = false;
        assertEquals(0, watcher().tick());
        assertEquals(List.of(), batches);
        assertEquals(10, invited.size());
    }
}
