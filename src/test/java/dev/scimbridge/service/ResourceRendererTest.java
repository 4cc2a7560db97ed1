package dev.scimbridge.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import dev.scimbridge.scim.Json;
import dev.scimbridge.scim.schema.ResourceType;
import dev.scimbridge.store.StoredResource;
import dev.scimbridge.store.StoredUserText;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ResourceRenderer#renderWhole}, which writes a user from its record's text, against
 * {@link ResourceRenderer#render} and {@link ResourceRenderer#groups}, which build it from the parsed record:
 * the same JSON object for every kind of record and group list.
 */
class ResourceRendererTest {
    private static final Instant CREATED = Instant.parse("2026-11-29T10:15:30.123Z");
    private static final Instant MODIFIED = Instant.parse("2026-12-01T04:05:06Z");
    private static final StoredResource ENGINEERING = group("g-1", "{\"displayName\":\"Engineering\"}");
    private static final StoredResource UNNAMED = group("g-2", "{}");

    static Stream<Arguments> users() {
        String full = """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ada@example.com",\
                "name":{"givenName":"Ada","familyName":"Lovelace"},"active":true,\
                "emails":[{"value":"ada@example.com","type":"work","primary":true}],\
                "urn:scimbridge:params:scim:schemas:extension:bridge:2.0:User":{"state":"active"}}""";
        String escapes = "{\"userName\":\"q\\\"uote\\\\back\\u0001\",\"displayName\":\"Zoë 名前 \\ud83d\\ude00\",\"x\":[1,2.5,null,false]}";
        return Stream.of(
                Arguments.of("a user in no group", full, List.of(), "https://scim.example.com/scim/v2"),
                Arguments.of("a user in two groups, one without a name", full, List.of(ENGINEERING, UNNAMED),
                        "https://scim.example.com/scim/v2"),
                Arguments.of("escapes and characters beyond ASCII", escapes, List.of(ENGINEERING), "https://scim.example.com/scim/v2"),
                Arguments.of("an empty record", "{}", List.of(), "https://scim.example.com/scim/v2"),
                Arguments.of("a base URL that needs escaping", full, List.of(ENGINEERING), "http://h\"st/scim/v2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("users")
    void writesWhatRenderBuilds(String name, String record, List<StoredResource> groups, String baseUrl) {
        StoredResource stored = new StoredResource("u-1", 7, CREATED, MODIFIED, parse(record));
        JsonObjectBuilder expected = ResourceRenderer.render(ResourceType.USER, stored, baseUrl);
        if (!groups.isEmpty()) {
            expected.add("groups", ResourceRenderer.groups(groups, baseUrl));
        }
        byte[] written = ResourceRenderer.renderWhole(
                new StoredUserText("u-1", 7, CREATED, MODIFIED, record.getBytes(StandardCharsets.UTF_8), groups), baseUrl);
        assertEquals(expected.build(), parse(written));
    }

    @ParameterizedTest
    @MethodSource("notObjects")
    void refusesTextThatIsNoObject(String record) {
        StoredUserText user = new StoredUserText("u-1", 1, CREATED, MODIFIED, record.getBytes(StandardCharsets.UTF_8), List.of());
        assertThrows(IllegalStateException.class, () -> ResourceRenderer.renderWhole(user, "https://h/scim/v2"));
    }

    static Stream<String> notObjects() {
        return Stream.of("", "{", "[]", "\"text\"", " {}");
    }

    private static StoredResource group(String id, String record) {
        return new StoredResource(id, 1, CREATED, MODIFIED, parse(record));
    }

    private static JsonObject parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject parse(byte[] json) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
            return reader.readObject();
        }
    }
}
