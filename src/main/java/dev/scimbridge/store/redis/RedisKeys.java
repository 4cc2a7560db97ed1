package dev.scimbridge.store.redis;

import java.util.Objects;

/**
 * The one place that builds Redis keys. Every key of an account starts with
 * {@code scim:{<accountId>}:}; the braces are a Redis Cluster hash tag, so all of an account's keys
 * live in one slot and every multi-key Lua script or MULTI/EXEC stays Cluster-safe.
 *
 * <pre>
 * scim:{a}:account                    HASH    account id, name, bootstrap marker
 * scim:{a}:builtin:user:&lt;id&gt;          STRING  encrypted provision-manager record (invisible to SCIM)
 * scim:{a}:builtin:group:&lt;id&gt;         STRING  encrypted built-in group record (invisible to SCIM)
 * scim:{a}:builtin:group:&lt;id&gt;:members SET     user ids of a built-in group
 * scim:{a}:user:&lt;id&gt;                  HASH    v version, cr/lm created/modified ms, d sealed record,
 *                                             un/ex/em blind userName, externalId, emails
 * scim:{a}:users                      ZSET    user id by creation sequence (stable paging)
 * scim:{a}:idx:user:userName          HASH    blind(lower(userName)) -&gt; id   (unique)
 * scim:{a}:idx:user:externalId:&lt;b&gt;    SET     ids of users with that externalId
 * scim:{a}:idx:user:email:&lt;blind&gt;     SET     ids of users having that email value
 * scim:{a}:user:&lt;id&gt;:groups           SET     group ids (reverse membership index)
 * scim:{a}:group:&lt;id&gt;                 HASH    v, cr, lm, d sealed record without members, dn/ex blind
 * scim:{a}:groups                     ZSET    group id by creation sequence
 * scim:{a}:idx:group:displayName      HASH    blind(lower(displayName)) -&gt; id   (unique)
 * scim:{a}:idx:group:externalId:&lt;b&gt;   SET     ids of groups with that externalId
 * scim:{a}:group:&lt;id&gt;:members         SET     user ids
 * scim:{a}:invited                    SET     ids of users waiting for confirmation
 * scim:{a}:seq                        STRING  creation sequence counter (INCR)
 * scim:{a}:events                     STREAM  provisioning events (no personal data)
 * scim:{a}:lease:&lt;name&gt;              STRING  owner of a background-work lease (PX), e.g. confirmation
 * </pre>
 *
 * Documented with the commands that write each key in docs/redis-keys.md.
 */
public final class RedisKeys {
    private final String prefix;

    /** Keys of one account; {@code accountId} becomes the hash tag. */
    public RedisKeys(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        if (accountId.isEmpty() || accountId.contains("{") || accountId.contains("}")) {
            throw new IllegalArgumentException("account id must be non-empty and free of braces");
        }
        this.prefix = "scim:{" + accountId + "}:";
    }

    private String key(String... parts) {
        return prefix + String.join(":", parts);
    }

    /**
     * Whether {@code id} can name a resource: non-empty and without {@code ':'}, so that {@code user(id)} or
     * {@code group(id)} cannot be another key of a resource (such as {@code user:<id>:groups}). Resource
     * ids are UUIDs; a client that sends anything else gets "not found".
     */
    public static boolean isResourceId(String id) {
        return id != null && !id.isEmpty() && id.indexOf(':') < 0;
    }

    /**
     * The common prefix, for {@code SCAN MATCH prefix*} in tests and operations tooling, and for the
     * scripts that derive record keys from it: user-read.lua builds {@code prefix .. 'user:' .. id} and
     * {@code prefix .. 'user:' .. id .. ':groups'}, group-records.lua (for user-read.lua and
     * user-replace.lua) {@code prefix .. 'group-records'} and {@code prefix .. 'group:' .. gid}, as
     * {@link #user}, {@link #userGroups}, {@link #groupRecords} and {@link #group} do. Change them together.
     */
    public String prefix() {
        return prefix;
    }

    public String account() {
        return key("account");
    }

    public String builtinUser(String id) {
        return key("builtin", "user", id);
    }

    public String builtinGroup(String id) {
        return key("builtin", "group", id);
    }

    public String builtinGroupMembers(String id) {
        return key("builtin", "group", id, "members");
    }

    public String user(String id) {
        return key("user", id);
    }

    public String users() {
        return key("users");
    }

    public String userNameIndex() {
        return key("idx", "user", "userName");
    }

    public String userExternalIdIndex(String blindExternalId) {
        return key("idx", "user", "externalId", blindExternalId);
    }

    public String userEmailIndex(String blindEmail) {
        return key("idx", "user", "email", blindEmail);
    }

    public String userGroups(String userId) {
        return key("user", userId, "groups");
    }

    public String group(String id) {
        return key("group", id);
    }

    public String groups() {
        return key("groups");
    }

    public String groupDisplayNameIndex() {
        return key("idx", "group", "displayName");
    }

    public String groupExternalIdIndex(String blindExternalId) {
        return key("idx", "group", "externalId", blindExternalId);
    }

    public String groupMembers(String groupId) {
        return key("group", groupId, "members");
    }

    /**
     * Every group's {@code v}, {@code cr}, {@code lm} and {@code d} by group id, a copy from which
     * user-read.lua and user-replace.lua read a user's {@code groups} with one HMGET (group-records.lua).
     */
    public String groupRecords() {
        return key("group-records");
    }

    public String invited() {
        return key("invited");
    }

    public String sequence() {
        return key("seq");
    }

    public String events() {
        return key("events");
    }

    public String lease(String name) {
        return key("lease", name);
    }
}
