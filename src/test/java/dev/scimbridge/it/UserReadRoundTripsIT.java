package dev.scimbridge.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.scimbridge.config.DirectoryConfig;
import dev.scimbridge.scim.Json;
import dev.scimbridge.store.GroupIndexValues;
import dev.scimbridge.store.IndexProbe;
import dev.scimbridge.store.StoreUnavailableException;
import dev.scimbridge.store.StoredResource;
import dev.scimbridge.store.StoredUserText;
import dev.scimbridge.store.Tenant;
import dev.scimbridge.store.UserIndexValues;
import dev.scimbridge.store.UserPage;
import dev.scimbridge.store.UserTextPage;
import dev.scimbridge.store.UserWithGroups;
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
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.providers.ConnectionProvider;
import redis.clients.jedis.providers.PooledConnectionProvider;

/**
 * Performance issue #7: a user read (by id, by an index, a page) is one Redis round trip, groups'
 * display names included. {@link RedisUserRepository} runs on a client whose connection provider
 * counts borrowed connections: every single command, pipeline or script call borrows exactly one.
 * Each read is run once before it is counted, so the script is cached (a first call after a Redis
 * restart costs one more: {@code NOSCRIPT}, then {@code EVAL}). The results are compared with what the
 * previous path (index look-up, record reads, group-id reads, group record reads) gives.
 */
class UserReadRoundTripsIT {
    private static final int USERS = 120;
    private static CountingProvider provider;
    private static UnifiedJedis jedis;
    private static RedisUserRepository users;
    private static RedisGroupRepository groups;
    private static Tenant tenant;
    private static RedisKeys keys;
    private static final List<String> ids = new ArrayList<>();
    private static final List<String> groupIds = new ArrayList<>();
    private static final Map<String, String> groupNames = new HashMap<>();

    @BeforeAll
    static void fixtures() {
        RedisEndpoint endpoint = RedisEndpoint.parse(ItEnvironment.redisUrl());
        provider = new CountingProvider(new PooledConnectionProvider(new HostAndPort(endpoint.host(), endpoint.port())));
        jedis = new UnifiedJedis(provider, (RedisProtocol) null) {
        };
        DirectoryConfig config = StoreFixtures.directoryConfig();
        users = new RedisUserRepository(jedis, config);
        groups = new RedisGroupRepository(jedis, config);
        tenant = StoreFixtures.newTenant();
        keys = new RedisKeys(tenant.accountId());
        for (int i = 0; i < USERS; i++) {
            // users 3 and 4 share an email; users 5 and 6 an externalId
            String email = i == 3 || i == 4 ? "shared@example.com" : "user" + i + "@example.com";
            String externalId = i == 5 || i == 6 ? "ext-shared" : "ext-" + i;
            ids.add(createUser("User" + i, externalId, email));
        }
        // user 0 is in three groups, user 1 in two, user 2 in one, the others in none
        groupIds.add(createGroup("Engineering", Set.of(ids.get(0), ids.get(1), ids.get(2))));
        groupIds.add(createGroup("Admins", Set.of(ids.get(0), ids.get(1))));
        groupIds.add(createGroup("Oncall", Set.of(ids.get(0))));
    }

    @AfterAll
    static void cleanUp() {
        StoreFixtures.deleteAccount(jedis, tenant);
        jedis.close();
    }

    @Test
    void getByIdWithGroupsIsOneRoundTripWithDisplayNames() {
        List<UserWithGroups> found = counted(1, () -> users.getAllWithGroups(tenant, List.of(ids.get(0))));
        assertEquals(1, found.size());
        UserWithGroups user = found.get(0);
        assertEquals(ids.get(0), user.user().id());
        assertEquals("User0", user.user().attributes().getString("userName"));
        List<String> expected = groupIds.stream().sorted().toList();
        assertEquals(expected, user.groups().stream().map(StoredResource::id).toList(), "N group refs sorted by id");
        for (StoredResource g : user.groups()) {
            assertEquals(groupNames.get(g.id()), g.attributes().getString("displayName"));
        }
        assertEquals(previousPath(List.of(ids.get(0))), found);
    }

    @Test
    void theCounterSeesEveryRoundTrip() {
        // the previous path: a records pipeline, SMEMBERS of the user's groups, a group records pipeline
        counted(3, () -> previousPath(List.of(ids.get(0))));
        counted(2, () -> List.of(users.get(tenant, ids.get(0)), users.get(tenant, ids.get(1))));
    }

