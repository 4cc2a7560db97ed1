package dev.scimbridge.scim.schema;

import dev.scimbridge.scim.Json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * The resource types this bridge serves (RFC 7643 §6): {@code User} and {@code Group}.
 *
 * <p>Example: {@code ResourceType.USER.endpoint()} is {@code /Users}; its core schema is
 * {@value SchemaRegistry#USER} and it admits the enterprise and bridge extensions, neither required.
 */
public enum ResourceType {
    USER("User", "/Users", "User Account", SchemaRegistry.USER,
            List.of(new SchemaExtension(SchemaRegistry.ENTERPRISE_USER, false),
                    new SchemaExtension(SchemaRegistry.BRIDGE_USER, false))),
    GROUP("Group", "/Groups", "Group", SchemaRegistry.GROUP, List.of());

    private final String id;
    private final String endpoint;
    private final String description;
    private final String coreSchema;
    private final List<SchemaExtension> extensions;

    ResourceType(String id, String endpoint, String description, String coreSchema, List<SchemaExtension> extensions) {
        this.id = id;
        this.endpoint = endpoint;
        this.description = description;
        this.coreSchema = coreSchema;
        this.extensions = extensions;
    }

    /** The resource type's id and name, also {@code meta.resourceType}: {@code User} or {@code Group}. */
    public String id() {
        return id;
    }

    /** The endpoint relative to the SCIM base URL, e.g. {@code /Users}. */
    public String endpoint() {
        return endpoint;
    }

    /** The core schema URN. */
    public String coreSchema() {
        return coreSchema;
    }

    /** The schema extensions this type admits. */
    public List<SchemaExtension> extensions() {
        return extensions;
    }

    /** The canonical spelling of an extension URN of this type, matched case-insensitively. */
    public Optional<String> extension(String urn) {
        for (SchemaExtension extension : extensions) {
            if (extension.schema().equalsIgnoreCase(urn)) {
                return Optional.of(extension.schema());
            }
        }
        return Optional.empty();
    }

    /** The resource type by id ({@code User}, {@code Group}), case-insensitively. */
    public static Optional<ResourceType> byId(String id) {
        for (ResourceType type : values()) {
            if (type.id.equalsIgnoreCase(id)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The {@code /ResourceTypes} resource (RFC 7643 §6), with {@code meta.location} under {@code baseUrl}. */
    public JsonObject toJson(String baseUrl) {
        JsonArrayBuilder exts = Json.createArrayBuilder();
        extensions.forEach(e -> exts.add(Json.createObjectBuilder()
                .add("schema", e.schema())
                .add("required", e.required())));
        return Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(SchemaRegistry.RESOURCE_TYPE_SCHEMA))
                .add("id", id)
                .add("name", id)
                .add("endpoint", endpoint)
                .add("description", description)
                .add("schema", coreSchema)
                .add("schemaExtensions", exts)
                .add("meta", Json.createObjectBuilder()
                        .add("resourceType", "ResourceType")
                        .add("location", baseUrl + "/ResourceTypes/" + id))
                .build();
    }
}
