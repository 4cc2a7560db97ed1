package dev.scimbridge.api.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scimbridge.store.StoreUnavailableException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** The 503's detail: what to configure when no store is configured, a retry later (never a cause's text) otherwise. */
class StoreExceptionMapperTest {

    @Test
    void noStoreConfiguredNamesTheSetting() {
        assertEquals("The directory store is unavailable: no Redis configured: set SCIM_REDIS_URL.",
                StoreExceptionMapper.detail(new StoreUnavailableException("no Redis configured: set SCIM_REDIS_URL")));
    }

    @Test
    void anOutageSaysRetryLaterWithoutTheCause() {
        assertEquals("The directory store is unavailable; retry later.",
                StoreExceptionMapper.detail(new StoreUnavailableException(new JedisConnectionException("redis://:secret@host"))));
    }
}
