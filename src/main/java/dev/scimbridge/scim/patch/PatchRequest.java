package dev.scimbridge.scim.patch;

import dev.scimbridge.scim.JsonObjects;
import dev.scimbridge.scim.ScimException;
import dev.scimbridge.scim.filter.AttributePath;
import dev.scimbridge.scim.schema.SchemaRegistry;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A PATCH request body (RFC 7644 §3.5.2): {@code schemas} lists {@value SchemaRegistry#PATCH_OP} and
 * {@code Operations} is a non-empty array.
 *
 * <p>Example: {@code PatchRequest.parse(body).operations()}. Member names match case-insensitively; {@code op}
 * is case-insensitive; a malformed body is {@code invalidSyntax}, a bad {@code path} {@code invalidPath}, and an
 * {@code add} or {@code replace} without {@code value} {@code invalidValue}.
 *
 * @param operations the operations, in order
 */
public record PatchRequest(List<PatchOperation> operations) {

    public PatchRequest {
        operations = List.copyOf(operations);
    }

    /** Parses and checks a PATCH body. */
    public static PatchRequest parse(JsonObject body) {
        JsonValue schemas = JsonObjects.get(body, "schemas").orElse(JsonValue.NULL);
        if (!(schemas instanceof JsonArray array) || array.stream().noneMatch(
                v -> v instanceof JsonString s && s.getString().equalsIgnoreCase(SchemaRegistry.PATCH_OP))) {
            throw ScimException.invalidSyntax("'schemas' must list " + SchemaRegistry.PATCH_OP);
        }
        JsonValue operations = JsonObjects.get(body, "Operations").orElse(JsonValue.NULL);
        if (!(operations instanceof JsonArray list) || list.isEmpty()) {
            throw ScimException.invalidSyntax("'Operations' must be a non-empty array");
        }
        List<PatchOperation> parsed = new ArrayList<>();
        for (JsonValue item : list) {
            if (!(item instanceof JsonObject operation)) {
                throw ScimException.invalidSyntax("Each operation must be a JSON object");
            }
            parsed.add(operation(operation, parsed.size() + 1));
        }
        return new PatchRequest(parsed);
    }

    private static PatchOperation operation(JsonObject json, int index) {
        String name = JsonObjects.get(json, "op").filter(JsonString.class::isInstance)
                .map(v -> ((JsonString) v).getString())
                .orElseThrow(() -> ScimException.invalidSyntax("Operation " + index + " has no 'op'"));
        PatchOperation.Op op = PatchOperation.Op.of(name).orElseThrow(() -> ScimException.invalidSyntax(
                "Operation " + index + ": unknown op '" + name + "' (add, replace or remove)"));
        JsonValue rawPath = JsonObjects.get(json, "path").orElse(null);
        AttributePath path = null;
        if (rawPath != null) {
            if (!(rawPath instanceof JsonString text)) {
                throw ScimException.invalidPath("Operation " + index + ": 'path' must be a string");
            }
            path = AttributePath.parse(text.getString());
        }
        JsonValue value = JsonObjects.get(json, "value").orElse(null);
        if (value == null && op != PatchOperation.Op.REMOVE) {
            throw ScimException.invalidValue("Operation " + index + ": '" + op + "' needs a 'value'");
        }
        return new PatchOperation(op, path, value);
    }
}
