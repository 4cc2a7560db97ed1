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

import dev.scimbridge.config.DirectoryConfig;
import dev.scimbridge.store.DuplicateKeyException;
import dev.scimbridge.store.GroupIndexValues;
import dev.scimbridge.store.GroupRepository;
import dev.scimbridge.store.Page;
import dev.scimbridge.store.ResourceNotFoundException;
import dev.scimbridge.store.StoredResource;
import dev.scimbridge.store.Tenant;
import dev.scimbridge.store.UnknownMemberException;
import dev.scimbridge.store.VersionConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link GroupRepository} on Redis. Storage details (see {@link RedisKeys} and docs/redis-keys.md):
 *
 * <pre>
 * HSET scim:{a}:group:&lt;id&gt; v 1 cr &lt;ms&gt; lm &lt;ms&gt; d &lt;sealed JSON without members&gt; dn &lt;blind displayName&gt; ex &lt;blind externalId&gt;
 * HSET scim:{a}:idx:group:displayName &lt;blind lower(displayName)&gt; &lt;id&gt;
 * SADD scim:{a}:group:&lt;id&gt;:members &lt;uid&gt;...        SADD scim:{a}:user:&lt;uid&gt;:groups &lt;id&gt;
 * ZADD scim:{a}:groups &lt;INCR scim:{a}:seq&gt; &lt;id&gt;
 * XADD scim:{a}:events MAXLEN ~ &lt;n&gt; * type group.member_added id &lt;id&gt; member &lt;uid&gt; time &lt;ms&gt;
 * </pre>
 *
 * Adding or removing k members touches 3k keys whatever the group's size; the group's record is
 * never rewritten for a membership change (only its version and lastModified fields).
 */
@ApplicationScoped
public class RedisGroupRepository implements GroupRepository {
    private static final LuaScript CREATE = LuaScript.load("redis/group-create.lua");
    private static final LuaScript UPDATE = LuaScript.load("redis/group-update.lua");
    private static final LuaScript DELETE = LuaScript.load("redis/group-delete.lua");
    private static final int DELETE_ATTEMPTS = 10;
    private static final int MEMBER_SCAN_COUNT = 1000;

    private UnifiedJedis jedis;
    private DirectoryConfig config;

    protected RedisGroupRepository() {
        // for CDI proxies
    }

    @Inject
    public RedisGroupRepository(UnifiedJedis jedis, DirectoryConfig config) {
        this.jedis = jedis;
        this.config = config;
    }

    @Override
    public StoredResource create(Tenant tenant, String id, JsonObject attributes, GroupIndexValues index, Set<String> members) {
        requireUserIds(members);
        RedisKeys keys = new RedisKeys(tenant.accountId());
        String groupKey = keys.group(id);
        String dn = tenant.codec().blindIndex(index.displayName());
        Optional<String> ex = index.externalId().map(tenant.codec()::blindIndex);
        List<byte[]> k = new ArrayList<>(List.of(b(groupKey), b(keys.groups()), b(keys.groupDisplayNameIndex()),
                b(keys.sequence()), b(keys.events()), b(keys.groupMembers(id))));
        ex.ifPresent(x -> k.add(b(keys.groupExternalIdIndex(x))));
        List<String> memberList = new ArrayList<>(members);
        for (String uid : memberList) {
            k.add(b(keys.user(uid)));
            k.add(b(keys.userGroups(uid)));
        }
        k.add(b(keys.groupRecords()));
        long now = System.currentTimeMillis();
        List<byte[]> a = new ArrayList<>(List.of(b(id), RedisRecords.seal(tenant, groupKey, attributes), b(dn),
                b(ex.orElse("")), b(Long.toString(now)), b(Integer.toString(config.eventsMaxLength())),
                b(ex.isPresent() ? "1" : "0")));
        memberList.forEach(uid -> a.add(b(uid)));
        String result = reply(call(() -> CREATE.evalBinary(jedis, k, a)));
        failOn(result);
        Instant at = Instant.ofEpochMilli(now);
        return new StoredResource(id, 1, at, at, attributes);
    }

