package dev.scimbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.scimbridge.service.AccountBootstrap;
import dev.scimbridge.session.AccountKeys;
import dev.scimbridge.session.RecordCodec;
import dev.scimbridge.session.ScimSession;
import dev.scimbridge.session.ScimSessionJson;
import dev.scimbridge.session.SessionCrypto;
import dev.scimbridge.store.AccountRepository;
import dev.scimbridge.store.redis.LuaScript;
import dev.scimbridge.store.redis.RedisAccountRepository;
import dev.scimbridge.store.redis.RedisEndpoint;
import dev.scimbridge.store.redis.RedisKeys;
import dev.scimbridge.testsupport.StoreFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Account bootstrap against the IT Redis: what the bridge wrote on first unlock (encrypted, readable
 * with the account keys), and the repository's idempotence and race safety in a namespace of its own.
 */
class AccountBootstrapIT {
    static UnifiedJedis redis;
    static final List<String> namespaces = new ArrayList<>();

    @BeforeAll
    static void connect() {
        RedisEndpoint e = RedisEndpoint.parse(System.getProperty("scim.it.redisUrl", "redis://127.0.0.1:6379"));
        redis = RedisClient.builder().hostAndPort(new HostAndPort(e.host(), e.port())).build();
    }

    @AfterAll
    static void cleanUp() {
        for (String prefix : namespaces) {
            StoreFixtures.deleteKeys(redis, prefix);
        }
        redis.close();
    }

    @Test
    void theBridgeBootstrappedItsAccountEncrypted() throws Exception {
        String token = CredentialsItSupport.token();
        assertEquals(200, CredentialsItSupport.authorisedGet("/auth/check", token).statusCode());
        ScimSession session = ScimSessionJson.read(Files.readString(CredentialsItSupport.sessionFile()));
        AccountKeys keys = SessionCrypto.unlock(session, token);
        RecordCodec codec = new RecordCodec(keys);
        AccountRepository.AccountSeed seed = AccountBootstrap.seed(session);
        RedisKeys k = new RedisKeys(session.account().id());

        assertEquals(session.account().id(), redis.hget(k.account(), "id"));
        byte[] userSealed = redis.get(k.builtinUser(seed.managerUserId()).getBytes(StandardCharsets.UTF_8));
        assertNotNull(userSealed);
        String user = new String(codec.open(k.builtinUser(seed.managerUserId()), userSealed), StandardCharsets.UTF_8);
        assertTrue(user.contains(session.manager().email()), user);
        assertFalse(new String(userSealed, StandardCharsets.ISO_8859_1).contains(session.manager().email()), "stored in clear");
        String group = new String(codec.open(k.builtinGroup(seed.managersGroupId()),
                redis.get(k.builtinGroup(seed.managersGroupId()).getBytes(StandardCharsets.UTF_8))), StandardCharsets.UTF_8);
        assertTrue(group.contains("Provision Managers"));
        assertTrue(redis.sismember(k.builtinGroupMembers(seed.managersGroupId()), seed.managerUserId()));
        // No plain SCIM-visible keys for the built-ins.
        assertFalse(redis.exists(k.group(seed.managersGroupId())));
        assertFalse(redis.exists(k.user(seed.managerUserId())));
    }

    @Test
    void bootstrapIsIdempotentAndRaceSafe() throws Exception {
        SessionCrypto.Created created = SessionCrypto.createAccount("Race", "p@race.example", new SecureRandom());
        ScimSession session = created.session();
        namespaces.add(new RedisKeys(session.account().id()).prefix());
        RecordCodec codec = new RecordCodec(SessionCrypto.unlock(session, created.token()));
        RedisAccountRepository repo = new RedisAccountRepository(redis);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<AccountRepository.Outcome>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return repo.bootstrap(AccountBootstrap.seed(session), codec);
                }));
            }
            start.countDown();
            int createdCount = 0;
            for (Future<AccountRepository.Outcome> f : results) {
                if (f.get() == AccountRepository.Outcome.CREATED) {
                    createdCount++;
                }
            }
            assertEquals(1, createdCount);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(AccountRepository.Outcome.ALREADY_PRESENT, repo.bootstrap(AccountBootstrap.seed(session), codec));
        assertEquals(1, redis.scard(new RedisKeys(session.account().id()).builtinGroupMembers(AccountBootstrap.seed(session).managersGroupId())));
    }

    @Test
    void luaScriptFallsBackToEvalOnNoscript() {
        String ns = "scim:{" + UUID.randomUUID() + "}:";
        namespaces.add(ns);
        LuaScript script = LuaScript.of("test", "return redis.call('INCR', KEYS[1]) -- " + UUID.randomUUID());
        // A fresh script body: Redis has never seen its SHA, so the first call takes the EVAL path.
        assertEquals(1L, script.eval(redis, List.of(ns + "n"), List.of()));
        assertEquals(2L, script.eval(redis, List.of(ns + "n"), List.of()));
    }
}
