package dev.scimbridge.scim.schema;

import dev.scimbridge.scim.Json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * A schema (RFC 7643 §7): its URN, name, description and top-level attributes.
 *
 * <p>Example: {@code SchemaRegistry.schema("urn:ietf:params:scim:schemas:core:2.0:User")}.
 *
 * @param id          the schema URN
 * @param name        a short name, e.g. {@code User}
 * @param description a human-readable description
 * @param attributes  the attributes this schema defines
 */
public record SchemaDefinition(String id, String name, String description, List<AttributeDefinition> attributes) {

    public SchemaDefinition {
        attributes = List.copyOf(attributes);
    }

    /** The attribute with this name, matched case-insensitively. */
    public Optional<AttributeDefinition> attribute(String attributeName) {
        for (AttributeDefinition attribute : attributes) {
            if (attribute.name().equalsIgnoreCase(attributeName)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }

    /** The schema as a {@code /Schemas} resource (RFC 7643 §7), with {@code meta.location} under {@code baseUrl}. */
    public JsonObject toJson(String baseUrl) {
        JsonArrayBuilder attrs = Json.createArrayBuilder();
        attributes.forEach(a -> attrs.add(a.toJson()));
        return Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(SchemaRegistry.SCHEMA_SCHEMA))
                .add("id", id)
                .add("name", name)
                .add("description", description)
                .add("attributes", attrs)
                .add("meta", Json.createObjectBuilder()
                        .add("resourceType", "Schema")
                        .add("location", baseUrl + "/Schemas/" + id))
                .build();
    }
}
