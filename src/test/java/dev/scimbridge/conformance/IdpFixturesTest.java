package dev.scimbridge.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every IdP fixture is a JSON object once its placeholders are filled, and says which SCIM message it is. */
class IdpFixturesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(IdpFixturesTest.class.getResource("/idp").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            List<String> names = files.filter(p -> p.toString().endsWith(".json"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
            assertFalse(names.isEmpty());
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void fixtureIsAScimMessage(String name) {
        String raw = Fixtures.load(name, placeholders(name));
        JsonObject body;
        try (JsonReader reader = Json.createReader(new StringReader(raw))) {
            body = reader.readObject();
        }
        List<String> schemas = ScimAssertions.strings(body.getJsonArray("schemas"));
        if (name.contains("/patch-")) {
            assertEquals(List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"), schemas, name);
            assertFalse(body.getJsonArray("Operations").isEmpty(), name);
        } else {
            assertTrue(schemas.contains(ScimAssertions.USER_SCHEMA) || schemas.contains(ScimAssertions.GROUP_SCHEMA), name);
        }
    }

    /** Each distinct placeholder of the fixture with a dummy value. */
    private static String[] placeholders(String name) {
        String raw;
        try (var in = IdpFixturesTest.class.getResourceAsStream("/idp/" + name)) {
            raw = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Matcher m = PLACEHOLDER.matcher(raw);
        return m.results().map(r -> r.group(1)).distinct()
                .flatMap(p -> Stream.of(p, "value-of-" + p + "-\"quoted\""))
                .toArray(String[]::new);
    }
}
