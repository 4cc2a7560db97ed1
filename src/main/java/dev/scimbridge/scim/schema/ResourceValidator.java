package dev.scimbridge.scim.schema;

import dev.scimbridge.scim.Json;
import dev.scimbridge.scim.JsonObjects;
import dev.scimbridge.scim.ScimException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates and normalises resources sent with POST (RFC 7644 §3.3) and PUT (RFC 7644 §3.5.1) against
 * {@link SchemaRegistry}.
 *
 * <p>The result uses canonical attribute names, drops what the client may not write (readOnly attributes,
 * including {@code id}, {@code meta} and {@code groups}), coerces string booleans, and lists in {@code schemas}
 * exactly the core schema and the extensions it carries. Rules:
 * <ul>
 *   <li>{@code schemas} must list the core schema and every extension used; other URNs are
 *       {@code invalidValue}, except {@value SchemaRegistry#ENTRA_GROUP}, which Entra ID adds and is ignored;</li>
 *   <li>unknown attributes are {@code invalidSyntax}, wrong types {@code invalidValue}
 *       (see {@link AttributeValues});</li>
 *   <li>required attributes must be present ({@code invalidValue});</li>
 *   <li>on replace, readOnly values come from the existing resource, and an immutable value that is set
 *       cannot change ({@code mutability}).</li>
 * </ul>
 *
 * <p>Example: {@code validateCreate(USER, {"schemas":[core],"userName":"bjensen","ACTIVE":"True","id":"x"})} is
 * {@code {"schemas":[core],"userName":"bjensen","active":true}}.
 */
public final class ResourceValidator {

    /** Validates a POST body; returns the normalised resource (without {@code id} or {@code meta}). */
    public JsonObject validateCreate(ResourceType type, JsonObject body) {
        Parts parts = parse(type, body);
        JsonObject result = parts.build(type);
        checkRequired(type, result);
        return result;
    }

    /**
     * Validates a PUT body against the stored resource: readOnly values ({@code id}, {@code meta},
     * {@code groups}, the bridge extension) are kept from {@code existing}; immutable values may not change.
     */
    public JsonObject validateReplace(ResourceType type, JsonObject body, JsonObject existing) {
        Parts parts = parse(type, body);
        Parts old = Parts.of(type, existing);
        for (Map.Entry<String, Map<String, JsonValue>> container : old.containers.entrySet()) {
            Map<String, JsonValue> target = parts.container(container.getKey());
            for (Map.Entry<String, JsonValue> entry : container.getValue().entrySet()) {
                Optional<ResolvedAttribute> resolved = SchemaRegistry.resolve(type, container.getKey(), entry.getKey());
                if (resolved.isEmpty()) {
                    continue;
                }
                AttributeDefinition definition = resolved.get().definition();
                if (definition.mutability() == Mutability.READ_ONLY
                        || (definition.mutability() == Mutability.IMMUTABLE && !target.containsKey(definition.name()))) {
                    target.put(definition.name(), entry.getValue());
                } else if (definition.mutability() == Mutability.IMMUTABLE
                        && !entry.getValue().equals(target.get(definition.name()))) {
                    throw ScimException.mutability("'" + definition.name() + "' is immutable and cannot be changed");
                }
            }
        }
        JsonObject result = parts.build(type);
        checkRequired(type, result);
        return result;
    }

    /**
     * Checks a resource produced by PATCH (whose values were normalised operation by operation): required
     * attributes present; returns it with {@code schemas} recomputed from the extensions it carries.
     */
    public JsonObject validatePatched(ResourceType type, JsonObject patched) {
        JsonObject result = Parts.of(type, patched).build(type);
        checkRequired(type, result);
        return result;
    }

    private static void checkRequired(ResourceType type, JsonObject resource) {
        SchemaDefinition core = SchemaRegistry.schema(type.coreSchema()).orElseThrow();
        for (AttributeDefinition attribute : core.attributes()) {
            if (attribute.required() && attribute.mutability() != Mutability.READ_ONLY) {
                Optional<JsonValue> value = JsonObjects.get(resource, attribute.name());
                if (value.isEmpty()) {
                    throw ScimException.invalidValue("'" + attribute.name() + "' is required");
                }
                // RFC 7643 §4.1.1: a non-empty userName; the same for a group's displayName.
                if (value.get() instanceof JsonString text && text.getString().isBlank()) {
                    throw ScimException.invalidValue("'" + attribute.name() + "' must not be empty");
                }
            }
        }
    }

    private static Parts parse(ResourceType type, JsonObject body) {
        Set<String> listed = listedSchemas(type, body);
        Parts parts = new Parts();
        for (Map.Entry<String, JsonValue> entry : body.entrySet()) {
            String key = entry.getKey();
            if (key.equalsIgnoreCase("schemas")) {
                continue;
            }
            Optional<String> extension = type.extension(key);
            if (extension.isPresent()) {
                if (entry.getValue().getValueType() == JsonValue.ValueType.NULL) {
                    continue;
                }
                requireListed(listed, extension.get());
                if (!(entry.getValue() instanceof JsonObject object)) {
                    throw ScimException.invalidSyntax("'" + extension.get() + "' must be a JSON object");
                }
                for (Map.Entry<String, JsonValue> inner : object.entrySet()) {
                    ResolvedAttribute resolved = SchemaRegistry.resolve(type, extension.get(), inner.getKey())
                            .orElseThrow(() -> unknown(extension.get() + ":" + inner.getKey()));
                    parts.put(resolved, inner.getValue());
                }
                continue;
            }
            String[] split = SchemaRegistry.splitUrn(key);
            ResolvedAttribute resolved = SchemaRegistry.resolve(type, split[0], split[1])
                    .filter(r -> split[0] != null || !r.extension())
                    .orElseThrow(() -> unknown(key));
            if (resolved.extension()) {
                requireListed(listed, resolved.schema());
            }
            parts.put(resolved, entry.getValue());
        }
        return parts;
    }

    private static Set<String> listedSchemas(ResourceType type, JsonObject body) {
        JsonValue schemas = body.get(JsonObjects.key(body, "schemas").orElse("schemas"));
        if (!(schemas instanceof JsonArray array) || array.isEmpty()) {
            throw ScimException.invalidValue("'schemas' must list " + type.coreSchema());
        }
        Set<String> listed = new LinkedHashSet<>();
        for (JsonValue value : array) {
            if (!(value instanceof JsonString urn)) {
                throw ScimException.invalidValue("'schemas' must be an array of URNs");
            }
            String text = urn.getString();
            if (text.equalsIgnoreCase(type.coreSchema())) {
                listed.add(type.coreSchema());
            } else if (type.extension(text).isPresent()) {
                listed.add(type.extension(text).get());
            } else if (!text.equalsIgnoreCase(SchemaRegistry.ENTRA_GROUP)) {
                throw ScimException.invalidValue("Schema '" + text + "' is not supported for " + type.id());
            }
        }
        if (!listed.contains(type.coreSchema())) {
            throw ScimException.invalidValue("'schemas' must list " + type.coreSchema());
        }
        return listed;
    }

    private static void requireListed(Set<String> listed, String extension) {
        if (!listed.contains(extension)) {
            throw ScimException.invalidValue("'schemas' must list " + extension + " when its attributes are sent");
        }
    }

    private static ScimException unknown(String name) {
        return ScimException.invalidSyntax("Unknown attribute '" + name + "'");
    }

    /** A resource split into the core container (key {@code null}) and one container per extension URN. */
    private static final class Parts {
        private final Map<String, Map<String, JsonValue>> containers = new LinkedHashMap<>();

        /** Reads a stored or patched resource without re-validating values. */
        static Parts of(ResourceType type, JsonObject resource) {
            Parts parts = new Parts();
            for (Map.Entry<String, JsonValue> entry : resource.entrySet()) {
                Optional<String> extension = type.extension(entry.getKey());
                if (extension.isPresent() && entry.getValue() instanceof JsonObject object) {
                    object.forEach((k, v) -> SchemaRegistry.resolve(type, extension.get(), k)
                            .ifPresent(r -> parts.container(r.schema()).put(r.definition().name(), v)));
                } else if (!entry.getKey().equalsIgnoreCase("schemas")) {
                    SchemaRegistry.resolve(type, type.coreSchema(), entry.getKey())
                            .ifPresent(r -> parts.container(null).put(r.definition().name(), entry.getValue()));
                }
            }
            return parts;
        }

        Map<String, JsonValue> container(String schema) {
            return containers.computeIfAbsent(schema, k -> new LinkedHashMap<>());
        }

        void put(ResolvedAttribute resolved, JsonValue value) {
            AttributeDefinition definition = resolved.definition();
            if (definition.mutability() == Mutability.READ_ONLY) {
                return;
            }
            String path = resolved.extension() ? resolved.schema() + ":" + definition.name() : definition.name();
            JsonValue normalised = AttributeValues.normalise(definition, value, path);
            if (normalised.getValueType() != JsonValue.ValueType.NULL) {
                container(resolved.extension() ? resolved.schema() : null).put(definition.name(), normalised);
            }
        }

        JsonObject build(ResourceType type) {
            JsonObjectBuilder out = Json.createObjectBuilder();
            JsonArrayBuilder schemas = Json.createArrayBuilder().add(type.coreSchema());
            List<String> present = new ArrayList<>();
            for (SchemaExtension extension : type.extensions()) {
                Map<String, JsonValue> values = containers.get(extension.schema());
                if (values != null && !values.isEmpty()) {
                    schemas.add(extension.schema());
                    present.add(extension.schema());
                }
            }
            out.add("schemas", schemas);
            Map<String, JsonValue> core = containers.getOrDefault(null, Map.of());
            if (core.containsKey("id")) {
                out.add("id", core.get("id"));
            }
            core.forEach((name, value) -> {
                if (!name.equals("id")) {
                    out.add(name, value);
                }
            });
            for (String extension : present) {
                JsonObjectBuilder inner = Json.createObjectBuilder();
                containers.get(extension).forEach(inner::add);
                out.add(extension, inner);
            }
            return out.build();
        }
    }
}
