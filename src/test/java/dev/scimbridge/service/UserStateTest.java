package dev.scimbridge.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Optional;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The provisioning state derived from {@code active} and {@code confirmedAt}, and the index values of a user. */
class UserStateTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @ParameterizedTest(name = "{0} confirmed={1} -> {2}")
    @CsvSource({
            "true,  false, invited",
            "true,  true,  active",
            "false, false, suspended",
            "false, true,  suspended",
    })
    void stateFollowsActiveAndConfirmation(boolean active, boolean confirmed, String state) {
        JsonObject user = json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"u\",\"active\":" + active + "}");
        JsonObject withState = UserService.withState(user, confirmed ? Optional.of("2026-01-01T00:00:00Z") : Optional.empty());
        assertEquals(state, UserService.state(withState));
        assertEquals(state, withState.getJsonObject(UserService.BRIDGE).getString("state"));
        assertTrue(withState.getJsonArray("schemas").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(s -> s.getString().equals(UserService.BRIDGE)));
    }

    @ParameterizedTest(name = "replacement {0}, stored {1} -> {2}")
    @CsvSource({
            "'',                'false', false",
            "'',                'true',  true",
            "',\"active\":true',  'false', true",
            "',\"active\":false', 'true',  false",
            "'',                '',      <absent>",
    })
    void aReplaceWithoutActiveKeepsTheStoredValue(String replacementActive, String storedActive, String expected) {
        JsonObject replacement = json("{\"userName\":\"u\"" + replacementActive + "}");
        JsonObject stored = json("{\"userName\":\"u\"" + (storedActive.isEmpty() ? "" : ",\"active\":" + storedActive) + "}");
        JsonObject kept = UserService.keepActive(replacement, stored);
        assertEquals(expected, kept.containsKey("active") ? kept.get("active").toString() : "<absent>");
    }

    @Test
    void absentActiveMeansActive() {
        assertEquals("invited", UserService.state(UserService.withState(json("{\"userName\":\"u\"}"), Optional.empty())));
    }

    @Test
    void indexValuesAreNormalised() {
        var index = UserService.indexValues(json("{\"userName\":\"BJensen@Example.COM\",\"externalId\":\"Ext-1\","
                + "\"emails\":[{\"value\":\"B@Example.com\"},{\"value\":\"other@example.com\",\"type\":\"home\"}]}"));
        assertEquals("bjensen@example.com", index.userName());
        assertEquals(Optional.of("Ext-1"), index.externalId(), "externalId is caseExact");
        assertEquals(Set.of("b@example.com", "other@example.com"), index.emails());
    }
}