    @Test
    void userNameLookupWithGroupsIsOneRoundTrip() {
        List<UserWithGroups> found = counted(1, () -> users.find(tenant, List.of(new IndexProbe("userName", "user1")), true));
        assertEquals(previousPath(List.of(ids.get(1))), found);
        assertEquals(List.of("Admins", "Engineering"), found.get(0).groups().stream()
                .map(g -> g.attributes().getString("displayName")).sorted().toList());
    }

    @Test
    void externalIdAndEmailLookupsAreOneRoundTripAndFindEveryUserOfTheValue() {
        List<UserWithGroups> byExternalId = counted(1, () -> users.find(tenant, List.of(new IndexProbe("externalId", "ext-shared")), true));
        assertEquals(previousPath(sorted(ids.get(5), ids.get(6))), byExternalId);
        List<UserWithGroups> byEmail = counted(1, () -> users.find(tenant, List.of(new IndexProbe("emails.value", "shared@example.com")), true));
        assertEquals(previousPath(sorted(ids.get(3), ids.get(4))), byEmail);
        assertEquals(List.of(), counted(1, () -> users.find(tenant, List.of(new IndexProbe("externalId", "ext-none")), true)));
    }

    @Test
    void anOrOfLookupsIsOneRoundTripAndEachUserComesOnceInFirstSeenOrder() {
        List<IndexProbe> probes = List.of(new IndexProbe("userName", "user2"), new IndexProbe("id", ids.get(0)),
                new IndexProbe("userName", "nobody"), new IndexProbe("externalId", "ext-2"), new IndexProbe("userName", "user0"),
                new IndexProbe("emails.value", "user7@example.com"));
        List<UserWithGroups> found = counted(1, () -> users.find(tenant, probes, true));
        assertEquals(previousPath(List.of(ids.get(2), ids.get(0), ids.get(7))), found);
    }

    @Test
    void aPageOfAHundredWithTheTotalIsOneRoundTrip() {
        // other tests may add users after the fixtures: count them, they come last in creation order
        long total = jedis.zcard(keys.users());
        UserPage page = counted(1, () -> users.readPage(tenant, 0, 100, true));
        assertEquals(total, page.total());
        assertEquals(ids.subList(0, 100), page.users().stream().map(u -> u.user().id()).toList());
        assertEquals(previousPath(jedis.zrange(keys.users(), 0, 99)), page.users());

        UserPage rest = counted(1, () -> users.readPage(tenant, 100, 100, false));
        assertEquals(total, rest.total());
        assertEquals(jedis.zrange(keys.users(), 100, 199), rest.users().stream().map(u -> u.user().id()).toList());
        assertEquals(ids.subList(100, USERS), rest.users().stream().map(u -> u.user().id()).toList().subList(0, USERS - 100));
        UserPage onlyTotal = counted(1, () -> users.readPage(tenant, 0, 0, false));
        assertEquals(List.of(), onlyTotal.users());
        assertEquals(total, onlyTotal.total());
    }

    @Test
    void readsLeavingTheRecordsAsTextAreOneRoundTripAndHoldWhatTheParsedReadsHold() {
        List<IndexProbe> probes = List.of(new IndexProbe("userName", "user1"), new IndexProbe("externalId", "ext-shared"),
                new IndexProbe("userName", "nobody"));
        List<StoredUserText> found = counted(1, () -> users.findText(tenant, probes));
        assertEquals(users.find(tenant, probes, true), parsed(found));
        assertEquals(ids.get(1), found.get(0).id());
        assertEquals(java.util.Set.of(ids.get(5), ids.get(6)), java.util.Set.of(found.get(1).id(), found.get(2).id()));
        assertEquals(2, found.get(0).groups().size(), "user1's groups, with their records");

        UserTextPage page = counted(1, () -> users.readPageText(tenant, 0, 100));
        UserPage parsedPage = users.readPage(tenant, 0, 100, true);
        assertEquals(parsedPage.total(), page.total());
        assertEquals(parsedPage.users(), parsed(page.users()));
        UserTextPage onlyTotal = counted(1, () -> users.readPageText(tenant, 0, 0));
        assertEquals(List.of(), onlyTotal.users());
        assertEquals(parsedPage.total(), onlyTotal.total());

        StoredUserText one = counted(1, () -> users.getText(tenant, ids.get(0))).orElseThrow();
        assertEquals(previousPath(List.of(ids.get(0))), parsed(List.of(one)));
        assertEquals(Optional.empty(), counted(1, () -> users.getText(tenant, "no-such-user")));
    }

    /** Text reads as the parsed reads give them: each record parsed, with the same groups. */
    private static List<UserWithGroups> parsed(List<StoredUserText> found) {
        return found.stream().map(u -> {
            try (jakarta.json.JsonReader reader = Json.createReader(new java.io.ByteArrayInputStream(u.attributesJson()))) {
                return new UserWithGroups(new StoredResource(u.id(), u.version(), u.created(), u.lastModified(), reader.readObject()), u.groups());
            }
        }).toList();
    }

