package dev.scimbridge.scim.patch;

import dev.scimbridge.scim.Json;
import dev.scimbridge.scim.JsonObjects;
import dev.scimbridge.scim.ScimException;
import dev.scimbridge.scim.filter.AttributePath;
import dev.scimbridge.scim.filter.ComparisonOperator;
import dev.scimbridge.scim.filter.Filter;
import dev.scimbridge.scim.filter.FilterEvaluator;
import dev.scimbridge.scim.schema.AttributeDefinition;
import dev.scimbridge.scim.schema.AttributeValues;
import dev.scimbridge.scim.schema.Mutability;
import dev.scimbridge.scim.schema.ResolvedAttribute;
import dev.scimbridge.scim.schema.ResourceType;
import dev.scimbridge.scim.schema.ResourceValidator;
import dev.scimbridge.scim.schema.SchemaRegistry;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies PATCH operations to a resource (RFC 7644 §3.5.2), all or nothing: the input is never modified and
 * the first failing operation throws, so a caller stores the result only when every operation succeeded.
 *
 * <p>Semantics, per operation:
 * <ul>
 *   <li>no {@code path}: {@code value} is an object whose keys are attribute names, dotted
 *       ({@code name.givenName}), URN-qualified, or an extension URN holding an object; each key is applied as if
 *       it were the path. A readOnly attribute whose value is unchanged (Okta sends {@code id}) is ignored;
 *       {@code remove} without path is {@code noTarget};</li>
 *   <li>{@code add}: multi-valued values are merged without duplicates (values with the same {@code value}
 *       sub-attribute are one value, merged); complex values are merged; others are set. {@code attr[filter].sub}
 *       that matches nothing adds a value built from the filter's {@code eq} terms
 *       ({@code emails[type eq "work"].value}), otherwise {@code noTarget};</li>
 *   <li>{@code replace}: multi-valued attributes are replaced, singular complex ones merged (RFC 7644 §3.5.2.3);
 *       a value filter that matches nothing is {@code noTarget};</li>
 *   <li>{@code remove}: removes the attribute, the sub-attribute, or the values a filter matches (none matching is
 *       a no-op). With a {@code value} on a multi-valued attribute it removes those values only (Entra ID's
 *       {@code {"op":"Remove","path":"members","value":[{"value":"id"}]}});</li>
 *   <li>a value set {@code "primary": true} clears {@code primary} on the others; readOnly targets and changes to
 *       set immutable values are {@code mutability}; unknown attributes and bad paths {@code invalidPath}; bad
 *       values {@code invalidValue}; a required attribute left unassigned {@code invalidValue}.</li>
 * </ul>
 *
 * <p>Example: {@code new PatchApplier().apply(USER, user, PatchRequest.parse(body).operations())}.
 */
public final class PatchApplier {
    private final FilterEvaluator evaluator = new FilterEvaluator();
    private final ResourceValidator validator = new ResourceValidator();

    /** Applies the operations in order and returns the patched resource, with {@code schemas} recomputed. */
    public JsonObject apply(ResourceType type, JsonObject resource, List<PatchOperation> operations) {
        JsonObject current = resource;
        for (PatchOperation operation : operations) {
            current = applyOne(type, current, operation);
        }
        return validator.validatePatched(type, current);
    }

    private JsonObject applyOne(ResourceType type, JsonObject resource, PatchOperation operation) {
        if (operation.path() != null) {
            return applyPath(type, resource, operation.op(), operation.path(), operation.value(), false);
        }
        if (operation.op() == PatchOperation.Op.REMOVE) {
            throw ScimException.noTarget("'remove' needs a path");
        }
        if (!(operation.value() instanceof JsonObject values)) {
            throw ScimException.invalidValue("'" + operation.op() + "' without path needs an object value");
        }
        JsonObject current = resource;
        for (Map.Entry<String, JsonValue> entry : values.entrySet()) {
            if (entry.getKey().equalsIgnoreCase("schemas")) {
                continue;
            }
            current = applyPath(type, current, operation.op(), AttributePath.parse(entry.getKey()), entry.getValue(),
                    true);
        }
        return current;
    }

