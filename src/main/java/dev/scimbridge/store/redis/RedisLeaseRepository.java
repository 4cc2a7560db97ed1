package dev.scimbridge.store.redis;

import static dev.scimbridge.store.redis.RedisRecords.call;

import java.time.Duration;
import java.util.List;

import dev.scimbridge.store.LeaseRepository;
import dev.scimbridge.store.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link LeaseRepository} on Redis: {@code scim:{a}:lease:<name>} holds the owner with a TTL
 * ({@code SET ... PX}), taken or renewed by redis/lease-acquire.lua.
 */
@ApplicationScoped
public class RedisLeaseRepository implements LeaseRepository {
    private static final LuaScript ACQUIRE = LuaScript.load("redis/lease-acquire.lua");

    private UnifiedJedis jedis;

    protected RedisLeaseRepository() {
        // for CDI proxies
    }

    @Inject
    public RedisLeaseRepository(UnifiedJedis jedis) {
        this.jedis = jedis;
    }

    @Override
    public boolean acquire(Tenant tenant, String name, String owner, Duration ttl) {
        String key = new RedisKeys(tenant.accountId()).lease(name);
        Object result = call(() -> ACQUIRE.eval(jedis, List.of(key), List.of(owner, Long.toString(ttl.toMillis()))));
        return Long.valueOf(1L).equals(result);
    }
}
