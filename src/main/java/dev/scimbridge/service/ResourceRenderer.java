package dev.scimbridge.service;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import dev.scimbridge.scim.DateTimes;
import dev.scimbridge.scim.Json;
import dev.scimbridge.scim.schema.ResourceType;
import dev.scimbridge.store.StoredResource;
import dev.scimbridge.store.StoredUserText;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;

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
        out.add("meta", meta(type, stored.id(), stored.created(), stored.lastModified(), stored.version(), baseUrl));
        return out;
    }

    private static JsonObjectBuilder meta(ResourceType type, String id, Instant created, Instant lastModified, long version,
                                          String baseUrl) {
        return Json.createObjectBuilder()
                .add("resourceType", type.id())
                .add("created", DateTimes.iso(created))
                .add("lastModified", DateTimes.iso(lastModified))
                .add("location", location(type, id, baseUrl))
                .add("version", Versioned.etag(version));
    }

    /**
     * A user as {@link #render} and {@link #groups} render it with every stored attribute, as UTF-8 JSON, written
     * from the stored attributes' JSON text without parsing it: {@code id}, {@code groups} and {@code meta} are
     * rendered here, and the stored members follow them. A response that keeps every attribute (the default
     * projection) is this; parsing the record to write it again was most of the bridge's own work in a GET by id
     * (docs/benchmarks.md, round 19).
     */
    public static byte[] renderWhole(StoredUserText user, String baseUrl) {
        byte[] stored = user.attributesJson();
        if (stored.length < 2 || stored[0] != '{' || stored[stored.length - 1] != '}') {
            throw new IllegalStateException("a stored record is not a JSON object's text");
        }
        Head head = new Head(user.groups().size());
        try (JsonGenerator json = Json.createGenerator(head)) {
            json.writeStartObject().write("id", user.id());
            if (!user.groups().isEmpty()) {
                writeGroups(json, user.groups(), baseUrl);
            }
            json.writeStartObject("meta")
                    .write("resourceType", ResourceType.USER.id())
                    .write("created", DateTimes.iso(user.created()))
                    .write("lastModified", DateTimes.iso(user.lastModified()))
                    .write("location", location(ResourceType.USER, user.id(), baseUrl))
                    .write("version", Versioned.etag(user.version()))
                    .writeEnd();
            json.writeEnd();
        }
        return head.followedByMembersOf(stored);
    }

    /**
     * {@code groups} as {@link #groups} builds it, written straight to the generator, as {@link #renderWhole} writes
     * {@code meta}: building the objects first took a quarter of the time and a third of the garbage of writing a user
     * in 10 groups (docs/benchmarks.md, round 24).
     */
    private static void writeGroups(JsonGenerator json, Collection<StoredResource> groups, String baseUrl) {
        json.writeStartArray("groups");
        for (StoredResource g : groups) {
            json.writeStartObject()
                    .write("value", g.id())
                    .write("$ref", location(ResourceType.GROUP, g.id(), baseUrl))
                    .write("type", "direct");
            JsonValue display = g.attributes().get("displayName");
            if (display != null) {
                json.write("display", display);
            }
            json.writeEnd();
        }
        json.writeEnd();
    }

    /** The head of a written resource, {@code {"id":…,"meta":{…}}}, that the stored record's members then follow. */
    private static final class Head extends ByteArrayOutputStream {
        /** Room for {@code id}, {@code meta} and {@code groups} references, about 200 bytes each, so it seldom grows. */
        Head(int groups) {
            super(512 + 256 * groups);
        }

        /** The head and the members of {@code object} in one array: the head's closing brace becomes a comma. */
        byte[] followedByMembersOf(byte[] object) {
            if (object.length == 2) {
                return toByteArray();
            }
            byte[] whole = new byte[count + object.length - 1];
            System.arraycopy(buf, 0, whole, 0, count - 1);
            whole[count - 1] = ',';
            System.arraycopy(object, 1, whole, count, object.length - 1);
            return whole;
        }
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
