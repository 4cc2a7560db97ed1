package dev.scimbridge.store.redis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.scimbridge.store.StoredResource;
import dev.scimbridge.store.Tenant;

/**
 * Group records opened once per version: every read of a user with {@code groups} gets its groups'
 * records back (10 of them for a user in 10 groups: entries of {@code scim:{a}:group-records} from
 * user-read.lua and user-replace.lua), and decrypting and parsing them again each time was most of the
 * cost of such a read. Each entry starts with the record's version, which every write of the group
 * raises, so a record opened at that version is reused and never stale, on any replica. At most
 * {@value #MAX} records (display names, external ids) are held, in this process's memory only, never in
 * Redis or logs; past that the map starts again empty.
 */
final class OpenedGroups {
    static final int MAX = 4096;

    private record Key(String accountId, String id) {
    }

    private final Map<Key, StoredResource> opened = new ConcurrentHashMap<>();

    /**
     * The group of an entry of {@code scim:{a}:group-records}, {@code "<v>:<cr>:<lm>:<d>"} (group-records.lua),
     * opened unless that version already was: a known group costs the parse of its version only.
     */
    Optional<StoredResource> openRecord(Tenant tenant, String id, byte[] entry, Function<String, String> keyOf) {
        int v = indexOf(entry, 0);
        int cr = v < 0 ? -1 : indexOf(entry, v + 1);
        int lm = cr < 0 ? -1 : indexOf(entry, cr + 1);
        if (lm < 0) {
            throw new IllegalStateException("malformed entry of group-records for group " + id);
        }
        return opened(tenant, id, parseLong(entry, 0, v), () -> RedisRecords.open(tenant, id, keyOf.apply(id), List.of(
                Arrays.copyOfRange(entry, 0, v), Arrays.copyOfRange(entry, v + 1, cr),
                Arrays.copyOfRange(entry, cr + 1, lm), Arrays.copyOfRange(entry, lm + 1, entry.length))));
    }

    /** The groups of user-read.lua's or user-replace.lua's reply: its group ids and their entries of group-records, in order. */
    List<StoredResource> openRecords(Tenant tenant, List<?> ids, List<?> entries, Function<String, String> keyOf) {
        List<StoredResource> groups = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            openRecord(tenant, RedisRecords.s((byte[]) ids.get(i)), (byte[]) entries.get(i), keyOf).ifPresent(groups::add);
        }
        return groups;
    }

    private Optional<StoredResource> opened(Tenant tenant, String id, long version, Supplier<Optional<StoredResource>> open) {
        Key key = new Key(tenant.accountId(), id);
        StoredResource known = opened.get(key);
        if (known != null && known.version() == version) {
            return Optional.of(known);
        }
        Optional<StoredResource> group = open.get();
        group.ifPresent(g -> {
            if (opened.size() >= MAX) {
                opened.clear();
            }
            opened.put(key, g);
        });
        return group;
    }

    /** The first ':' at or after {@code from}, or -1; the sealed record after the third may hold any byte. */
    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == ':') {
                return i;
            }
        }
        return -1;
    }

    private static long parseLong(byte[] bytes, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalStateException("malformed version in group-records");
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** How many records are held (for tests). */
    int size() {
        return opened.size();
    }
}
