package dev.scimbridge.testsupport;

import java.security.SecureRandom;
import java.util.UUID;

import dev.scimbridge.config.DirectoryConfig;
import dev.scimbridge.session.AccountKeys;
import dev.scimbridge.session.RecordCodec;
import dev.scimbridge.store.Tenant;
import dev.scimbridge.store.redis.RedisKeys;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** For ITs that drive the Redis repositories directly: an account of their own, its settings, and its removal. */
public final class StoreFixtures {
    private StoreFixtures() {
    }

    /** A new account id with freshly generated keys. */
    public static Tenant newTenant() {
        return new Tenant(UUID.randomUUID().toString(), new RecordCodec(AccountKeys.generate(new SecureRandom())));
    }

    /** The directory settings the repositories read, with an events stream bounded at 1,000. */
    public static DirectoryConfig directoryConfig() {
        return new DirectoryConfig() {
            @Override
            public int eventsMaxLength() {
                return 1000;
            }
        };
    }

    /** Unlinks every key of the tenant's account. */
    public static void deleteAccount(UnifiedJedis jedis, Tenant tenant) {
        deleteKeys(jedis, new RedisKeys(tenant.accountId()).prefix());
    }

    /** Unlinks every key that starts with {@code prefix}, scanning 1,000 keys a step. */
    public static void deleteKeys(UnifiedJedis jedis, String prefix) {
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(prefix + "*").count(1000));
            page.getResult().forEach(jedis::unlink);
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
}
