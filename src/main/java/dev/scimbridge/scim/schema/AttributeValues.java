package dev.scimbridge.scim.schema;

import dev.scimbridge.scim.Json;
import dev.scimbridge.scim.ScimBooleans;
import dev.scimbridge.scim.ScimException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Checks and normalises client-supplied attribute values against their definition (RFC 7643 §2.3, §2.4).
 *
 * <p>Normalising means: sub-attribute names in canonical case, booleans given as strings ({@code "False"})
 * coerced, {@code null} and empty arrays treated as unassigned (RFC 7643 §2.5), readOnly sub-attributes dropped,
 * a single value for a multi-valued attribute wrapped in an array, and a bare string for a singular complex
 * attribute with a {@code value} sub-attribute read as {@code {"value": ...}} (Entra sends the enterprise
 * {@code manager} as a bare id). Wrong types are {@code invalidValue}; unknown sub-attributes are
 * {@code invalidSyntax}; a second {@code "primary": true} is {@code invalidValue}.
 *
 * <p>Example: {@code normalise(activeDefinition, Json.createValue("False"), "active")} is {@code JsonValue.FALSE}.
 */
public final class AttributeValues {
    private AttributeValues() {
    }

    /**
     * The normalised value, or {@link JsonValue#NULL} when the input leaves the attribute unassigned.
     *
     * @param definition the attribute's definition
     * @param value      the client's value
     * @param path       the attribute's path, for error messages
     */
    public static JsonValue normalise(AttributeDefinition definition, JsonValue value, String path) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.NULL;
        }
        if (!definition.multiValued()) {
            return normaliseSingle(definition, value, path);
        }
        JsonArray items = value instanceof JsonArray array ? array : Json.createArrayBuilder().add(value).build();
        JsonArrayBuilder out = Json.createArrayBuilder();
        int count = 0;
        int primaries = 0;
        for (JsonValue item : items) {
            JsonValue normalised = normaliseSingle(definition, item, path);
            if (normalised.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            if (isPrimary(normalised)) {
                primaries++;
            }
            out.add(normalised);
            count++;
        }
        if (primaries > 1) {
            throw ScimException.invalidValue("At most one value of '" + path + "' may have \"primary\": true");
        }
        return count == 0 ? JsonValue.NULL : out.build();
    }

    /** Normalises one value of an attribute, ignoring {@code multiValued}. */
    public static JsonValue normaliseSingle(AttributeDefinition definition, JsonValue value, String path) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.NULL;
        }
        return switch (definition.type()) {
            case STRING, REFERENCE -> requireString(value, path);
            case BOOLEAN -> ScimBooleans.require(value, path) ? JsonValue.TRUE : JsonValue.FALSE;
            case INTEGER -> {
                if (value instanceof JsonNumber number && number.isIntegral()) {
                    yield number;
                }
                throw ScimException.invalidValue("'" + path + "' must be an integer");
            }
            case DECIMAL -> {
                if (value instanceof JsonNumber number) {
                    yield number;
                }
                throw ScimException.invalidValue("'" + path + "' must be a number");
            }
            case DATE_TIME -> {
                JsonString text = requireString(value, path);
                if (parseDateTime(text.getString()).isEmpty()) {
                    throw ScimException.invalidValue("'" + path + "' must be an xsd:dateTime, e.g. 2024-05-13T04:42:34Z");
                }
                yield text;
            }
            case BINARY -> {
                JsonString text = requireString(value, path);
                try {
                    Base64.getDecoder().decode(text.getString().replaceAll("\\s", ""));
                } catch (IllegalArgumentException e) {
                    throw ScimException.invalidValue("'" + path + "' must be base64");
                }
                yield text;
            }
            case COMPLEX -> normaliseComplex(definition, value, path);
        };
    }

    /** Whether a value of a multi-valued attribute carries {@code "primary": true}. */
    public static boolean isPrimary(JsonValue value) {
        return value instanceof JsonObject object && object.get("primary") != null
                && ScimBooleans.parse(object.get("primary")).orElse(false);
    }

    /**
     * Parses an xsd:dateTime (RFC 7643 §2.3.5) as an instant; a value without offset is taken as UTC.
     *
     * <p>Example: {@code parseDateTime("2011-05-13T04:42:34Z")}.
     */
    public static Optional<Instant> parseDateTime(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    private static JsonValue normaliseComplex(AttributeDefinition definition, JsonValue value, String path) {
        if (value instanceof JsonString bare && !definition.multiValued()
                && definition.subAttribute("value").isPresent()) {
            return Json.createObjectBuilder().add(definition.subAttribute("value").get().name(), bare).build();
        }
        if (!(value instanceof JsonObject object)) {
            throw ScimException.invalidValue("'" + path + "' must be a complex value (a JSON object)");
        }
        JsonObjectBuilder out = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            AttributeDefinition sub = definition.subAttribute(entry.getKey()).orElseThrow(
                    () -> ScimException.invalidSyntax("Unknown sub-attribute '" + entry.getKey() + "' of '" + path + "'"));
            if (sub.mutability() == Mutability.READ_ONLY) {
                continue;
            }
            JsonValue normalised = normaliseSingle(sub, entry.getValue(), path + "." + sub.name());
            if (normalised.getValueType() != JsonValue.ValueType.NULL) {
                out.add(sub.name(), normalised);
            }
        }
        JsonObject built = out.build();
        return built.isEmpty() ? JsonValue.NULL : built;
    }

    private static JsonString requireString(JsonValue value, String path) {
        if (value instanceof JsonString string) {
            return string;
        }
        throw ScimException.invalidValue("'" + path + "' must be a string");
    }
}
