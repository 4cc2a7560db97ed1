package dev.scimbridge.store.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.scimbridge.store.StoredResource;
import dev.scimbridge.store.Tenant;

/**
 * Group records opened once per version: every read of a user with {@code groups} gets its groups'
 * records back from user-read.lua (10 of them for a user in 10 groups), and decrypting and parsing them
 * again each time was most of the cost of such a read. The reply row carries the record's version, which
 * every write of the group raises, so a record opened at that version is reused and never stale, on any
 * replica. At most {@value #MAX} records (display names, external ids) are held, in this process's memory
 * only, never in Redis or logs; past that the map starts again empty.
 */
final class OpenedGroups {
    static final int MAX = 4096;

    private record Key(String accountId, String id) {
    }

    private final Map<Key, StoredResource> opened = new ConcurrentHashMap<>();

    /** The group of a script's reply row {@code {id, v, cr, lm, d}}, opened unless that version already was. */
    Optional<StoredResource> open(Tenant tenant, List<?> row, Function<String, String> keyOf) {
        if (!RedisRecords.isCompleteRow(row)) {
            return Optional.empty();
        }
        Key key = new Key(tenant.accountId(), RedisRecords.s((byte[]) row.get(0)));
        long version = Long.parseLong(RedisRecords.s((byte[]) row.get(1)));
        StoredResource known = opened.get(key);
        if (known != null && known.version() == version) {
            return Optional.of(known);
        }
        Optional<StoredResource> group = RedisRecords.openRow(tenant, row, keyOf);
        group.ifPresent(g -> {
            if (opened.size() >= MAX) {
                opened.clear();
            }
            opened.put(key, g);
        });
        return group;
    }

    /** The complete groups of a script's reply rows, in order, each opened unless its version already was. */
    List<StoredResource> openAll(Tenant tenant, List<?> rows, Function<String, String> keyOf) {
        List<StoredResource> groups = new ArrayList<>(rows.size());
        for (Object row : rows) {
            open(tenant, (List<?>) row, keyOf).ifPresent(groups::add);
        }
        return groups;
    }

    /** How many records are held (for tests). */
    int size() {
        return opened.size();
    }
}