    private static void failOn(String result) {
        if (result.startsWith("DUP:")) {
            throw new DuplicateKeyException(result.substring(4));
        }
        if (result.startsWith("UNKNOWN:")) {
            throw new UnknownMemberException(result.substring(8));
        }
        switch (result) {
            case "NOTFOUND" -> throw new ResourceNotFoundException();
            case "CONFLICT" -> throw new VersionConflictException();
            default -> {
                // a success answer
            }
        }
    }

    @Override
    public Optional<StoredResource> get(Tenant tenant, String id) {
        if (!RedisKeys.isResourceId(id)) {
            return Optional.empty();
        }
        String key = new RedisKeys(tenant.accountId()).group(id);
        return RedisRecords.open(tenant, id, key, call(() -> jedis.hmget(b(key), RedisRecords.RECORD_FIELDS)));
    }

    @Override
    public List<StoredResource> getAll(Tenant tenant, Collection<String> ids) {
        RedisKeys keys = new RedisKeys(tenant.accountId());
        return RedisRecords.openAll(jedis, tenant, ids, keys::group);
    }

    @Override
    public Set<String> members(Tenant tenant, String id) {
        return call(() -> jedis.smembers(new RedisKeys(tenant.accountId()).groupMembers(id)));
    }

    @Override
    public void scanMembers(Tenant tenant, String id, java.util.function.Consumer<List<String>> chunk) {
        String key = new RedisKeys(tenant.accountId()).groupMembers(id);
        redis.clients.jedis.params.ScanParams params = new redis.clients.jedis.params.ScanParams().count(MEMBER_SCAN_COUNT);
        java.util.Set<String> seen = new java.util.HashSet<>();
        String cursor = redis.clients.jedis.params.ScanParams.SCAN_POINTER_START;
        do {
            String from = cursor;
            redis.clients.jedis.resps.ScanResult<String> page = call(() -> jedis.sscan(key, from, params));
            List<String> fresh = page.getResult().stream().filter(seen::add).toList();
            if (!fresh.isEmpty()) {
                chunk.accept(fresh);
            }
            cursor = page.getCursor();
        } while (!cursor.equals(redis.clients.jedis.params.ScanParams.SCAN_POINTER_START));
    }

    @Override
    public long memberCount(Tenant tenant, String id) {
        return call(() -> jedis.scard(new RedisKeys(tenant.accountId()).groupMembers(id)));
    }

    @Override
    public StoredResource update(Tenant tenant, String id, long expectedVersion, JsonObject attributes,
                                 GroupIndexValues index, Set<String> added, Set<String> removed) {
        if (!RedisKeys.isResourceId(id)) {
            throw new ResourceNotFoundException();
        }
        requireUserIds(added);
        RedisKeys keys = new RedisKeys(tenant.accountId());
        String groupKey = keys.group(id);
        List<String> oldEx = List.of();
        List<String> newEx = List.of();
        String dn = "";
        String ex = "";
        byte[] sealed = new byte[0];
        if (attributes != null) {
            byte[] stored = call(() -> jedis.hget(b(groupKey), b("ex")));
            if (stored != null && stored.length > 0) {
                oldEx = List.of(keys.groupExternalIdIndex(s(stored)));
            }
            dn = tenant.codec().blindIndex(index.displayName());
            ex = index.externalId().map(tenant.codec()::blindIndex).orElse("");
            newEx = ex.isEmpty() ? List.of() : List.of(keys.groupExternalIdIndex(ex));
            sealed = RedisRecords.seal(tenant, groupKey, attributes);
        }
        List<byte[]> k = new ArrayList<>(List.of(b(groupKey), b(keys.groupDisplayNameIndex()), b(keys.events()),
                b(keys.groupMembers(id))));
        oldEx.forEach(x -> k.add(b(x)));
        newEx.forEach(x -> k.add(b(x)));
        List<String> removedList = new ArrayList<>(removed);
        List<String> addedList = new ArrayList<>(added);
        for (String uid : removedList) {
            k.add(b(keys.user(uid)));
            k.add(b(keys.userGroups(uid)));
        }
        for (String uid : addedList) {
            k.add(b(keys.user(uid)));
            k.add(b(keys.userGroups(uid)));
        }
        k.add(b(keys.groupRecords()));
        long now = System.currentTimeMillis();
        List<byte[]> a = new ArrayList<>(List.of(b(id), b(Long.toString(expectedVersion)), sealed, b(dn), b(ex),
                b(Long.toString(now)), b(Integer.toString(config.eventsMaxLength())),
                b(Integer.toString(oldEx.size())), b(Integer.toString(newEx.size())), b(Integer.toString(removedList.size()))));
        removedList.forEach(uid -> a.add(b(uid)));
        addedList.forEach(uid -> a.add(b(uid)));
        String result = reply(call(() -> UPDATE.evalBinary(jedis, k, a)));
        failOn(result);
        return get(tenant, id).orElseThrow(ResourceNotFoundException::new);
    }

