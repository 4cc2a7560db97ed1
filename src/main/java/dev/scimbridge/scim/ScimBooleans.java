package dev.scimbridge.scim;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * Reads SCIM booleans (RFC 7643 §2.3.2) leniently: JSON {@code true}/{@code false}, and the strings
 * {@code "true"}/{@code "false"} in any case, which Entra ID sends by default ({@code "value":"False"}).
 *
 * <p>Example: {@code ScimBooleans.parse(Json.createValue("True"))} is {@code Optional.of(true)};
 * {@code parse(Json.createValue("yes"))} is empty.
 */
public final class ScimBooleans {
    private ScimBooleans() {
    }

    /** The boolean the value stands for, or empty if it is not one. */
    public static Optional<Boolean> parse(JsonValue value) {
        if (value == JsonValue.TRUE || JsonValue.TRUE.equals(value)) {
            return Optional.of(Boolean.TRUE);
        }
        if (value == JsonValue.FALSE || JsonValue.FALSE.equals(value)) {
            return Optional.of(Boolean.FALSE);
        }
        if (value instanceof JsonString string) {
            String text = string.getString().trim();
            if (text.equalsIgnoreCase("true")) {
                return Optional.of(Boolean.TRUE);
            }
            if (text.equalsIgnoreCase("false")) {
                return Optional.of(Boolean.FALSE);
            }
        }
        return Optional.empty();
    }

    /** The boolean the value stands for; {@code invalidValue} naming {@code attribute} otherwise. */
    public static boolean require(JsonValue value, String attribute) {
        return parse(value).orElseThrow(
                () -> ScimException.invalidValue("'" + attribute + "' must be a boolean"));
    }
}
