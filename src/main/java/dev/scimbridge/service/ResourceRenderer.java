package dev.scimbridge.service;

import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;

import dev.scimbridge.scim.Json;
import dev.scimbridge.scim.schema.ResourceType;
import dev.scimbridge.store.StoredResource;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * Builds the representation a client sees (RFC 7643 §3.1): the stored attributes plus {@code id},
 * {@code meta} ({@code resourceType}, {@code created}, {@code lastModified}, {@code location},
 * {@code version}) and the derived {@code groups} of a User or {@code members} of a Group.
 */
public final class ResourceRenderer {

    private ResourceRenderer() {
    }

    /** The resource with id and meta; {@code baseUrl} is the SCIM root, e.g. {@code https://host/scim/v2}. */
    public static JsonObjectBuilder render(ResourceType type, StoredResource stored, String baseUrl) {
        JsonObjectBuilder out = Json.createObjectBuilder();
        JsonValue schemas = stored.attributes().get("schemas");
        if (schemas != null) {
            out.add("schemas", schemas);
        }
        out.add("id", stored.id());
        for (Map.Entry<String, JsonValue> e : stored.attributes().entrySet()) {
            if (!e.getKey().equals("schemas")) {
                out.add(e.getKey(), e.getValue());
            }
        }
        out.add("meta", Json.createObjectBuilder()
                .add("resourceType", type.id())
                .add("created", DateTimeFormatter.ISO_INSTANT.format(stored.created()))
                .add("lastModified", DateTimeFormatter.ISO_INSTANT.format(stored.lastModified()))
                .add("location", location(type, stored.id(), baseUrl))
                .add("version", new Versioned(JsonValue.EMPTY_JSON_OBJECT, stored.version()).etag()));
        return out;
    }

    public static String location(ResourceType type, String id, String baseUrl) {
        return baseUrl + type.endpoint() + "/" + id;
    }

    /** {@code members} of a Group: {@code [{"value","$ref","type":"User"}]}. */
    public static JsonArrayBuilder members(Collection<String> userIds, String baseUrl) {
        JsonArrayBuilder members = Json.createArrayBuilder();
        for (String uid : userIds) {
            members.add(member(uid, baseUrl));
        }
        return members;
    }

    /** One member of a Group: {@code {"value","$ref","type":"User"}}. */
    public static JsonObject member(String userId, String baseUrl) {
        return Json.createObjectBuilder()
                .add("value", userId)
                .add("$ref", location(ResourceType.USER, userId, baseUrl))
                .add("type", "User")
                .build();
    }

    /** {@code groups} of a User: {@code [{"value","$ref","display","type":"direct"}]}. */
    public static JsonArrayBuilder groups(Collection<StoredResource> groups, String baseUrl) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        for (StoredResource g : groups) {
            JsonObjectBuilder ref = Json.createObjectBuilder()
                    .add("value", g.id())
                    .add("$ref", location(ResourceType.GROUP, g.id(), baseUrl))
                    .add("type", "direct");
            JsonValue display = g.attributes().get("displayName");
            if (display != null) {
                ref.add("display", display);
            }
            out.add(ref);
        }
        return out;
    }

    /**
     * The stored attributes with {@code id}, as PATCH sees the resource: IdPs (Okta) repeat the unchanged
     * id in a no-path replace, which must match rather than count as a change of a readOnly attribute.
     */
    public static JsonObject withId(StoredResource stored) {
        return Json.createObjectBuilder(stored.attributes()).add("id", stored.id()).build();
    }

    /** The stored attributes of a resource: everything but id, meta and the derived attributes. */
    public static JsonObject storable(JsonObject resource, String... derived) {
        JsonObjectBuilder out = Json.createObjectBuilder(resource);
        out.remove("id");
        out.remove("meta");
        for (String name : derived) {
            out.remove(name);
        }
        return out.build();
    }
}