    @Test
    void withoutGroupsNoGroupIsReturned() {
        List<UserWithGroups> found = counted(1, () -> users.find(tenant, List.of(new IndexProbe("id", ids.get(0))), false));
        assertEquals(1, found.size());
        assertEquals(List.of(), found.get(0).groups());
        assertEquals(users.get(tenant, ids.get(0)).orElseThrow(), found.get(0).user());
    }

    @Test
    void missingAndDuplicateIdsAreSkipped() {
        List<UserWithGroups> found = counted(1, () -> users.getAllWithGroups(tenant,
                List.of(ids.get(1), "no-such-user", ids.get(2), ids.get(1), ids.get(0) + ":groups")));
        assertEquals(previousPath(List.of(ids.get(1), ids.get(2))), found);
        assertEquals(List.of(), counted(1, () -> users.getAllWithGroups(tenant, List.of("no-such-user"))));
    }

    @Test
    void aGroupWhoseRecordIsGoneIsLeftOutAndADeletedGroupIsNotListed() {
        String userId = createUser("Transient" + UUID.randomUUID(), "ext-transient", "transient@example.com");
        String kept = createGroup("Kept", Set.of(userId));
        String deleted = createGroup("Deleted", Set.of(userId));
        assertTrue(groups.delete(tenant, deleted, -1));
        // a reverse-index entry without a record (as if the group vanished between two reads)
        jedis.sadd(keys.userGroups(userId), "ghost-group");
        List<UserWithGroups> found = counted(1, () -> users.getAllWithGroups(tenant, List.of(userId)));
        assertEquals(List.of(kept), found.get(0).groups().stream().map(StoredResource::id).toList());
        assertEquals(previousPath(List.of(userId)), found);
        assertEquals(found.get(0).groups(), groupsOfAReplace(userId));
    }

    @Test
    void aReplaceReturnsTheUsersGroupsInTheSameRoundTrip() {
        String userId = createUser("Replaced" + UUID.randomUUID(), "ext-replaced", "replaced@example.com");
        String group = createGroup("Replacers", Set.of(userId));
        UserIndexValues index = indexValues(users.get(tenant, userId).orElseThrow().attributes());
        // A first replace loads the script into Redis's cache: on a fresh Redis the first call costs two
        // round trips (NOSCRIPT, then EVAL), and which test calls it first depends on the order of classes.
        StoredResource loaded = users.get(tenant, userId).orElseThrow();
        users.replace(tenant, loaded, index, loaded.attributes(), index, true, "user.updated", true);
        StoredResource current = users.get(tenant, userId).orElseThrow();
        JsonObject changed = Json.createObjectBuilder(current.attributes()).add("displayName", "Changed").build();
        provider.borrowed.set(0);
        UserWithGroups written = users.replace(tenant, current, index, changed, index, true, "user.updated", true);
        assertEquals(1, provider.borrowed.get(), "round trips");
        assertEquals(current.version() + 1, written.user().version());
        assertEquals(List.of(group), written.groups().stream().map(StoredResource::id).toList());
        assertEquals("Replacers", written.groups().get(0).attributes().getString("displayName"));
        assertEquals(previousPath(List.of(userId)), List.of(written));

        UserWithGroups confirmed = users.replace(tenant, written.user(), index, changed, index, false, "user.confirmed", false);
        assertEquals(List.of(), confirmed.groups());
    }

    @Test
    void groupRecordsMirrorEveryWriteOfAGroup() {
        String member = createUser("Mirror" + UUID.randomUUID(), "ext-mirror", "mirror@example.com");
        String leaver = createUser("Leaver" + UUID.randomUUID(), "ext-leaver", "leaver@example.com");
        String group = createGroup("Mirrored", Set.of(member));
        assertEntryMirrorsGroup(group);
        JsonObject renamed = Json.createObjectBuilder().add("displayName", "Mirrored renamed").build();
        groups.update(tenant, group, -1, renamed, new GroupIndexValues("mirrored renamed", Optional.empty()), Set.of(), Set.of());
        assertEntryMirrorsGroup(group);
        assertEquals("Mirrored renamed", counted(1, () -> users.getAllWithGroups(tenant, List.of(member)))
                .get(0).groups().get(0).attributes().getString("displayName"), "a rename shows in the next read");
        groups.update(tenant, group, -1, null, null, Set.of(leaver), Set.of());
        assertEntryMirrorsGroup(group);
        groups.update(tenant, group, -1, null, null, Set.of(), Set.of(member));
        assertEntryMirrorsGroup(group);
        long before = groups.get(tenant, group).orElseThrow().version();
        assertTrue(users.delete(tenant, leaver, -1));   // raises the version of each of its groups
        assertEquals(before + 1, groups.get(tenant, group).orElseThrow().version());
        assertEntryMirrorsGroup(group);
        assertTrue(groups.delete(tenant, group, -1));
        assertFalse(jedis.hexists(keys.groupRecords(), group), "a deleted group leaves no entry");
    }

