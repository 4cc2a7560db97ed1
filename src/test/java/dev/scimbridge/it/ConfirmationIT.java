package dev.scimbridge.it;

import static dev.scimbridge.testsupport.ItEnvironment.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.scimbridge.testsupport.ScimClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The confirmation watcher (the IT server runs it every 2 s): a new user is {@code invited}, then
 * becomes {@code active} with {@code confirmedAt} and a new version, without any client request; a
 * suspended user is not confirmed.
 */
class ConfirmationIT {
    private static final String BRIDGE = ScimClient.BRIDGE_USER;
    private final ScimClient scim = ScimClient.forItServer();

    private String create(String userName, boolean active) {
        HttpResponse<String> created = scim.post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"" + userName + "\",\"active\":" + active + "}");
        assertEquals(201, created.statusCode(), created.body());
        return json(created.body()).getString("id");
    }

    @Test
    void invitedUsersAreConfirmedInTheBackground() {
        HttpResponse<String> created = scim.post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"confirm-" + UUID.randomUUID() + "\"}");
        JsonObject user = json(created.body());
        assertEquals("invited", user.getJsonObject(BRIDGE).getString("state"));
        String id = user.getString("id");
        String suspended = create("suspended-" + UUID.randomUUID(), false);

        JsonObject confirmed = scim.awaitUserState(id, "active", Duration.ofSeconds(30));
        assertTrue(confirmed.getJsonObject(BRIDGE).containsKey("confirmedAt"));
        assertTrue(Instant.parse(confirmed.getJsonObject(BRIDGE).getString("confirmedAt")).isAfter(Instant.now().minusSeconds(120)));
        assertEquals("W/\"2\"", confirmed.getJsonObject("meta").getString("version"), "confirmed exactly once");

        JsonObject stillSuspended = json(scim.get("/Users/" + suspended).body());
        assertEquals("suspended", stillSuspended.getJsonObject(BRIDGE).getString("state"));
        assertFalse(stillSuspended.getJsonObject(BRIDGE).containsKey("confirmedAt"));
    }
}
