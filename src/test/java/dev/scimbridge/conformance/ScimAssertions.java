package dev.scimbridge.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Assertions on SCIM HTTP answers (RFC 7644): media type, error shape (§3.12), ETag and
 * {@code meta.version} (§3.14), list responses (§3.4.2). Every failure message carries the whole
 * exchange, so a report can quote request, expected and actual.
 */
final class ScimAssertions {
    static final String SCIM_JSON = "application/scim+json";
    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private ScimAssertions() {
    }

    static void assertStatus(int expected, ScimResponse response) {
        assertEquals(expected, response.status(), () -> "status of " + response);
    }

    /** Status and {@code Content-Type: application/scim+json} (parameters such as charset allowed); the parsed body. */
    static JsonObject assertScimJson(int expectedStatus, ScimResponse response) {
        assertStatus(expectedStatus, response);
        assertScimContentType(response);
        return response.json();
    }

    static void assertScimContentType(ScimResponse response) {
        String type = response.header("Content-Type").orElse("");
        assertEquals(SCIM_JSON, type.split(";")[0].trim().toLowerCase(Locale.ROOT),
                () -> "Content-Type of " + response);
    }

    /** A SCIM Error: status, media type, {@code schemas}, {@code status} as a string, and {@code scimType} if expected. */
    static JsonObject assertScimError(int expectedStatus, String expectedScimType, ScimResponse response) {
        JsonObject body = assertScimJson(expectedStatus, response);
        assertEquals(List.of(ERROR_SCHEMA), strings(body.getJsonArray("schemas")), () -> "schemas of " + response);
        JsonValue status = body.get("status");
        assertTrue(status instanceof JsonString, () -> "status must be a JSON string: " + response);
        assertEquals(Integer.toString(expectedStatus), ((JsonString) status).getString(), () -> "status of " + response);
        if (expectedScimType != null) {
            assertEquals(expectedScimType, body.getString("scimType", null), () -> "scimType of " + response);
        }
        return body;
    }

    /** A created resource: 201, Location, ETag equal to {@code meta.version}, {@code id}, {@code meta.resourceType}. */
    static JsonObject assertCreated(String resourceType, ScimResponse response) {
        JsonObject body = assertScimJson(201, response);
        String id = body.getString("id", null);
        assertNotNull(id, () -> "id of " + response);
        assertFalse(id.isBlank(), () -> "id of " + response);
        JsonObject meta = body.getJsonObject("meta");
        assertNotNull(meta, () -> "meta of " + response);
        assertEquals(resourceType, meta.getString("resourceType", null), () -> "meta.resourceType of " + response);
        String location = response.header("Location").orElse(null);
        assertNotNull(location, () -> "Location header of " + response);
        assertTrue(location.endsWith("/scim/v2/" + resourceType + "s/" + id),
                () -> "Location must name the new resource: " + response);
        assertEquals(location, meta.getString("location", null), () -> "meta.location equals Location: " + response);
        assertEtagMatchesVersion(response, body);
        return body;
    }

    /** RFC 7644 §3.14: the {@code ETag} header is present and equals {@code meta.version}. */
    static String assertEtagMatchesVersion(ScimResponse response, JsonObject body) {
        String etag = response.header("ETag").orElse(null);
        assertNotNull(etag, () -> "ETag header of " + response);
        String version = body.getJsonObject("meta").getString("version", null);
        assertNotNull(version, () -> "meta.version of " + response);
        assertEquals(etag, version, () -> "ETag equals meta.version: " + response);
        return etag;
    }

    /** A ListResponse; integer totalResults/startIndex/itemsPerPage; {@code Resources} (an empty list if absent). */
    static List<JsonObject> assertList(ScimResponse response) {
        JsonObject body = assertScimJson(200, response);
        assertTrue(strings(body.getJsonArray("schemas")).contains(LIST_SCHEMA), () -> "ListResponse schema: " + response);
        assertInteger(body, "totalResults", response);
        JsonArray resources = body.getJsonArray("Resources");
        List<JsonObject> list = new ArrayList<>();
        if (resources != null) {
            resources.forEach(v -> list.add(v.asJsonObject()));
        }
        return list;
    }

    /** The ids of a ListResponse whose filter must match exactly {@code expectedId}. */
    static void assertExactlyOne(String expectedId, ScimResponse response) {
        List<JsonObject> resources = assertList(response);
        JsonObject body = response.json();
        assertEquals(1, body.getInt("totalResults"), () -> "totalResults of " + response);
        assertEquals(1, resources.size(), () -> "Resources of " + response);
        assertEquals(expectedId, resources.get(0).getString("id"), () -> "the matched resource of " + response);
    }

    /** An empty ListResponse: totalResults 0 and {@code Resources} empty or absent. */
    static void assertEmptyList(ScimResponse response) {
        List<JsonObject> resources = assertList(response);
        assertEquals(0, response.json().getInt("totalResults"), () -> "totalResults of " + response);
        assertTrue(resources.isEmpty(), () -> "Resources must be empty or absent: " + response);
    }

    static int assertInteger(JsonObject body, String name, ScimResponse response) {
        JsonValue value = body.get(name);
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            fail(name + " must be a JSON integer: " + response);
            return -1;
        }
        return number.intValueExact();
    }

    /** {@code value}s of a multi-valued complex attribute such as {@code members} or {@code groups}; empty if absent. */
    static List<String> values(JsonObject resource, String attribute) {
        List<String> values = new ArrayList<>();
        JsonArray array = resource.getJsonArray(attribute);
        if (array != null) {
            array.forEach(v -> values.add(v.asJsonObject().getString("value")));
        }
        return values;
    }

    /** No key {@code password} anywhere in the body, in any case (RFC 7643 §4.1.1: returned "never"). */
    static void assertNoPassword(ScimResponse response) {
        assertFalse(containsKey(response.json(), "password"), () -> "password must never be returned: " + response);
    }

    private static boolean containsKey(JsonValue value, String key) {
        if (value instanceof JsonObject object) {
            for (var entry : object.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(key) || containsKey(entry.getValue(), key)) {
                    return true;
                }
            }
        } else if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (containsKey(item, key)) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<String> strings(JsonArray array) {
        List<String> list = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> list.add(((JsonString) v).getString()));
        }
        return list;
    }
}
