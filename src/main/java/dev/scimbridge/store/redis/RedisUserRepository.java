package dev.scimbridge.store.redis;

import static dev.scimbridge.store.redis.RedisRecords.b;
import static dev.scimbridge.store.redis.RedisRecords.call;
import static dev.scimbridge.store.redis.RedisRecords.reply;
import static dev.scimbridge.store.redis.RedisRecords.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.scimbridge.config.DirectoryConfig;
import dev.scimbridge.store.DuplicateKeyException;
import dev.scimbridge.store.Page;
import dev.scimbridge.store.ResourceNotFoundException;
import dev.scimbridge.store.StoredResource;
import dev.scimbridge.store.Tenant;
import dev.scimbridge.store.UserIndexValues;
import dev.scimbridge.store.UserRepository;
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
 * Each write is one Lua script (redis/user-*.lua). A read of one user is one {@code HMGET}.
 */
@ApplicationScoped
public class RedisUserRepository implements UserRepository {
    private static final LuaScript CREATE = LuaScript.load("redis/user-create.lua");
    private static final LuaScript REPLACE = LuaScript.load("redis/user-replace.lua");
    private static final LuaScript DELETE = LuaScript.load("redis/user-delete.lua");
    private static final int DELETE_ATTEMPTS = 10;

    private UnifiedJedis jedis;
    private DirectoryConfig config;

    protected RedisUserRepository() {
        // for CDI proxies
    }

    @Inject
    public RedisUserRepository(UnifiedJedis jedis, DirectoryConfig config) {
        this.jedis = jedis;
        this.config = config;
    }

    @Override
    public StoredResource create(Tenant tenant, String id, JsonObject attributes, UserIndexValues index, boolean invited,
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
                b(id), RedisRecords.seal(tenant, userKey, attributes), b(blind.userName), b(blind.externalId.orElse("")),
                b(String.join(" ", blind.emails)), b(Long.toString(now)), b(Integer.toString(config.eventsMaxLength())),
                b(eventType), b(blind.externalId.isPresent() ? "1" : "0"), b(invited ? "1" : "0")))));
        if (result.startsWith("DUP:")) {
            throw new DuplicateKeyException(result.substring(4));
        }
        Instant at = Instant.ofEpochMilli(now);
        return new StoredResource(id, 1, at, at, attributes);
    }

    @Override
    public Optional<StoredResource> get(Tenant tenant, String id) {
        String key = new RedisKeys(tenant.accountId()).user(id);
        List<byte[]> fields = call(() -> jedis.hmget(b(key), RedisRecords.RECORD_FIELDS));
        return RedisRecords.open(tenant, id, key, fields);
    }

    @Override
    public List<StoredResource> getAll(Tenant tenant, Collection<String> ids) {
        RedisKeys keys = new RedisKeys(tenant.accountId());
        return RedisRecords.openAll(jedis, tenant, ids, keys::user);
    }

    @Override
    public Set<String> groupIds(Tenant tenant, String userId) {
        return call(() -> jedis.smembers(new RedisKeys(tenant.accountId()).userGroups(userId)));
    }

    @Override
    public List<UserWithGroups> getAllWithGroups(Tenant tenant, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        RedisKeys keys = new RedisKeys(tenant.accountId());
        List<String> order = new ArrayList<>(ids);
        List<Response<List<byte[]>>> records = new ArrayList<>(order.size());
        List<Response<Set<String>>> groups = new ArrayList<>(order.size());
        call(() -> {
            try (AbstractPipeline pipeline = jedis.pipelined()) {
                for (String id : order) {
                    records.add(pipeline.hmget(b(keys.user(id)), RedisRecords.RECORD_FIELDS));
                    groups.add(pipeline.smembers(keys.userGroups(id)));
                }
                pipeline.sync();
            }
            return null;
        });
        List<UserWithGroups> result = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            String id = order.get(i);
            Set<String> groupIds = groups.get(i).get();
            RedisRecords.open(tenant, id, keys.user(id), records.get(i).get())
                    .ifPresent(user -> result.add(new UserWithGroups(user, groupIds)));
        }
        return result;
    }

    @Override
    public StoredResource replace(Tenant tenant, StoredResource current, UserIndexValues currentIndex, JsonObject attributes,
                                  UserIndexValues index, boolean invited, String eventType) {
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
        oldSets.forEach(x -> k.add(b(x)));
        newSets.forEach(x -> k.add(b(x)));
        long now = System.currentTimeMillis();
        String result = reply(call(() -> REPLACE.evalBinary(jedis, k, List.of(
                b(id), b(Long.toString(expectedVersion)), RedisRecords.seal(tenant, userKey, attributes), b(blind.userName),
                b(blind.externalId.orElse("")), b(String.join(" ", blind.emails)), b(Long.toString(now)),
                b(Integer.toString(oldSets.size())), b(Integer.toString(newSets.size())),
                b(Integer.toString(config.eventsMaxLength())), b(eventType), b(invited ? "1" : "0")))));
        switch (result) {
            case "NOTFOUND" -> throw new ResourceNotFoundException();
            case "CONFLICT" -> throw new VersionConflictException();
            case "DUP:userName" -> throw new DuplicateKeyException("userName");
            default -> {
                return new StoredResource(id, Long.parseLong(result), current.created(), Instant.ofEpochMilli(now), attributes);
            }
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
    public boolean delete(Tenant tenant, String id) {
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
            List<String> sets = indexSets(keys, nullToEmpty(fields.get(1)), nullToEmpty(fields.get(2)));
            List<String> k = new ArrayList<>(List.of(userKey, keys.users(), keys.userNameIndex(), keys.userGroups(id), keys.events(),
                    keys.invited()));
            k.addAll(sets);
            List<String> groupList = new ArrayList<>(groups);
            for (String gid : groupList) {
                k.add(keys.groupMembers(gid));
                k.add(keys.group(gid));
            }
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
    public Set<String> findIds(Tenant tenant, String indexedAttribute, String normalisedValue) {
        RedisKeys keys = new RedisKeys(tenant.accountId());
        String blind = tenant.codec().blindIndex(normalisedValue);
        return call(() -> switch (indexedAttribute) {
            case "userName" -> {
                String id = jedis.hget(keys.userNameIndex(), blind);
                yield id == null ? Set.<String>of() : Set.of(id);
            }
            case "externalId" -> jedis.smembers(keys.userExternalIdIndex(blind));
            case "emails.value" -> jedis.smembers(keys.userEmailIndex(blind));
            default -> throw new IllegalArgumentException("no index on User." + indexedAttribute);
        });
    }

    @Override
    public Set<String> invited(Tenant tenant, int max) {
        return new java.util.HashSet<>(call(() -> jedis.srandmember(new RedisKeys(tenant.accountId()).invited(), max)));
    }

    @Override
    public Page page(Tenant tenant, long offset, int count) {
        RedisKeys keys = new RedisKeys(tenant.accountId());
        return RedisPaging.page(jedis, keys.users(), offset, count);
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