    @Test
    void aGroupWithoutAnEntryIsReadFromItsOwnHashInTheSameRoundTrip() {
        String userId = createUser("Older" + UUID.randomUUID(), "ext-older", "older@example.com");
        String older = createGroup("Written before group-records", Set.of(userId));
        String newer = createGroup("Written after", Set.of(userId));
        jedis.hdel(keys.groupRecords(), older);   // as a group stored by an earlier version of the bridge
        List<UserWithGroups> found = counted(1, () -> users.getAllWithGroups(tenant, List.of(userId)));
        assertEquals(previousPath(List.of(userId)), found);
        assertEquals(sorted(older, newer), found.get(0).groups().stream().map(StoredResource::id).toList());
        assertEquals(found.get(0).groups(), groupsOfAReplace(userId));
        assertFalse(jedis.hexists(keys.groupRecords(), older), "reads and a user's replace write no entry");
        groups.update(tenant, older, -1, null, null, Set.of(createUser("Joiner" + UUID.randomUUID(), "ext-joiner", "joiner@example.com")), Set.of());
        assertEntryMirrorsGroup(older);
    }

    @Test
    void anEntryBehindItsGroupsVersionIsNotUsed() {
        String userId = createUser("Behind" + UUID.randomUUID(), "ext-behind", "behind@example.com");
        String group = createGroup("Before the rename", Set.of(userId));
        byte[] before = jedis.hget(bytes(keys.groupRecords()), bytes(group));
        groups.update(tenant, group, -1, Json.createObjectBuilder().add("displayName", "After the rename").build(),
                new GroupIndexValues("after the rename", Optional.empty()), Set.of(), Set.of());
        // what a replica of an earlier version of the bridge leaves behind: the group rewritten, its entry not
        jedis.hset(bytes(keys.groupRecords()), bytes(group), before);
        List<UserWithGroups> found = counted(1, () -> users.getAllWithGroups(tenant, List.of(userId)));
        assertEquals("After the rename", found.get(0).groups().get(0).attributes().getString("displayName"));
        assertEquals(previousPath(List.of(userId)), found);
        assertEquals(found.get(0).groups(), groupsOfAReplace(userId));
    }

    @Test
    void anEntryOfADeletedGroupIsIgnored() {
        String userId = createUser("Orphan" + UUID.randomUUID(), "ext-orphan", "orphan@example.com");
        String kept = createGroup("Still here", Set.of(userId));
        String deleted = createGroup("Deleted by an earlier version", Set.of(userId));
        byte[] entry = jedis.hget(bytes(keys.groupRecords()), bytes(deleted));
        assertTrue(groups.delete(tenant, deleted, -1));
        jedis.hset(bytes(keys.groupRecords()), bytes(deleted), entry);   // left behind, with a stale reverse index
        jedis.sadd(keys.userGroups(userId), deleted);
        List<UserWithGroups> found = counted(1, () -> users.getAllWithGroups(tenant, List.of(userId)));
        assertEquals(List.of(kept), found.get(0).groups().stream().map(StoredResource::id).toList());
        assertEquals(found.get(0).groups(), groupsOfAReplace(userId));
    }

    @Test
    void aUserInMoreThanAThousandGroupsGetsEveryGroupInOneRoundTrip() {
        String userId = createUser("Joiner" + UUID.randomUUID(), "ext-many", "many@example.com");
        for (int i = 0; i < 1_001; i++) {
            createGroup("Many " + i + " " + UUID.randomUUID(), Set.of(userId));
        }
        List<UserWithGroups> found = counted(1, () -> users.getAllWithGroups(tenant, List.of(userId)));
        assertEquals(1_001, found.get(0).groups().size());
        assertEquals(previousPath(List.of(userId)), found);
    }

