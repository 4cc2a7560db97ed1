package dev.scimbridge.conformance;

import static dev.scimbridge.conformance.ScimAssertions.assertEtagMatchesVersion;
import static dev.scimbridge.conformance.ScimAssertions.assertList;
import static dev.scimbridge.conformance.ScimAssertions.assertScimError;
import static dev.scimbridge.conformance.ScimAssertions.assertScimJson;
import static dev.scimbridge.conformance.ScimAssertions.assertStatus;
import static dev.scimbridge.conformance.ScimAssertions.values;
import static dev.scimbridge.conformance.ScimClient.oktaQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 7644 error and precondition behaviour every IdP depends on: §3.12 error responses, §3.14 ETags
 * ({@code If-Match} → 412, {@code If-None-Match} → 304), §3.11 {@code /Me}, and bearer authentication (§2).
 */
class ProtocolErrorsIT extends ScimTestBase {

    @Test
    void malformedJsonIsInvalidSyntax() {
        ScimResponse response = scim.post("/Users", "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"], \"userName\": ");
        assertScimError(400, "invalidSyntax", response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "5", "\"x\"", "true", "[]"})
    void aBodyThatIsNotAnObjectIsInvalidSyntax(String body) {
        assertScimError(400, "invalidSyntax", scim.post("/Users", body));
        assertScimError(400, "invalidSyntax", scim.post("/Groups", body));
    }

    @Test
    void aBodyThatIsNotUtf8IsInvalidSyntaxAndStoresNothing() {
        String userName = "latin1." + Fixtures.unique() + "@example.com";
        byte[] body = ("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName
                + "\",\"displayName\":\"Zo\u00eb\"}").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertScimError(400, "invalidSyntax", scim.sendBytes("POST", "/Users", body, true));
        assertEquals(0, assertScimJson(200, scim.get("/Users?filter=" + oktaQuery("userName eq \"" + userName + "\""))).getInt("totalResults"));
    }

    @Test
    void aBodyNestedDeeperThanAnyScimResourceIsInvalidSyntax() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertScimError(400, "invalidSyntax", scim.post("/Users", deep));
        String deepName = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"deep@example.com\",\"name\":"
                + "{\"a\":".repeat(3000) + "1" + "}".repeat(3000) + "}";
        assertScimError(400, "invalidSyntax", scim.post("/Users", deepName));
        assertScimError(400, "invalidSyntax", scim.post("/Bulk", deep));
    }

    @ParameterizedTest
    @ValueSource(strings = {"userName eq", "userName xx \"a\"", "(userName eq \"a\"", "userName eq \"a\" and"})
    void badFilterIsInvalidFilter(String filter) {
        assertScimError(400, "invalidFilter", scim.get("/Users?filter=" + oktaQuery(filter)));
    }

    @Test
    void unknownIdIsNotFound() {
        String unknown = UUID.randomUUID().toString();
        assertScimError(404, null, scim.get("/Users/" + unknown));
        assertScimError(404, null, scim.get("/Groups/" + unknown));
        assertScimError(404, null, scim.delete("/Users/" + unknown));
        assertScimError(404, null, scim.patch("/Groups/" + unknown, Fixtures.load("okta/patch-group-rename.json",
                "id", unknown, "displayName", "never")));
        // An id that names another key of a group in Redis (its members SET), by a members-only PATCH without If-Match.
        String group = createPlainGroup("colon." + Fixtures.unique());
        assertScimError(404, null, scim.patch("/Groups/" + group + ":members", Fixtures.load("entra/patch-group-remove-member.json",
                "userId", unknown)));
        assertScimError(404, null, scim.get("/Groups/" + group + ":members"));
    }

    @Test
    void putWithStaleIfMatchIsPreconditionFailedAndChangesNothing() {
        String id = createConfirmedUser("etag." + Fixtures.unique() + "@example.com");
        String path = "/Users/" + id;
        ScimResponse first = scim.get(path);
        String staleEtag = assertEtagMatchesVersion(first, assertScimJson(200, first));

        patchSucceeds(path, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Changed\"}]}");
        JsonObject current = read(path);
        String currentEtag = current.getJsonObject("meta").getString("version");
        assertTrue(!currentEtag.equals(staleEtag), "PATCH moved the version");

        String replacement = Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(ScimAssertions.USER_SCHEMA))
                .add("userName", current.getString("userName"))
                .add("displayName", "Overwritten")
                .build().toString();
        assertScimError(412, null, scim.put(path, replacement, "If-Match", staleEtag));
        assertEquals("Changed", read(path).getString("displayName"), "a failed precondition writes nothing");

        ScimResponse ok = scim.put(path, replacement, "If-Match", currentEtag);
        JsonObject overwritten = assertScimJson(200, ok);
        assertEquals("Overwritten", overwritten.getString("displayName"), ok::toString);

        // DELETE follows If-Match the same way: the version the PUT replaced is stale now.
        assertScimError(412, null, scim.delete(path, "If-Match", currentEtag));
        assertEquals("Overwritten", read(path).getString("displayName"), "a failed precondition deletes nothing");
        assertEquals(204, scim.delete(path, "If-Match", overwritten.getJsonObject("meta").getString("version")).status());
        assertScimError(404, null, scim.get(path));
    }

    @Test
    void getWithCurrentEtagInIfNoneMatchIsNotModified() {
        String id = createConfirmedUser("etag304." + Fixtures.unique() + "@example.com");
        String path = "/Users/" + id;
        ScimResponse first = scim.get(path);
        String etag = assertEtagMatchesVersion(first, assertScimJson(200, first));

        ScimResponse notModified = scim.get(path, "If-None-Match", etag);
        assertStatus(304, notModified);
        assertTrue(notModified.body().isEmpty(), () -> "304 has no body: " + notModified);
        ScimResponse other = scim.get(path, "If-None-Match", "W/\"not-the-version\"");
        assertScimJson(200, other);

        assertEquals(etag, notModified.header("ETag").orElse(null), () -> "RFC 7232 §4.1: 304 repeats the ETag: " + notModified);
    }

    @Test
    void meIsNotImplemented() {
        assertScimError(501, null, scim.get("/Me"));
    }

    @Test
    void addingAnUnknownMemberIsInvalidValueNamingTheId() {
        String groupId = createPlainGroup("Unknown member " + Fixtures.unique());
        String unknown = UUID.randomUUID().toString();
        ScimResponse response = scim.patch("/Groups/" + groupId,
                Fixtures.load("entra/patch-group-add-member.json", "userId", unknown));
        JsonObject error = assertScimError(400, "invalidValue", response);
        assertTrue(error.getString("detail", "").contains(unknown), () -> "detail names the unknown id: " + response);
        assertEquals(List.of(), values(read("/Groups/" + groupId), "members"), "nothing was added");
    }

    @Test
    void deleteOnTheCollectionIsMethodNotAllowed() {
        ScimResponse response = scim.delete("/Users");
        assertScimError(405, null, response);
        assertList(scim.get("/Users?count=1"));
    }

    @Test
    void missingBearerTokenIsUnauthorizedWithWwwAuthenticate() {
        // Authenticate once first, so the bridge is unlocked and no back-off can apply to this address.
        assertList(scim.get("/Users?count=1"));

        ScimResponse response = scim.send("GET", "/Users", null, false);
        assertScimError(401, null, response);
        String challenge = response.header("WWW-Authenticate").orElse("");
        assertTrue(challenge.toLowerCase(Locale.ROOT).startsWith("bearer"), () -> "WWW-Authenticate: Bearer …: " + response);
    }
}
