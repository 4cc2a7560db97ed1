package dev.scimbridge.scim.query;

import dev.scimbridge.scim.JsonObjects;
import dev.scimbridge.scim.ScimBooleans;
import dev.scimbridge.scim.ScimException;
import dev.scimbridge.scim.filter.AttributePath;
import dev.scimbridge.scim.schema.AttributeDefinition;
import dev.scimbridge.scim.schema.AttributeValues;
import dev.scimbridge.scim.schema.ResolvedAttribute;
import dev.scimbridge.scim.schema.ResourceType;
import dev.scimbridge.scim.schema.SchemaRegistry;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code sortBy} and {@code sortOrder} query parameters (RFC 7644 §3.4.2.3).
 *
 * <p>Strings compare per {@code caseExact} (so {@code userName} ignores case), numbers numerically, dateTimes as
 * instants, booleans false before true. A multi-valued attribute sorts by its primary value, else its first
 * (RFC 7644 §3.4.2.3). Resources without a value sort last in either order. Example:
 * {@code SortSpec.of("name.familyName", "descending").comparator(USER)}.
 *
 * @param path       the attribute to sort by
 * @param descending whether {@code sortOrder=descending}
 */
public record SortSpec(AttributePath path, boolean descending) {

    /**
     * Parses the parameters; empty when {@code sortBy} is absent. An unknown {@code sortOrder} or a {@code sortBy}
     * with a value filter is {@code invalidValue}; a malformed path {@code invalidPath}.
     */
    public static Optional<SortSpec> of(String sortBy, String sortOrder) {
        if (sortBy == null || sortBy.isBlank()) {
            return Optional.empty();
        }
        boolean descending;
        if (sortOrder == null || sortOrder.isBlank() || sortOrder.equalsIgnoreCase("ascending")) {
            descending = false;
        } else if (sortOrder.equalsIgnoreCase("descending")) {
            descending = true;
        } else {
            throw ScimException.invalidValue("sortOrder must be 'ascending' or 'descending'");
        }
        AttributePath path = AttributePath.parse(sortBy);
        if (path.isSchemaOnly() || path.filter() != null) {
            throw ScimException.invalidValue("sortBy must name an attribute, without value filter");
        }
        return Optional.of(new SortSpec(path, descending));
    }

    /** A comparator for resources of {@code type}; {@code invalidValue} if the attribute is unknown or complex. */
    public Comparator<JsonObject> comparator(ResourceType type) {
        ResolvedAttribute resolved = SchemaRegistry.resolve(type, path.urn(), path.attribute())
                .orElseThrow(() -> ScimException.invalidValue("Cannot sort by unknown attribute '" + path + "'"));
        AttributeDefinition top = resolved.definition();
        String sub = path.subAttribute() != null ? path.subAttribute() : top.isComplex() ? "value" : null;
        AttributeDefinition leaf = sub == null ? top : top.subAttribute(sub).orElseThrow(
                () -> ScimException.invalidValue("Cannot sort by '" + path + "'"));
        Comparator<Comparable<Object>> order = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing((JsonObject resource) -> key(resource, resolved, leaf),
                Comparator.nullsLast(order));
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> key(JsonObject resource, ResolvedAttribute resolved, AttributeDefinition leaf) {
        JsonObject container = resource;
        if (resolved.extension()) {
            Optional<JsonValue> extension = JsonObjects.get(resource, resolved.schema());
            if (extension.isEmpty() || !(extension.get() instanceof JsonObject object)) {
                return null;
            }
            container = object;
        }
        Optional<JsonValue> raw = JsonObjects.get(container, resolved.definition().name());
        if (raw.isPresent() && raw.get() instanceof JsonArray array) {
            raw = array.stream().filter(AttributeValues::isPrimary).findFirst().or(() -> array.stream().findFirst());
        }
        if (raw.isPresent() && leaf != resolved.definition()) {
            raw = raw.get() instanceof JsonObject object ? JsonObjects.get(object, leaf.name()) : Optional.empty();
        }
        return (Comparable<Object>) (Comparable<?>) raw.map(value -> comparable(leaf, value)).orElse(null);
    }

    private static Comparable<?> comparable(AttributeDefinition leaf, JsonValue value) {
        return switch (leaf.type()) {
            case BOOLEAN -> ScimBooleans.parse(value).orElse(null);
            case INTEGER, DECIMAL -> value instanceof JsonNumber number ? number.bigDecimalValue() : null;
            case DATE_TIME -> value instanceof JsonString text
                    ? AttributeValues.parseDateTime(text.getString()).orElse(null) : null;
            case COMPLEX -> null;
            default -> value instanceof JsonString text
                    ? (leaf.caseExact() ? text.getString() : text.getString().toLowerCase(Locale.ROOT)) : null;
        };
    }
}
