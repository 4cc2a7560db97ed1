package dev.scimbridge.store.redis;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.scimbridge.scim.Json;
import dev.scimbridge.store.StoreUnavailableException;
import dev.scimbridge.store.StoredResource;
import dev.scimbridge.store.Tenant;
import dev.scimbridge.store.VersionConflictException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * What the Redis repositories share: sealing records with the account's codec (the record's Redis key
 * is the associated data, so a record copied under another key does not open), reading the
 * {@code v cr lm d} fields of resource hashes, and turning connection failures into
 * {@link StoreUnavailableException}.
 */
final class RedisRecords {
    static final byte[][] RECORD_FIELDS = {b("v"), b("cr"), b("lm"), b("d")};

    private RedisRecords() {
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String s(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] seal(Tenant tenant, String key, JsonObject attributes) {
        return tenant.codec().seal(key, b(attributes.toString()));
    }

    /** A resource from the fields {@link #RECORD_FIELDS} of its hash; empty when the hash is absent. */
    static Optional<StoredResource> open(Tenant tenant, String id, String key, List<byte[]> fields) {
        if (fields == null || !complete(fields.get(0), fields.get(3))) {
            return Optional.empty();
        }
        byte[] plain = tenant.codec().open(key, fields.get(3));
        JsonObject attributes;
        try (JsonReader reader = Json.createReader(new StringReader(s(plain)))) {
            attributes = reader.readObject();
        }
        return Optional.of(new StoredResource(id, version(fields.get(0)), instant(fields.get(1)), instant(fields.get(2)), attributes));
    }

    static long version(byte[] field) {
        return Long.parseLong(s(field));
    }

    /** A record's {@code cr} or {@code lm} field: epoch milliseconds. */
    static Instant instant(byte[] field) {
        return Instant.ofEpochMilli(Long.parseLong(s(field)));
    }

    /** A record needs its version and its sealed data; a hash without them is gone or half-deleted. */
    private static boolean complete(Object version, Object data) {
        return version != null && data != null;
    }

    /**
     * Throws {@link VersionConflictException} when {@code expectedVersion} (&lt; 0: any version) is not the
     * version read before a versioned delete; the delete's script then checks, in the same atomic step,
     * that the version read is still the stored one.
     */
    static void requireVersion(String storedVersion, long expectedVersion) {
        if (expectedVersion >= 0 && Long.parseLong(storedVersion) != expectedVersion) {
            throw new VersionConflictException();
        }
    }

    /** Whether a script's reply row {@code {id, v, cr, lm, d}} holds a record {@link #openRow} opens. */
    static boolean isCompleteRow(List<?> row) {
        return complete(row.get(1), row.get(4));
    }

    /**
     * A resource from a script's reply row {@code {id, v, cr, lm, d}} (user-read.lua's users),
     * opened under the key {@code keyOf(id)}; empty when the record is incomplete.
     */
    static Optional<StoredResource> openRow(Tenant tenant, List<?> row, Function<String, String> keyOf) {
        String id = s((byte[]) row.get(0));
        List<byte[]> fields = new ArrayList<>(RECORD_FIELDS.length);
        for (int i = 1; i <= RECORD_FIELDS.length; i++) {
            fields.add((byte[]) row.get(i));
        }
        return open(tenant, id, keyOf.apply(id), fields);
    }

    /** Reads several resources in one pipelined round trip, keeping the order of {@code ids}. */
    static List<StoredResource> openAll(UnifiedJedis jedis, Tenant tenant, Collection<String> ids, Function<String, String> keyOf) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Response<List<byte[]>>> responses = new ArrayList<>(ids.size());
        List<String> order = new ArrayList<>(ids);
        call(() -> {
            try (AbstractPipeline pipeline = jedis.pipelined()) {
                for (String id : order) {
                    responses.add(pipeline.hmget(b(keyOf.apply(id)), RECORD_FIELDS));
                }
                pipeline.sync();
            }
            return null;
        });
        List<StoredResource> result = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            String id = order.get(i);
            open(tenant, id, keyOf.apply(id), responses.get(i).get()).ifPresent(result::add);
        }
        return result;
    }

    /** Runs a Redis call; a connection failure or timeout becomes {@link StoreUnavailableException}. */
    static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (JedisConnectionException e) {
            throw new StoreUnavailableException(e);
        }
    }

    /** The script's answer as text ({@code OK}, {@code NOTFOUND}, a version number...). */
    static String reply(Object result) {
        if (result instanceof byte[] bytes) {
            return s(bytes);
        }
        return String.valueOf(result);
    }
}
