package dev.scimbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.scimbridge.config.DirectoryConfig;
import dev.scimbridge.scim.Json;
import dev.scimbridge.store.GroupIndexValues;
import dev.scimbridge.store.StoredResource;
import dev.scimbridge.store.StoredUserText;
import dev.scimbridge.store.Tenant;
import dev.scimbridge.store.UserIndexValues;
import dev.scimbridge.store.VersionConflictException;
import dev.scimbridge.store.redis.RedisEndpoint;
import dev.scimbridge.store.redis.RedisGroupRepository;
import dev.scimbridge.store.redis.RedisKeys;
import dev.scimbridge.store.redis.RedisUserRepository;
import dev.scimbridge.testsupport.ItEnvironment;
import dev.scimbridge.testsupport.StoreFixtures;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * DELETE with {@code If-Match} (RFC 7644 §3.14) against a real Redis: the repositories delete only the
 * version they are given, checked in the same atomic step as the delete, so a write that lands between
 * the service's read and the delete is not deleted unseen (the service answers 412).
 */
class VersionedDeleteIT {
    private static UnifiedJedis jedis;
    private static RedisUserRepository users;
    private static RedisGroupRepository groups;
    private static Tenant tenant;
    private static RedisKeys keys;

    @BeforeAll
    static void connect() {
        RedisEndpoint endpoint = RedisEndpoint.parse(ItEnvironment.redisUrl());
        jedis = RedisClient.builder().hostAndPort(new HostAndPort(endpoint.host(), endpoint.port())).build();
        DirectoryConfig config = StoreFixtures.directoryConfig();
        users = new RedisUserRepository(jedis, config);
        groups = new RedisGroupRepository(jedis, config);
        tenant = StoreFixtures.newTenant();
        keys = new RedisKeys(tenant.accountId());
    }

    @AfterAll
    static void cleanUp() {
        StoreFixtures.deleteAccount(jedis, tenant);
        jedis.close();
    }

    @Test
    void aUserIsDeletedOnlyAtTheVersionGiven() {
        String id = UUID.randomUUID().toString();
        JsonObject first = user("ann", "Ann");
        StoredUserText stored = users.create(tenant, id, first.toString().getBytes(StandardCharsets.UTF_8), index(first), false, "user.created");
        StoredResource created = users.get(tenant, id).orElseThrow();
        assertEquals(new StoredResource(id, 1, stored.created(), stored.lastModified(), first), created, "stored as created");
        JsonObject second = user("ann", "Anne");
        long replaced = users.replace(tenant, created, index(first), second, index(second), false, "user.replaced", false)
                .user().version();
        assertTrue(replaced > created.version());

        assertThrows(VersionConflictException.class, () -> users.delete(tenant, id, created.version()));
        assertEquals(Optional.of(replaced), users.get(tenant, id).map(StoredResource::version), "the newer version is kept");
        assertEquals(id, jedis.hget(keys.userNameIndex(), tenant.codec().blindIndex("ann")), "and so is its index entry");

        assertTrue(users.delete(tenant, id, replaced));
        assertTrue(users.get(tenant, id).isEmpty());
        assertFalse(jedis.exists(keys.user(id)));
        assertFalse(users.delete(tenant, id, replaced), "absent");
    }

    @Test
    void aGroupIsDeletedOnlyAtTheVersionGivenAndAnyVersionWithoutOne() {
        String id = UUID.randomUUID().toString();
        StoredResource created = groups.create(tenant, id, group("Ops"), new GroupIndexValues("ops", Optional.empty()), Set.of());
        long renamed = groups.update(tenant, id, -1, group("Operations"), new GroupIndexValues("operations", Optional.empty()),
                Set.of(), Set.of()).version();
        assertTrue(renamed > created.version());

        assertThrows(VersionConflictException.class, () -> groups.delete(tenant, id, created.version()));
        assertEquals(Optional.of(renamed), groups.get(tenant, id).map(StoredResource::version));

        assertTrue(groups.delete(tenant, id, renamed));
        assertTrue(groups.get(tenant, id).isEmpty());

        String other = UUID.randomUUID().toString();
        groups.create(tenant, other, group("Sales"), new GroupIndexValues("sales", Optional.empty()), Set.of());
        assertTrue(groups.delete(tenant, other, -1), "-1 deletes whatever version is stored");
        assertFalse(jedis.exists(keys.group(other)));
    }

    private static JsonObject user(String userName, String givenName) {
        return Json.createObjectBuilder().add("userName", userName)
                .add("name", Json.createObjectBuilder().add("givenName", givenName)).build();
    }

    private static UserIndexValues index(JsonObject user) {
        return new UserIndexValues(user.getString("userName"), Optional.empty(), Set.of());
    }

    private static JsonObject group(String displayName) {
        return Json.createObjectBuilder().add("displayName", displayName).build();
    }
}
