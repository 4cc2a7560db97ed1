package dev.scimbridge.scim;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * Case-insensitive access to JSON object members, since SCIM attribute names and schema URNs are
 * case-insensitive (RFC 7643 §2.1).
 *
 * <p>Example: {@code JsonObjects.key(user, "USERNAME")} is {@code Optional.of("userName")} when the object
 * holds {@code userName}.
 */
public final class JsonObjects {
    private JsonObjects() {
    }

    /** The key of {@code object} equal to {@code name} ignoring case, exact matches first. */
    public static Optional<String> key(JsonObject object, String name) {
        if (object.containsKey(name)) {
            return Optional.of(name);
        }
        for (String key : object.keySet()) {
            if (key.equalsIgnoreCase(name)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /** The member named {@code name} ignoring case, or empty; JSON {@code null} counts as absent. */
    public static Optional<JsonValue> get(JsonObject object, String name) {
        return key(object, name).map(object::get).filter(v -> v.getValueType() != JsonValue.ValueType.NULL);
    }
}