    private JsonObject applyPath(ResourceType type, JsonObject resource, PatchOperation.Op op, AttributePath path,
            JsonValue value, boolean fromValueObject) {
        if (path.isSchemaOnly()) {
            return applyExtension(type, resource, op, path, value);
        }
        ResolvedAttribute resolved = SchemaRegistry.resolve(type, path.urn(), path.attribute())
                .orElseThrow(() -> ScimException.invalidPath("Unknown attribute '" + path + "'"));
        AttributeDefinition definition = resolved.definition();
        AttributeDefinition sub = null;
        if (path.subAttribute() != null) {
            if (!definition.isComplex()) {
                throw ScimException.invalidPath("'" + definition.name() + "' has no sub-attributes");
            }
            sub = definition.subAttribute(path.subAttribute()).orElseThrow(() -> ScimException.invalidPath(
                    "Unknown sub-attribute '" + path.subAttribute() + "' of '" + definition.name() + "'"));
        }
        if (path.filter() != null && !(definition.isComplex() && definition.multiValued())) {
            throw ScimException.invalidPath("'" + definition.name() + "' is not a multi-valued complex attribute");
        }
        Optional<JsonValue> current = read(resource, resolved);
        String where = path.toString();
        if (definition.mutability() == Mutability.READ_ONLY) {
            if (fromValueObject && op != PatchOperation.Op.REMOVE && current.isPresent()
                    && current.get().equals(AttributeValues.normalise(definition, value, where))) {
                return resource;
            }
            throw ScimException.mutability("'" + definition.name() + "' is readOnly");
        }
        if (definition.mutability() == Mutability.IMMUTABLE && current.isPresent()) {
            throw ScimException.mutability("'" + definition.name() + "' is immutable and already set");
        }
        JsonValue updated;
        if (path.filter() != null) {
            updated = applyFiltered(type, op, definition, path.filter(), sub, value, current, where);
        } else if (sub != null) {
            updated = applySub(op, definition, sub, value, current, where);
        } else {
            updated = applyWhole(op, definition, value, current, where);
        }
        return write(resource, resolved, updated);
    }

    private JsonObject applyExtension(ResourceType type, JsonObject resource, PatchOperation.Op op,
            AttributePath path, JsonValue value) {
        String extension = type.extension(path.urn())
                .orElseThrow(() -> ScimException.invalidPath("'" + path.urn() + "' is not an extension of " + type.id()));
        if (op == PatchOperation.Op.REMOVE) {
            return JsonObjects.key(resource, extension).map(k -> without(resource, k)).orElse(resource);
        }
        if (!(value instanceof JsonObject values)) {
            throw ScimException.invalidValue("'" + extension + "' needs an object value");
        }
        JsonObject current = resource;
        for (Map.Entry<String, JsonValue> entry : values.entrySet()) {
            current = applyPath(type, current, op, new AttributePath(extension, entry.getKey(), null, null),
                    entry.getValue(), true);
        }
        return current;
    }

    private static JsonValue applyWhole(PatchOperation.Op op, AttributeDefinition definition, JsonValue value,
            Optional<JsonValue> current, String where) {
        if (op == PatchOperation.Op.REMOVE) {
            if (value == null || !definition.multiValued() || current.isEmpty()) {
                return JsonValue.NULL;
            }
            JsonValue doomed = AttributeValues.normalise(definition, value, where);
            List<JsonValue> kept = new ArrayList<>(current.get().asJsonArray());
            if (doomed instanceof JsonArray array) {
                kept.removeIf(existing -> array.stream().anyMatch(d -> sameValue(definition, existing, d)));
            }
            return array(kept);
        }
        JsonValue normalised = AttributeValues.normalise(definition, value, where);
        if (normalised.getValueType() == JsonValue.ValueType.NULL) {
            if (op == PatchOperation.Op.ADD) {
                throw ScimException.invalidValue("'add' of '" + where + "' needs a value");
            }
            return JsonValue.NULL;
        }
        if (definition.multiValued()) {
            if (op == PatchOperation.Op.REPLACE || current.isEmpty()) {
                return normalised;
            }
            return merge(definition, current.get().asJsonArray(), normalised.asJsonArray());
        }
        if (definition.isComplex() && current.isPresent() && current.get() instanceof JsonObject existing) {
            return mergeObjects(existing, normalised.asJsonObject());
        }
        return normalised;
    }

    private static JsonValue applySub(PatchOperation.Op op, AttributeDefinition definition, AttributeDefinition sub,
            JsonValue value, Optional<JsonValue> current, String where) {
        checkImmutableSub(sub, current.isPresent() && !definition.multiValued()
                && current.get().asJsonObject().containsKey(sub.name()));
        if (definition.multiValued()) {
            if (op != PatchOperation.Op.REMOVE) {
                throw ScimException.invalidPath("'" + where + "' needs a value filter, e.g. "
                        + definition.name() + "[type eq \"work\"]." + sub.name());
            }
            if (current.isEmpty()) {
                return JsonValue.NULL;
            }
            List<JsonValue> values = new ArrayList<>();
            current.get().asJsonArray().forEach(v -> values.add(withSub(v.asJsonObject(), sub.name(), JsonValue.NULL)));
            return array(values);
        }
        JsonObject existing = current.map(JsonValue::asJsonObject).orElse(JsonValue.EMPTY_JSON_OBJECT);
        JsonValue subValue = op == PatchOperation.Op.REMOVE ? JsonValue.NULL
                : AttributeValues.normaliseSingle(sub, value, where);
        JsonObject updated = withSub(existing, sub.name(), subValue);
        return updated.isEmpty() ? JsonValue.NULL : updated;
    }

