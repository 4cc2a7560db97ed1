package dev.scimbridge.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.scimbridge.scim.ScimException;
import dev.scimbridge.scim.Json;
import dev.scimbridge.store.StoredResource;
import dev.scimbridge.store.VersionConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreconditionsTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "W/\"3\"           | 3 | true",
            "\"3\"             | 3 | true",
            "W/\"2\"           | 3 | false",
            "*                 | 7 | true",
            "W/\"1\", W/\"3\"  | 3 | true",
            "W/\"1\", W/\"2\"  | 3 | false",
            "garbage           | 3 | false",
    })
    void matchesEntityTags(String header, long version, boolean expected) {
        assertEquals(expected, Preconditions.matches(header, version));
    }

    @Test
    void expectReturnsTheCurrentVersionOrFailsWith412() {
        assertEquals(4, Preconditions.expect(null, 4));
        assertEquals(4, Preconditions.expect("W/\"4\"", 4));
        ScimException e = assertThrows(ScimException.class, () -> Preconditions.expect("W/\"3\"", 4));
        assertEquals(412, e.status());
    }

    /**
     * What the store is asked to delete (the version, -1 for any) and what the client gets, for a resource
     * stored at version 4 (or absent) whose store reports {@code storeSays}: "ok", "absent", or "changed"
     * (the version moved between the read and the delete).
     */
    @ParameterizedTest(name = "If-Match {0}, stored {1}, store {2} -> asked {3}, answer {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-        | 4 | ok      | -1 | deleted",
            "-        | - | absent  | -1 | absent",
            "W/\"4\"  | 4 | ok      | 4  | deleted",
            "W/\"4\"  | 4 | changed | 4  | 412",
            "W/\"3\"  | 4 | ok      | -  | 412",
            "W/\"4\"  | - | ok      | -  | absent",
            "*        | 4 | ok      | -1 | deleted",
            "*        | - | ok      | -  | absent",
    })
    void deleteHandsTheMatchedVersionToTheStore(String ifMatch, Long stored, String storeSays, Long asked, String answer) {
        List<Long> requested = new ArrayList<>();
        Optional<StoredResource> current = stored == null ? Optional.empty()
                : Optional.of(new StoredResource("r1", stored, Instant.EPOCH, Instant.EPOCH, Json.createObjectBuilder().build()));
        String outcome;
        try {
            boolean deleted = Preconditions.delete(ifMatch, () -> current, version -> {
                requested.add(version);
                if (storeSays.equals("changed")) {
                    throw new VersionConflictException();
                }
                return storeSays.equals("ok");
            });
            outcome = deleted ? "deleted" : "absent";
        } catch (ScimException e) {
            outcome = String.valueOf(e.status());
        }
        assertEquals(answer, outcome);
        assertEquals(asked == null ? List.of() : List.of(asked), requested);
    }
}
