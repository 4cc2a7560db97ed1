package dev.scimbridge.store.redis;

import static dev.scimbridge.store.redis.RedisRecords.b;
import static dev.scimbridge.store.redis.RedisRecords.call;
import static dev.scimbridge.store.redis.RedisRecords.reply;
import static dev.scimbridge.store.redis.RedisRecords.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.scimbridge.config.DirectoryConfig;
import dev.scimbridge.scim.MappedList;
import dev.scimbridge.store.DuplicateKeyException;
import dev.scimbridge.store.IndexProbe;
import dev.scimbridge.store.ResourceNotFoundException;
import dev.scimbridge.store.StoredResource;
import dev.scimbridge.store.StoredUserText;
import dev.scimbridge.store.Tenant;
import dev.scimbridge.store.UserIndexValues;
import dev.scimbridge.store.UserPage;
import dev.scimbridge.store.UserRepository;
import dev.scimbridge.store.UserTextPage;
import dev.scimbridge.store.UserWithGroups;
import dev.scimbridge.store.VersionConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link UserRepository} on Redis. Storage details (see {@link RedisKeys} and docs/redis-keys.md):
 *
 * <pre>
 * HSET  scim:{a}:user:&lt;id&gt; v 1 cr &lt;ms&gt; lm &lt;ms&gt; d &lt;sealed JSON&gt; un &lt;blind userName&gt; ex &lt;blind externalId&gt; em &lt;blind emails&gt;
 * HSET  scim:{a}:idx:user:userName &lt;blind lower(userName)&gt; &lt;id&gt;
 * SADD  scim:{a}:idx:user:externalId:&lt;blind&gt; &lt;id&gt;
 * SADD  scim:{a}:idx:user:email:&lt;blind lower(email)&gt; &lt;id&gt;
 * ZADD  scim:{a}:users &lt;INCR scim:{a}:seq&gt; &lt;id&gt;
 * XADD  scim:{a}:events MAXLEN ~ &lt;n&gt; * type user.created id &lt;id&gt; version 1 time &lt;ms&gt;
 * </pre>
 *
 * Each write is one Lua script (redis/user-*.lua); a replace also returns the records of the user's
 * groups, read in the same step as a read reads them (redis/group-records.lua), for the response's
 * {@code groups}. Reads are one round trip each:
 * {@link #get} is one {@code HMGET}; {@link #getAllWithGroups}, {@link #find} and {@link #readPage}
 * are one call of redis/user-read.lua, which resolves the users (by id, by index probes, or a page of
 * the creation order with its {@code ZCARD}) and reads their records, their group ids and the distinct
 * groups' records together:
 *
 * <pre>
 * EVALSHA &lt;user-read sha&gt; 2 scim:{a}:users scim:{a}:idx:user:userName  scim:{a}: 1 hget &lt;blind lower(userName)&gt;
 *   -&gt; HGET idx, HMGET scim:{a}:user:&lt;id&gt; v cr lm d, SMEMBERS scim:{a}:user:&lt;id&gt;:groups,
 *      HMGET scim:{a}:group-records &lt;gid&gt;... (every distinct group in one command)
 * </pre>
 *
 * The script derives the record keys from the account prefix ({@link RedisKeys#prefix()}); they share
 * the account's hash tag with the keys passed, so the call stays in one Cluster slot.
 */
@ApplicationScoped
public class RedisUserRepository implements UserRepository {
    private static final LuaScript CREATE = LuaScript.load("redis/user-create.lua");
    private static final LuaScript REPLACE = LuaScript.load("redis/group-records.lua", "redis/user-replace.lua");
    private static final LuaScript DELETE = LuaScript.load("redis/user-delete.lua");
    private static final LuaScript READ = LuaScript.load("redis/group-records.lua", "redis/user-read.lua");
    private static final int DELETE_ATTEMPTS = 10;

    private UnifiedJedis jedis;
    private DirectoryConfig config;
    private final OpenedGroups openedGroups = new OpenedGroups();

    protected RedisUserRepository() {
        // for CDI proxies
    }

    @Inject
    public RedisUserRepository(UnifiedJedis jedis, DirectoryConfig config) {
        this.jedis = jedis;
        this.config = config;
    }

    @Override
    public StoredUserText create(Tenant tenant, String id, byte[] attributesJson, UserIndexValues index, boolean invited,
                                 String eventType) {
        RedisKeys keys = new RedisKeys(tenant.accountId());
        String userKey = keys.user(id);
        Blind blind = Blind.of(tenant, index);
        List<byte[]> k = new ArrayList<>();
        k.add(b(userKey));
        k.add(b(keys.users()));
        k.add(b(keys.userNameIndex()));
        k.add(b(keys.sequence()));
        k.add(b(keys.events()));
        k.add(b(keys.invited()));
        blind.externalId.ifPresent(ex -> k.add(b(keys.userExternalIdIndex(ex))));
        blind.emails.forEach(em -> k.add(b(keys.userEmailIndex(em))));
        long now = System.currentTimeMillis();
        String result = reply(call(() -> CREATE.evalBinary(jedis, k, List.of(
                b(id), tenant.codec().seal(userKey, attributesJson), b(blind.userName), b(blind.externalId.orElse("")),
                b(String.join(" ", blind.emails)), b(Long.toString(now)), b(Integer.toString(config.eventsMaxLength())),
                b(eventType), b(blind.externalId.isPresent() ? "1" : "0"), b(invited ? "1" : "0")))));
        if (result.startsWith("DUP:")) {
            throw new DuplicateKeyException(result.substring(4));
        }
        Instant at = Instant.ofEpochMilli(now);
        return new StoredUserText(id, 1, at, at, attributesJson, List.of());
    }

    @Override
    public Optional<StoredResource> get(Tenant tenant, String id) {
        if (!RedisKeys.isResourceId(id)) {
            return Optional.empty();
        }
        String key = new RedisKeys(tenant.accountId()).user(id);
        List<byte[]> fields = call(() -> jedis.hmget(b(key), RedisRecords.RECORD_FIELDS));
        return RedisRecords.open(tenant, id, key, fields);
    }

    @Override
    public List<UserWithGroups> getAllWithGroups(Tenant tenant, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Read read = new Read(tenant, true);
        ids.forEach(read::id);
        return List.copyOf(read.run().users());
    }

    @Override
    public Optional<StoredUserText> getText(Tenant tenant, String id) {
        List<StoredUserText> found = findText(tenant, List.of(new IndexProbe("id", id)));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<StoredUserText> findText(Tenant tenant, List<IndexProbe> probes) {
        if (probes.isEmpty()) {
            return List.of();
        }
        Read read = new Read(tenant, true);
        probes.forEach(read::probe);
        return read.runText().users();
    }

    @Override
    public UserTextPage readPageText(Tenant tenant, long offset, int count) {
        Read read = new Read(tenant, true);
        read.page(offset, count);
        return read.runText();
    }

    @Override
    public List<UserWithGroups> find(Tenant tenant, List<IndexProbe> probes, boolean withGroups) {
        if (probes.isEmpty()) {
            return List.of();
        }
        Read read = new Read(tenant, withGroups);
        probes.forEach(read::probe);
        return List.copyOf(read.run().users());
    }

    @Override
    public UserPage readPage(Tenant tenant, long offset, int count, boolean withGroups) {
        Read read = new Read(tenant, withGroups);
        read.page(offset, count);
        return read.run();
    }

    @Override
    public UserWithGroups replace(Tenant tenant, StoredResource current, UserIndexValues currentIndex, JsonObject attributes,
                                  UserIndexValues index, boolean invited, String eventType, boolean withGroups) {
        RedisKeys keys = new RedisKeys(tenant.accountId());
        String id = current.id();
        long expectedVersion = current.version();
        String userKey = keys.user(id);
        // The script checks the version, so the index values of current are the stored ones.
        Blind previous = Blind.of(tenant, currentIndex);
        List<String> oldSets = indexSets(keys, previous.externalId.orElse(""), String.join(" ", previous.emails));
        Blind blind = Blind.of(tenant, index);
        List<String> newSets = indexSets(keys, blind.externalId.orElse(""), String.join(" ", blind.emails));
        List<byte[]> k = new ArrayList<>();
        k.add(b(userKey));
        k.add(b(keys.userNameIndex()));
        k.add(b(keys.events()));
        k.add(b(keys.invited()));
        k.add(b(keys.userGroups(id)));
        oldSets.forEach(x -> k.add(b(x)));
        newSets.forEach(x -> k.add(b(x)));
        long now = System.currentTimeMillis();
        Object result = call(() -> REPLACE.evalBinary(jedis, k, List.of(
                b(id), b(Long.toString(expectedVersion)), RedisRecords.seal(tenant, userKey, attributes), b(blind.userName),
                b(blind.externalId.orElse("")), b(String.join(" ", blind.emails)), b(Long.toString(now)),
                b(Integer.toString(oldSets.size())), b(Integer.toString(newSets.size())),
                b(Integer.toString(config.eventsMaxLength())), b(eventType), b(invited ? "1" : "0"),
                b(withGroups ? keys.prefix() : ""))));
        if (result instanceof List<?> written) {
            List<StoredResource> groups = openedGroups.openRecords(tenant, (List<?>) written.get(1), (List<?>) written.get(2), keys::group);
            groups.sort(Comparator.comparing(StoredResource::id));
            StoredResource user = new StoredResource(id, (Long) written.get(0), current.created(), Instant.ofEpochMilli(now), attributes);
            return new UserWithGroups(user, groups);
        }
        String status = reply(result);
        switch (status) {
            case "NOTFOUND" -> throw new ResourceNotFoundException();
            case "CONFLICT" -> throw new VersionConflictException();
            case "DUP:userName" -> throw new DuplicateKeyException("userName");
            default -> throw new IllegalStateException("unexpected answer from user-replace.lua: " + status);
        }
    }

    private static List<String> indexSets(RedisKeys keys, String blindExternalId, String blindEmails) {
        List<String> sets = new ArrayList<>();
        if (!blindExternalId.isEmpty()) {
            sets.add(keys.userExternalIdIndex(blindExternalId));
        }
        for (String em : blindEmails.split(" ")) {
            if (!em.isEmpty()) {
                sets.add(keys.userEmailIndex(em));
            }
        }
        return sets;
    }

    @Override
    public boolean delete(Tenant tenant, String id, long expectedVersion) {
        if (!RedisKeys.isResourceId(id)) {
            return false;
        }
        RedisKeys keys = new RedisKeys(tenant.accountId());
        String userKey = keys.user(id);
        for (int attempt = 0; attempt < DELETE_ATTEMPTS; attempt++) {
            List<Object> read = new ArrayList<>();
            call(() -> {
                try (AbstractPipeline pipeline = jedis.pipelined()) {
                    Response<List<String>> fields = pipeline.hmget(userKey, "v", "ex", "em");
                    Response<Set<String>> groups = pipeline.smembers(keys.userGroups(id));
                    pipeline.sync();
                    read.add(fields.get());
                    read.add(groups.get());
                }
                return null;
            });
            @SuppressWarnings("unchecked")
            List<String> fields = (List<String>) read.get(0);
            @SuppressWarnings("unchecked")
            Set<String> groups = (Set<String>) read.get(1);
            if (fields.get(0) == null) {
                return false;
            }
            RedisRecords.requireVersion(fields.get(0), expectedVersion);
            List<String> sets = indexSets(keys, nullToEmpty(fields.get(1)), nullToEmpty(fields.get(2)));
            List<String> k = new ArrayList<>(List.of(userKey, keys.users(), keys.userNameIndex(), keys.userGroups(id), keys.events(),
                    keys.invited()));
            k.addAll(sets);
            List<String> groupList = new ArrayList<>(groups);
            for (String gid : groupList) {
                k.add(keys.groupMembers(gid));
                k.add(keys.group(gid));
            }
            k.add(keys.groupRecords());
            List<String> a = new ArrayList<>(List.of(id, fields.get(0), Integer.toString(sets.size()),
                    Long.toString(System.currentTimeMillis()), Integer.toString(config.eventsMaxLength())));
            a.addAll(groupList);
            String result = reply(call(() -> DELETE.eval(jedis, k, a)));
            switch (result) {
                case "OK" -> {
                    return true;
                }
                case "NOTFOUND" -> {
                    return false;
                }
                default -> {
                    // RETRY: the user or its memberships changed between the read and the script.
                }
            }
        }
        throw new VersionConflictException();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public Set<String> invited(Tenant tenant, int max) {
        return new java.util.HashSet<>(call(() -> jedis.srandmember(new RedisKeys(tenant.accountId()).invited(), max)));
    }

    /**
     * One call of redis/user-read.lua being built: the index keys go to KEYS after the users ZSET, the
     * lookups to ARGV after the account prefix and the groups flag; {@link #run} makes the call and opens
     * every record (each group once, under its own key as the associated data).
     */
    private final class Read {
        private final Tenant tenant;
        private final RedisKeys keys;
        private final List<byte[]> k = new ArrayList<>();
        private final List<byte[]> a = new ArrayList<>();

        Read(Tenant tenant, boolean withGroups) {
            this.tenant = tenant;
            this.keys = new RedisKeys(tenant.accountId());
            k.add(b(keys.users()));
            a.add(b(keys.prefix()));
            a.add(b(withGroups ? "1" : "0"));
        }

        /** A user by id; an id that cannot name a resource ({@link RedisKeys#isResourceId}) finds nothing. */
        void id(String id) {
            if (RedisKeys.isResourceId(id)) {
                a.add(b("id"));
                a.add(b(id));
            }
        }

        void probe(IndexProbe probe) {
            if (probe.attribute().equals("id")) {
                id(probe.value());
                return;
            }
            String blind = tenant.codec().blindIndex(probe.value());
            switch (probe.attribute()) {
                case "userName" -> {
                    k.add(b(keys.userNameIndex()));
                    a.add(b("hget"));
                    a.add(b(blind));
                }
                case "externalId" -> {
                    k.add(b(keys.userExternalIdIndex(blind)));
                    a.add(b("smembers"));
                }
                case "emails.value" -> {
                    k.add(b(keys.userEmailIndex(blind)));
                    a.add(b("smembers"));
                }
                default -> throw new IllegalArgumentException("no index on User." + probe.attribute());
            }
        }

        void page(long offset, int count) {
            a.add(b("page"));
            a.add(b(Long.toString(offset)));
            a.add(b(Integer.toString(Math.max(0, count))));
        }

        UserPage run() {
            List<?> reply = (List<?>) call(() -> READ.evalBinary(jedis, k, a));
            Map<String, StoredResource> groups = groups(reply);
            // Opened (decrypted, parsed) when read: a page is written one user at a time.
            return new UserPage(MappedList.of(completeRows(reply), fields -> new UserWithGroups(
                    RedisRecords.openRow(tenant, fields, keys::user).orElseThrow(), groupsOf(fields, groups))),
                    (Long) reply.get(0));
        }

        /** As {@link #run}, each record decrypted when it is read but not parsed. */
        UserTextPage runText() {
            List<?> reply = (List<?>) call(() -> READ.evalBinary(jedis, k, a));
            Map<String, StoredResource> groups = groups(reply);
            return new UserTextPage(MappedList.of(completeRows(reply), row -> {
                String id = s((byte[]) row.get(0));
                return new StoredUserText(id, RedisRecords.version((byte[]) row.get(1)), RedisRecords.instant((byte[]) row.get(2)),
                        RedisRecords.instant((byte[]) row.get(3)), tenant.codec().open(keys.user(id), (byte[]) row.get(4)),
                        groupsOf(row, groups));
            }), (Long) reply.get(0));
        }

        /** The reply's groups, each opened once. */
        private Map<String, StoredResource> groups(List<?> reply) {
            Map<String, StoredResource> groups = new HashMap<>();
            openedGroups.openRecords(tenant, (List<?>) reply.get(2), (List<?>) reply.get(3), keys::group)
                    .forEach(g -> groups.put(g.id(), g));
            return groups;
        }

        /** The reply's user rows {@code {id, v, cr, lm, d, group ids}} that hold a whole record. */
        private static List<List<?>> completeRows(List<?> reply) {
            List<List<?>> rows = new ArrayList<>();
            for (Object row : (List<?>) reply.get(1)) {
                if (RedisRecords.isCompleteRow((List<?>) row)) {
                    rows.add((List<?>) row);
                }
            }
            return rows;
        }

        /** A row's groups, by id, of those whose records the reply holds. */
        private static List<StoredResource> groupsOf(List<?> row, Map<String, StoredResource> groups) {
            List<?> ids = (List<?>) row.get(5);
            if (ids.isEmpty()) {
                return List.of();
            }
            String[] sorted = new String[ids.size()];
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = s((byte[]) ids.get(i));
            }
            Arrays.sort(sorted);
            List<StoredResource> found = new ArrayList<>(sorted.length);
            for (String id : sorted) {
                StoredResource group = groups.get(id);
                if (group != null) {
                    found.add(group);
                }
            }
            return found;
        }
    }

    /** The blind (HMAC) forms of a user's index values. */
    private record Blind(String userName, Optional<String> externalId, List<String> emails) {
        static Blind of(Tenant tenant, UserIndexValues index) {
            List<String> emails = new ArrayList<>(new TreeSet<>(index.emails().stream().map(tenant.codec()::blindIndex).toList()));
            return new Blind(tenant.codec().blindIndex(index.userName()),
                    index.externalId().map(tenant.codec()::blindIndex), emails);
        }
    }
}
