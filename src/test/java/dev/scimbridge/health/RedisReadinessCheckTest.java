package dev.scimbridge.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scimbridge.store.StoreUnavailableException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** The readiness reason: a configuration problem is named as such, a connection failure by its kind only. */
class RedisReadinessCheckTest {

    @Test
    void noRedisConfiguredIsTheReason() {
        assertEquals("no Redis configured: set SCIM_REDIS_URL",
                RedisReadinessCheck.reason(new StoreUnavailableException("no Redis configured: set SCIM_REDIS_URL")));
    }

    @Test
    void anUnreachableRedisIsNamedByTheFailuresKindNeverItsMessage() {
        assertEquals("Redis unreachable: JedisConnectionException",
                RedisReadinessCheck.reason(new JedisConnectionException("Failed to connect to redis://:secret@host")));
    }
}
