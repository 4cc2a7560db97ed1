package dev.scimbridge.store.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import dev.scimbridge.scim.Json;
import dev.scimbridge.session.RecordCodec;
import dev.scimbridge.store.AccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link AccountRepository} on Redis. One call of {@code redis/bootstrap-account.lua}:
 *
 * <pre>
 * HSETNX scim:{a}:account id &lt;a&gt;                         -- 0: already bootstrapped, stop
 * HSET   scim:{a}:account record &lt;sealed&gt; created &lt;ms&gt; managerUser &lt;m&gt; managersGroup &lt;g&gt; bootstrap 1
 * SET    scim:{a}:builtin:user:&lt;m&gt;  &lt;sealed {"id","email","displayName","builtin":true}&gt;
 * SET    scim:{a}:builtin:group:&lt;g&gt; &lt;sealed {"id","displayName":"Provision Managers","builtin":true}&gt;
 * SADD   scim:{a}:builtin:group:&lt;g&gt;:members &lt;m&gt;
 * </pre>
 *
 * Each record is sealed with the {@link RecordCodec} using its own Redis key as associated data. The
 * built-in keys are outside the {@code user:}/{@code group:} spaces the SCIM resources read, so SCIM
 * clients can neither list nor change them.
 */
@ApplicationScoped
public class RedisAccountRepository implements AccountRepository {
    static final LuaScript BOOTSTRAP = LuaScript.load("redis/bootstrap-account.lua");

    private UnifiedJedis jedis;

    protected RedisAccountRepository() {
        // for CDI proxies
    }

    @Inject
    public RedisAccountRepository(UnifiedJedis jedis) {
        this.jedis = Objects.requireNonNull(jedis, "jedis");
    }

    @Override
    public Outcome bootstrap(AccountSeed seed, RecordCodec codec) {
        RedisKeys keys = new RedisKeys(seed.accountId());
        String accountKey = keys.account();
        String userKey = keys.builtinUser(seed.managerUserId());
        String groupKey = keys.builtinGroup(seed.managersGroupId());
        String membersKey = keys.builtinGroupMembers(seed.managersGroupId());
        byte[] account = codec.seal(accountKey, json(Json.createObjectBuilder()
                .add("id", seed.accountId())
                .add("name", seed.accountName())));
        byte[] user = codec.seal(userKey, json(Json.createObjectBuilder()
                .add("id", seed.managerUserId())
                .add("email", seed.managerEmail())
                .add("displayName", "Provision manager")
                .add("builtin", true)));
        byte[] group = codec.seal(groupKey, json(Json.createObjectBuilder()
                .add("id", seed.managersGroupId())
                .add("displayName", seed.managersGroupName())
                .add("builtin", true)));
        Object result = BOOTSTRAP.evalBinary(jedis,
                List.of(b(accountKey), b(userKey), b(groupKey), b(membersKey)),
                List.of(b(seed.accountId()), account, b(Long.toString(System.currentTimeMillis())), user, group,
                        b(seed.managerUserId()), b(seed.managersGroupId())));
        return Long.valueOf(1L).equals(result) ? Outcome.CREATED : Outcome.ALREADY_PRESENT;
    }

    private static byte[] json(jakarta.json.JsonObjectBuilder builder) {
        return builder.build().toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
