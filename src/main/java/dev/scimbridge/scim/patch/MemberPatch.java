package dev.scimbridge.scim.patch;

import dev.scimbridge.scim.Json;
import dev.scimbridge.scim.JsonObjects;
import dev.scimbridge.scim.ScimException;
import dev.scimbridge.scim.filter.AttributePath;
import dev.scimbridge.scim.filter.ComparisonOperator;
import dev.scimbridge.scim.filter.Filter;
import dev.scimbridge.scim.schema.AttributeDefinition;
import dev.scimbridge.scim.schema.AttributeValues;
import dev.scimbridge.scim.schema.ResourceType;
import dev.scimbridge.scim.schema.SchemaRegistry;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Splits a Group PATCH (RFC 7644 §3.5.2) into operations on the group's attributes and a {@link MemberDelta}, so
 * member changes never need the member list.
 *
 * <p>Supported on {@code members}, applied in request order:
 * <ul>
 *   <li>{@code add} with path {@code members}, or without path with a {@code members} key: add those ids;</li>
 *   <li>{@code replace} likewise: the ids become the whole member set ({@code []} clears it);</li>
 *   <li>{@code remove} {@code members} with a {@code value} array: remove those ids (Entra ID);</li>
 *   <li>{@code remove} {@code members[value eq "id"]}, or an {@code or} of such terms: remove those ids
 *       (Okta, Entra ID with {@code aadOptscim062020});</li>
 *   <li>{@code remove} {@code members} without value: clear.</li>
 * </ul>
 * Other member filters ({@code members[type eq "User"]}, {@code members[value sw "a"]}) would need the member list;
 * they are rejected with {@code invalidFilter}. Paths below a member ({@code members[...].value},
 * {@code members.value}) and {@code add}/{@code replace} with a member filter are {@code invalidPath} (the member
 * sub-attributes are immutable). Each member needs a string {@code value}; otherwise {@code invalidValue}.
 *
 * <p>Example: {@code MemberPatch.split(PatchRequest.parse(body).operations())}.
 */
public final class MemberPatch {
    private static final AttributeDefinition MEMBERS =
            SchemaRegistry.findAttribute(ResourceType.GROUP, "members").orElseThrow();

    private MemberPatch() {
    }

    /** Splits the operations; the member part is computed in order without reading any member. */
    public static GroupPatch split(List<PatchOperation> operations) {
        List<PatchOperation> attributeOperations = new ArrayList<>();
        Delta delta = new Delta();
        for (PatchOperation operation : operations) {
            AttributePath path = operation.path();
            if (path == null) {
                splitValueObject(operation, attributeOperations, delta);
            } else if (isMembers(path)) {
                member(operation, delta);
            } else {
                attributeOperations.add(operation);
            }
        }
        return new GroupPatch(attributeOperations, delta.build());
    }

    private static void splitValueObject(PatchOperation operation, List<PatchOperation> attributeOperations,
            Delta delta) {
        if (operation.op() == PatchOperation.Op.REMOVE || !(operation.value() instanceof JsonObject values)) {
            attributeOperations.add(operation);
            return;
        }
        Optional<String> membersKey = JsonObjects.key(values, "members");
        if (membersKey.isEmpty()) {
            attributeOperations.add(operation);
            return;
        }
        Set<String> ids = ids(values.get(membersKey.get()));
        if (operation.op() == PatchOperation.Op.ADD) {
            delta.add(ids);
        } else {
            delta.replaceAll(ids);
        }
        JsonObjectBuilder rest = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> entry : values.entrySet()) {
            if (!entry.getKey().equals(membersKey.get())) {
                rest.add(entry.getKey(), entry.getValue());
            }
        }
        JsonObject remaining = rest.build();
        if (!remaining.isEmpty()) {
            attributeOperations.add(new PatchOperation(operation.op(), null, remaining));
        }
    }

    private static void member(PatchOperation operation, Delta delta) {
        AttributePath path = operation.path();
        if (path.subAttribute() != null) {
            throw ScimException.invalidPath("'" + path + "': member sub-attributes are immutable; add or remove members");
        }
        if (path.filter() != null) {
            if (operation.op() != PatchOperation.Op.REMOVE) {
                throw ScimException.invalidPath("'" + path + "': use 'add' with path 'members' to add members");
            }
            Set<String> ids = new LinkedHashSet<>();
            collectIds(path.filter(), ids);
            delta.remove(ids);
            return;
        }
        switch (operation.op()) {
            case ADD -> delta.add(ids(operation.value()));
            case REPLACE -> delta.replaceAll(ids(operation.value()));
            case REMOVE -> {
                if (operation.value() == null) {
                    delta.replaceAll(Set.of());
                } else {
                    delta.remove(ids(operation.value()));
                }
            }
        }
    }

    private static boolean isMembers(AttributePath path) {
        return !path.isSchemaOnly() && path.attribute().equalsIgnoreCase("members")
                && (path.urn() == null || path.urn().equalsIgnoreCase(SchemaRegistry.GROUP));
    }

    private static void collectIds(Filter filter, Set<String> ids) {
        if (filter instanceof Filter.Or or) {
            collectIds(or.left(), ids);
            collectIds(or.right(), ids);
            return;
        }
        if (filter instanceof Filter.Comparison comparison && comparison.operator() == ComparisonOperator.EQ
                && comparison.path().urn() == null && comparison.path().filter() == null
                && comparison.path().subAttribute() == null
                && comparison.path().attribute().equalsIgnoreCase("value")
                && comparison.value() instanceof JsonString id) {
            ids.add(id.getString());
            return;
        }
        throw ScimException.invalidFilter("Member filters must be 'value eq \"<id>\"' or an 'or' of them, not: " + filter);
    }

    private static Set<String> ids(JsonValue value) {
        Set<String> ids = new LinkedHashSet<>();
        JsonValue normalised = AttributeValues.normalise(MEMBERS, value, "members");
        long given = value instanceof JsonArray raw
                ? raw.stream().filter(v -> v.getValueType() != JsonValue.ValueType.NULL).count()
                : value == null || value.getValueType() == JsonValue.ValueType.NULL ? 0 : 1;
        List<JsonValue> members = normalised instanceof JsonArray array ? array : List.of();
        int valid = 0;
        for (JsonValue member : members) {
            if (member.asJsonObject().get("value") instanceof JsonString id && !id.getString().isBlank()) {
                ids.add(id.getString());
                valid++;
            }
        }
        if (valid != given) {
            throw ScimException.invalidValue("Each member needs a 'value' with the member's id");
        }
        return ids;
    }

    /** The running delta; see {@link MemberDelta} for the invariants it keeps. */
    private static final class Delta {
        private final Set<String> added = new LinkedHashSet<>();
        private final Set<String> removed = new LinkedHashSet<>();
        private Set<String> replacement;

        void add(Set<String> ids) {
            if (replacement != null) {
                replacement.addAll(ids);
            } else {
                removed.removeAll(ids);
                added.addAll(ids);
            }
        }

        void remove(Set<String> ids) {
            if (replacement != null) {
                replacement.removeAll(ids);
            } else {
                added.removeAll(ids);
                removed.addAll(ids);
            }
        }

        void replaceAll(Set<String> ids) {
            added.clear();
            removed.clear();
            replacement = new LinkedHashSet<>(ids);
        }

        MemberDelta build() {
            return new MemberDelta(added, removed, Optional.ofNullable(replacement));
        }
    }
}