    /** A member value with ':' would make the scripts' EXISTS check match another key of a user (its groups SET). */
    private static void requireUserIds(Set<String> memberIds) {
        for (String memberId : memberIds) {
            if (!RedisKeys.isResourceId(memberId)) {
                throw new UnknownMemberException(memberId);
            }
        }
    }

    @Override
    public boolean delete(Tenant tenant, String id, long expectedVersion) {
        if (!RedisKeys.isResourceId(id)) {
            return false;
        }
        RedisKeys keys = new RedisKeys(tenant.accountId());
        String groupKey = keys.group(id);
        for (int attempt = 0; attempt < DELETE_ATTEMPTS; attempt++) {
            List<String> fields = call(() -> jedis.hmget(groupKey, "v", "ex"));
            if (fields.get(0) == null) {
                return false;
            }
            RedisRecords.requireVersion(fields.get(0), expectedVersion);
            List<String> members = new ArrayList<>(members(tenant, id));
            List<String> k = new ArrayList<>(List.of(groupKey, keys.groups(), keys.groupDisplayNameIndex(),
                    keys.groupMembers(id), keys.events()));
            boolean hasEx = fields.get(1) != null && !fields.get(1).isEmpty();
            if (hasEx) {
                k.add(keys.groupExternalIdIndex(fields.get(1)));
            }
            for (String uid : members) {
                k.add(keys.user(uid));
                k.add(keys.userGroups(uid));
            }
            k.add(keys.groupRecords());
            List<String> a = new ArrayList<>(List.of(id, fields.get(0), hasEx ? "1" : "0",
                    Long.toString(System.currentTimeMillis()), Integer.toString(config.eventsMaxLength())));
            a.addAll(members);
            String result = reply(call(() -> DELETE.eval(jedis, k, a)));
            if (result.equals("OK")) {
                return true;
            }
            if (result.equals("NOTFOUND")) {
                return false;
            }
        }
        throw new VersionConflictException();
    }

    @Override
    public Set<String> findIds(Tenant tenant, String indexedAttribute, String normalisedValue) {
        RedisKeys keys = new RedisKeys(tenant.accountId());
        String blind = tenant.codec().blindIndex(normalisedValue);
        return call(() -> switch (indexedAttribute) {
            case "displayName" -> {
                String id = jedis.hget(keys.groupDisplayNameIndex(), blind);
                yield id == null ? Set.<String>of() : Set.of(id);
            }
            case "externalId" -> jedis.smembers(keys.groupExternalIdIndex(blind));
            default -> throw new IllegalArgumentException("no index on Group." + indexedAttribute);
        });
    }

    @Override
    public Page page(Tenant tenant, long offset, int count) {
        return RedisPaging.page(jedis, new RedisKeys(tenant.accountId()).groups(), offset, count);
    }
}