    private JsonValue applyFiltered(ResourceType type, PatchOperation.Op op, AttributeDefinition definition,
            Filter filter, AttributeDefinition sub, JsonValue value, Optional<JsonValue> current, String where) {
        List<JsonValue> values = new ArrayList<>(current.map(JsonValue::asJsonArray).orElse(JsonValue.EMPTY_JSON_ARRAY));
        List<Integer> matched = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof JsonObject object && evaluator.matchesValue(filter, object, definition, type)) {
                matched.add(i);
            }
        }
        if (op == PatchOperation.Op.REMOVE) {
            if (sub != null) {
                checkImmutableSub(sub, matched.stream().anyMatch(i -> values.get(i).asJsonObject().containsKey(sub.name())));
            }
            for (int i = matched.size() - 1; i >= 0; i--) {
                int index = matched.get(i);
                if (sub == null) {
                    values.remove(index);
                } else {
                    values.set(index, withSub(values.get(index).asJsonObject(), sub.name(), JsonValue.NULL));
                }
            }
            return array(values);
        }
        JsonValue replacement = sub == null ? AttributeValues.normaliseSingle(definition, value, where)
                : AttributeValues.normaliseSingle(sub, value, where);
        if (replacement.getValueType() == JsonValue.ValueType.NULL) {
            throw ScimException.invalidValue("'" + op + "' of '" + where + "' needs a value");
        }
        if (matched.isEmpty()) {
            if (op == PatchOperation.Op.REPLACE) {
                throw ScimException.noTarget("No value of '" + definition.name() + "' matches " + filter);
            }
            JsonObject seed = seedFromFilter(definition, filter).orElseThrow(() -> ScimException.noTarget(
                    "No value of '" + definition.name() + "' matches " + filter));
            JsonObject added = sub == null ? mergeObjects(seed, replacement.asJsonObject())
                    : withSub(seed, sub.name(), replacement);
            values.add(added);
            return withSinglePrimary(definition, values, List.of(values.size() - 1), where);
        }
        if (sub != null) {
            checkImmutableSub(sub, matched.stream().anyMatch(i -> values.get(i).asJsonObject().containsKey(sub.name())));
        }
        for (int index : matched) {
            JsonObject existing = values.get(index).asJsonObject();
            JsonObject updated;
            if (sub != null) {
                updated = withSub(existing, sub.name(), replacement);
            } else if (op == PatchOperation.Op.ADD) {
                updated = mergeObjects(existing, replacement.asJsonObject());
            } else {
                updated = replacement.asJsonObject();
            }
            values.set(index, updated);
        }
        return withSinglePrimary(definition, values, matched, where);
    }

    private static void checkImmutableSub(AttributeDefinition sub, boolean alreadySet) {
        if (sub.mutability() == Mutability.READ_ONLY) {
            throw ScimException.mutability("'" + sub.name() + "' is readOnly");
        }
        if (sub.mutability() == Mutability.IMMUTABLE && alreadySet) {
            throw ScimException.mutability("'" + sub.name() + "' is immutable and already set");
        }
    }

    /** A new value for {@code attr[filter]} from the filter's {@code eq} terms, e.g. {@code {"type":"work"}}. */
    private static Optional<JsonObject> seedFromFilter(AttributeDefinition definition, Filter filter) {
        if (filter instanceof Filter.And and) {
            Optional<JsonObject> left = seedFromFilter(definition, and.left());
            Optional<JsonObject> right = seedFromFilter(definition, and.right());
            return left.isPresent() && right.isPresent() ? Optional.of(mergeObjects(left.get(), right.get()))
                    : Optional.empty();
        }
        if (filter instanceof Filter.Comparison comparison && comparison.operator() == ComparisonOperator.EQ
                && comparison.path().urn() == null && comparison.path().filter() == null
                && comparison.path().subAttribute() == null) {
            return definition.subAttribute(comparison.path().attribute())
                    .filter(sub -> sub.mutability() != Mutability.READ_ONLY)
                    .map(sub -> Json.createObjectBuilder().add(sub.name(),
                            AttributeValues.normaliseSingle(sub, comparison.value(), definition.name() + "." + sub.name()))
                            .build());
        }
        return Optional.empty();
    }

    /** Merges added values into a multi-valued attribute: the same value merges, a new one is appended. */
    private static JsonValue merge(AttributeDefinition definition, JsonArray existing, JsonArray added) {
        List<JsonValue> values = new ArrayList<>(existing);
        List<Integer> changed = new ArrayList<>();
        for (JsonValue value : added) {
            int found = -1;
            for (int i = 0; i < values.size(); i++) {
                if (sameValue(definition, values.get(i), value)) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                values.add(value);
                changed.add(values.size() - 1);
            } else {
                JsonValue old = values.get(found);
                values.set(found, old instanceof JsonObject o && value instanceof JsonObject n ? mergeObjects(o, n) : value);
                changed.add(found);
            }
        }
        return withSinglePrimary(definition, values, changed, definition.name());
    }

    /** When a changed value is primary, clears {@code primary} on the others; more than one primary is invalid. */
    private static JsonValue withSinglePrimary(AttributeDefinition definition, List<JsonValue> values,
            List<Integer> changed, String where) {
        boolean changedPrimary = changed.stream().anyMatch(i -> AttributeValues.isPrimary(values.get(i)));
        if (changedPrimary) {
            for (int i = 0; i < values.size(); i++) {
                if (!changed.contains(i) && AttributeValues.isPrimary(values.get(i))) {
                    values.set(i, withSub(values.get(i).asJsonObject(), "primary", JsonValue.FALSE));
                }
            }
        }
        if (values.stream().filter(AttributeValues::isPrimary).count() > 1) {
            throw ScimException.invalidValue("At most one value of '" + where + "' may have \"primary\": true");
        }
        return array(values);
    }

    /** Two values are the same value when their {@code value} sub-attributes are equal, or they are equal. */
    private static boolean sameValue(AttributeDefinition definition, JsonValue a, JsonValue b) {
        Optional<AttributeDefinition> valueSub = definition.subAttribute("value");
        if (valueSub.isPresent() && a instanceof JsonObject x && b instanceof JsonObject y
                && x.get("value") instanceof JsonString xv && y.get("value") instanceof JsonString yv) {
            return valueSub.get().caseExact() ? xv.getString().equals(yv.getString())
                    : xv.getString().equalsIgnoreCase(yv.getString());
        }
        return a.equals(b);
    }

    private static JsonObject mergeObjects(JsonObject base, JsonObject overlay) {
        JsonObjectBuilder out = Json.createObjectBuilder(base);
        overlay.forEach(out::add);
        return out.build();
    }

    private static JsonObject withSub(JsonObject object, String name, JsonValue value) {
        JsonObjectBuilder out = Json.createObjectBuilder();
        object.forEach((k, v) -> {
            if (!k.equalsIgnoreCase(name)) {
                out.add(k, v);
            }
        });
        if (value.getValueType() != JsonValue.ValueType.NULL) {
            out.add(name, value);
        }
        return out.build();
    }

    private static JsonValue array(List<JsonValue> values) {
        if (values.isEmpty()) {
            return JsonValue.NULL;
        }
        JsonArrayBuilder out = Json.createArrayBuilder();
        values.forEach(out::add);
        return out.build();
    }

    private static Optional<JsonValue> read(JsonObject resource, ResolvedAttribute resolved) {
        JsonObject container = resource;
        if (resolved.extension()) {
            Optional<JsonValue> extension = JsonObjects.get(resource, resolved.schema());
            if (extension.isEmpty() || !(extension.get() instanceof JsonObject object)) {
                return Optional.empty();
            }
            container = object;
        }
        return JsonObjects.get(container, resolved.definition().name());
    }

    private static JsonObject write(JsonObject resource, ResolvedAttribute resolved, JsonValue value) {
        String name = resolved.definition().name();
        if (!resolved.extension()) {
            return withSub(resource, name, value);
        }
        JsonObject extension = JsonObjects.get(resource, resolved.schema()).filter(JsonObject.class::isInstance)
                .map(JsonValue::asJsonObject).orElse(JsonValue.EMPTY_JSON_OBJECT);
        JsonObject updated = withSub(extension, name, value);
        return withSub(resource, resolved.schema(), updated.isEmpty() ? JsonValue.NULL : updated);
    }

    private static JsonObject without(JsonObject resource, String key) {
        return withSub(resource, key, JsonValue.NULL);
    }
}
