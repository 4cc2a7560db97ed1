package dev.scimbridge.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.scimbridge.scim.Json;
import dev.scimbridge.session.AccountKeys;
import dev.scimbridge.session.RecordCodec;
import dev.scimbridge.session.RecordCodec.RecordIntegrityException;
import dev.scimbridge.store.StoredResource;
import dev.scimbridge.store.Tenant;
import org.junit.jupiter.api.Test;

/** {@link OpenedGroups}: a group record is opened once per version from its entry of group-records, and the map stays bounded. */
class OpenedGroupsTest {
    private final Tenant tenant = new Tenant(UUID.randomUUID().toString(), new RecordCodec(AccountKeys.generate(new SecureRandom())));
    private final RedisKeys keys = new RedisKeys(tenant.accountId());
    private final OpenedGroups opened = new OpenedGroups();

    @Test
    void accountsDoNotShareRecords() {
        Tenant other = new Tenant(UUID.randomUUID().toString(), new RecordCodec(AccountKeys.generate(new SecureRandom())));
        StoredResource mine = opened.openRecord(tenant, "g1", entry(tenant, "g1", 1, "Mine"), keys::group).orElseThrow();
        StoredResource theirs = opened.openRecord(other, "g1", entry(other, "g1", 1, "Theirs"), new RedisKeys(other.accountId())::group)
                .orElseThrow();
        assertNotSame(mine, theirs);
        assertEquals("Theirs", theirs.attributes().getString("displayName"));
        assertEquals("Mine", opened.openRecord(tenant, "g1", entry(tenant, "g1", 1, "Mine"), keys::group).orElseThrow()
                .attributes().getString("displayName"));
    }

    @Test
    void atMostMaxRecordsAreHeld() {
        for (int i = 0; i <= OpenedGroups.MAX; i++) {
            opened.openRecord(tenant, "g" + i, entry(tenant, "g" + i, 1, "G" + i), keys::group);
        }
        assertTrue(opened.size() <= OpenedGroups.MAX, "held " + opened.size());
        assertEquals("G7", opened.openRecord(tenant, "g7", entry(tenant, "g7", 1, "G7"), keys::group).orElseThrow()
                .attributes().getString("displayName"));
    }

    @Test
    void anEntryOfGroupRecordsOpensToTheGroupAndIsReusedAtItsVersion() {
        byte[] entry = entry(tenant, "g1", 12, "Ops");
        StoredResource first = opened.openRecord(tenant, "g1", entry, keys::group).orElseThrow();
        assertEquals("Ops", first.attributes().getString("displayName"));
        assertEquals(12, first.version());
        assertEquals(Instant.ofEpochMilli(1000), first.created());
        assertEquals(Instant.ofEpochMilli(2000), first.lastModified());
        assertSame(first, opened.openRecord(tenant, "g1", entry(tenant, "g1", 12, "Ops"), keys::group).orElseThrow());
        assertEquals("Renamed", opened.openRecord(tenant, "g1", entry(tenant, "g1", 13, "Renamed"), keys::group)
                .orElseThrow().attributes().getString("displayName"));
    }

    @Test
    void theSealedPartMayHoldColons() {
        for (int i = 0; i < 50; i++) {   // sealed bytes are random: some hold ':' (0x3a) bytes
            OpenedGroups fresh = new OpenedGroups();
            String name = "Team: " + i + ":";
            assertEquals(name, fresh.openRecord(tenant, "g" + i, entry(tenant, "g" + i, 1, name), keys::group)
                    .orElseThrow().attributes().getString("displayName"));
        }
    }

    @Test
    void aMalformedEntryIsAnErrorNotAGroup() {
        for (String bad : List.of("", "12", "12:1000", "12:1000:2000", "x2:1000:2000:d")) {
            assertThrows(IllegalStateException.class, () -> opened.openRecord(tenant, "g1", RedisRecords.b(bad), keys::group), bad);
        }
    }

    @Test
    void anEntryMovedToAnotherGroupsIdDoesNotOpen() {
        assertThrows(RecordIntegrityException.class, () -> opened.openRecord(tenant, "g1", entry(tenant, "g2", 1, "Two"), keys::group));
        assertEquals(0, opened.size());
    }

    @Test
    void repliesAreOpenedInOrder() {
        List<StoredResource> groups = opened.openRecords(tenant, List.of(RedisRecords.b("g2"), RedisRecords.b("g1")),
                List.of(entry(tenant, "g2", 1, "Two"), entry(tenant, "g1", 1, "One")), keys::group);
        assertEquals(List.of("g2", "g1"), groups.stream().map(StoredResource::id).toList());
        assertEquals("One", groups.get(1).attributes().getString("displayName"));
    }

    /** An entry of scim:{a}:group-records, {@code "<v>:<cr>:<lm>:<d>"}, as the group scripts write it, sealed under the group's key. */
    private static byte[] entry(Tenant tenant, String id, long version, String displayName) {
        byte[] head = RedisRecords.b(version + ":1000:2000:");
        byte[] sealed = RedisRecords.seal(tenant, new RedisKeys(tenant.accountId()).group(id),
                Json.createObjectBuilder().add("displayName", displayName).build());
        byte[] entry = Arrays.copyOf(head, head.length + sealed.length);
        System.arraycopy(sealed, 0, entry, head.length, sealed.length);
        return entry;
    }
}