    /** The group's entry of group-records is its fields v, cr, lm and d joined by ':', byte for byte. */
    private static void assertEntryMirrorsGroup(String groupId) {
        List<byte[]> fields = jedis.hmget(bytes(keys.group(groupId)), bytes("v"), bytes("cr"),
                bytes("lm"), bytes("d"));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                expected.write(':');
            }
            expected.writeBytes(fields.get(i));
        }
        byte[] entry = jedis.hget(bytes(keys.groupRecords()), bytes(groupId));
        assertArrayEquals(expected.toByteArray(), entry, "group-records entry of " + groupId);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void redisDownIsStoreUnavailable() {
        int closed = ItEnvironment.freePort();
        try (UnifiedJedis down = new UnifiedJedis(new PooledConnectionProvider(new HostAndPort("127.0.0.1", closed)), (RedisProtocol) null) {
        }) {
            RedisUserRepository unreachable = new RedisUserRepository(down, new DirectoryConfig());
            assertThrows(StoreUnavailableException.class, () -> unreachable.getAllWithGroups(tenant, List.of(ids.get(0))));
            assertThrows(StoreUnavailableException.class, () -> unreachable.readPage(tenant, 0, 10, true));
        }
    }

    /** Runs the read once to warm the script cache, then again counting connections; asserts the count. */
    private static <T> T counted(int expected, Supplier<T> read) {
        read.get();
        provider.borrowed.set(0);
        T result = read.get();
        assertEquals(expected, provider.borrowed.get(), "round trips");
        return result;
    }

    /**
     * The groups a replace of the user (its record rewritten as stored) answers with, in one round trip;
     * a first replace loads the script, as in {@link #counted}.
     */
    private static List<StoredResource> groupsOfAReplace(String userId) {
        List<StoredResource> answered = null;
        for (int i = 0; i < 2; i++) {
            StoredResource current = users.get(tenant, userId).orElseThrow();
            UserIndexValues index = indexValues(current.attributes());
            provider.borrowed.set(0);
            answered = users.replace(tenant, current, index, current.attributes(), index, true, "user.updated", true).groups();
        }
        assertEquals(1, provider.borrowed.get(), "round trips of a replace");
        return answered;
    }

    /**
     * What the previous path gave: the records by id (missing ids skipped), each user's group ids, and the
     * groups' records (one pipeline), the group refs sorted by id and missing groups left out.
     */
    private static List<UserWithGroups> previousPath(List<String> userIds) {
        List<UserWithGroups> out = new ArrayList<>();
        for (StoredResource user : userIds.stream().map(id -> users.get(tenant, id)).flatMap(Optional::stream).toList()) {
            List<String> memberOf = jedis.smembers(keys.userGroups(user.id())).stream().sorted().toList();
            List<StoredResource> records = new ArrayList<>(groups.getAll(tenant, memberOf));
            records.sort(Comparator.comparing(StoredResource::id));
            out.add(new UserWithGroups(user, records));
        }
        return out;
    }

    private static List<String> sorted(String... values) {
        return List.of(values).stream().sorted().toList();
    }

    private static String createUser(String userName, String externalId, String email) {
        String id = UUID.randomUUID().toString();
        JsonObject attributes = Json.createObjectBuilder()
                .add("userName", userName)
                .add("externalId", externalId)
                .add("emails", Json.createArrayBuilder().add(Json.createObjectBuilder().add("value", email)))
                .build();
        users.create(tenant, id, attributes.toString().getBytes(StandardCharsets.UTF_8), indexValues(attributes), true, "user.created");
        return id;
    }

    private static UserIndexValues indexValues(JsonObject attributes) {
        return new UserIndexValues(attributes.getString("userName").toLowerCase(Locale.ROOT),
                Optional.of(attributes.getString("externalId")),
                Set.of(attributes.getJsonArray("emails").getJsonObject(0).getString("value").toLowerCase(Locale.ROOT)));
    }

    private static String createGroup(String displayName, Set<String> members) {
        String id = UUID.randomUUID().toString();
        groups.create(tenant, id, Json.createObjectBuilder().add("displayName", displayName).build(),
                new GroupIndexValues(displayName.toLowerCase(Locale.ROOT), Optional.empty()), members);
        groupNames.put(id, displayName);
        return id;
    }

    /** Counts borrowed connections: one per single command, pipeline or script call. */
    private static final class CountingProvider implements ConnectionProvider {
        final AtomicInteger borrowed = new AtomicInteger();
        private final PooledConnectionProvider pool;

        CountingProvider(PooledConnectionProvider pool) {
            this.pool = pool;
        }

        @Override
        public Connection getConnection() {
            borrowed.incrementAndGet();
            return pool.getConnection();
        }

        @Override
        public Connection getConnection(CommandArguments args) {
            borrowed.incrementAndGet();
            return pool.getConnection(args);
        }

        @Override
        public void close() {
            pool.close();
        }
    }
}
