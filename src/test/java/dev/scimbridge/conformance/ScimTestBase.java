package dev.scimbridge.conformance;

import static dev.scimbridge.conformance.ScimAssertions.assertCreated;
import static dev.scimbridge.conformance.ScimAssertions.assertEtagMatchesVersion;
import static dev.scimbridge.conformance.ScimAssertions.assertScimContentType;
import static dev.scimbridge.conformance.ScimAssertions.assertScimJson;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;

import dev.scimbridge.testsupport.Await;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Common set-up of the conformance ITs: a {@link ScimClient} per test (skipped without base URL or token),
 * clean-up of what the test created, and the few steps every sequence repeats.
 */
abstract class ScimTestBase {
    private static final String BRIDGE_USER = "urn:scimbridge:params:scim:schemas:extension:bridge:2.0:User";
    private static final String INVITED = "invited";
    protected ScimClient scim;

    @BeforeEach
    void connect() {
        scim = ScimClient.connect();
    }

    @AfterEach
    void cleanUp() {
        if (scim != null) {
            scim.cleanUp();
        }
    }

    /** GET of one resource: 200, SCIM media type, ETag equal to meta.version; the body. */
    protected JsonObject read(String path) {
        ScimResponse response = scim.get(path);
        JsonObject body = assertScimJson(200, response);
        assertEtagMatchesVersion(response, body);
        return body;
    }

    /**
     * A PATCH that must succeed: RFC 7644 §3.5.2 allows 200 with the resource or 204 without a body.
     * On 200 the body is a SCIM resource with a matching ETag.
     */
    protected ScimResponse patchSucceeds(String path, String body) {
        ScimResponse response = scim.patch(path, body);
        if (response.status() == 200) {
            assertScimContentType(response);
            assertEtagMatchesVersion(response, response.json());
        } else if (response.status() == 204) {
            assertTrue(response.body().isEmpty(), () -> "204 must have no body: " + response);
        } else {
            fail("PATCH must answer 200 or 204: " + response);
        }
        return response;
    }

    /** POST of a resource that must be created; registered for clean-up. The 201 body. */
    protected JsonObject create(String collection, String resourceType, String body) {
        ScimResponse response = scim.post(collection, body);
        if (response.status() == 201) {
            scim.deleteLater(collection + "/" + response.json().getString("id"));
        }
        return assertCreated(resourceType, response);
    }

    /** A plain core User with that userName (for tests whose subject is not the create request). */
    protected String createPlainUser(String userName) {
        String body = Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(ScimAssertions.USER_SCHEMA))
                .add("userName", userName)
                .add("active", true)
                .build().toString();
        return create("/Users", "User", body).getString("id");
    }

    /**
     * A plain User as {@link #createPlainUser}, returned once the confirmation watcher has confirmed it:
     * for tests of versions and preconditions (see {@link #awaitConfirmed}).
     */
    protected String createConfirmedUser(String userName) {
        String id = createPlainUser(userName);
        awaitConfirmed("/Users/" + id);
        return id;
    }

    /**
     * Waits until the confirmation watcher has confirmed the user (the IT server runs it every 2 s, and a
     * confirmation is a new version, which a test comparing versions across requests would see); the body.
     */
    protected JsonObject awaitConfirmed(String path) {
        return Await.until("the confirmation of " + path, Duration.ofSeconds(30), () -> read(path), user -> !isInvited(user));
    }

    /** Whether the bridge's extension says {@code state: invited} (the confirmation watcher's only input). */
    protected static boolean isInvited(JsonObject user) {
        return INVITED.equals(user.getJsonObject(BRIDGE_USER).getString("state"));
    }

    /** A plain Group with that displayName and no members. */
    protected String createPlainGroup(String displayName) {
        String body = Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(ScimAssertions.GROUP_SCHEMA))
                .add("displayName", displayName)
                .build().toString();
        return create("/Groups", "Group", body).getString("id");
    }
}
