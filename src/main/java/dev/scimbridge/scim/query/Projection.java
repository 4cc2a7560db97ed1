package dev.scimbridge.scim.query;

import dev.scimbridge.scim.Json;
import dev.scimbridge.scim.schema.AttributeDefinition;
import dev.scimbridge.scim.schema.ResolvedAttribute;
import dev.scimbridge.scim.schema.ResourceType;
import dev.scimbridge.scim.schema.Returned;
import dev.scimbridge.scim.schema.SchemaRegistry;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The {@code attributes} and {@code excludedAttributes} query parameters (RFC 7644 §3.4.2.5, §3.9), applied per
 * the {@code returned} characteristic (RFC 7643 §7):
 * <ul>
 *   <li>{@code always} ({@code id}, {@code schemas}) is always returned, {@code never} ({@code password}) never;</li>
 *   <li>{@code default} is returned unless excluded, or unless {@code attributes} is given without it;</li>
 *   <li>{@code request} is returned only when named in {@code attributes}.</li>
 * </ul>
 * Names may carry a sub-attribute ({@code name.givenName}) and a schema URN
 * ({@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber}); a bare extension URN names
 * the whole extension. Names match case-insensitively; unknown names are ignored. When both parameters are given,
 * {@code attributes} wins.
 *
 * <p>Example: {@code Projection.of("userName,name.givenName", null).apply(USER, user)} keeps {@code id},
 * {@code schemas}, {@code userName} and {@code name.givenName}.
 *
 * @param attributes the requested names, as given
 * @param excluded   the excluded names, as given
 */
public record Projection(List<String> attributes, List<String> excluded) {

    public Projection {
        attributes = List.copyOf(attributes);
        excluded = List.copyOf(excluded);
    }

    /** Parses the comma-separated query parameters; {@code null} or blank means absent. */
    public static Projection of(String attributes, String excludedAttributes) {
        List<String> requested = split(attributes);
        return new Projection(requested, requested.isEmpty() ? split(excludedAttributes) : List.of());
    }

    /** Whether this is the default projection: neither {@code attributes} nor {@code excludedAttributes} given. */
    public boolean isDefault() {
        return attributes.isEmpty() && excluded.isEmpty();
    }

    /**
     * Whether the top-level attribute appears in responses under this projection, so a service can skip reading
     * it; e.g. {@code wants("members")} is false for {@code excludedAttributes=members}.
     */
    public boolean wants(String attributeName) {
        Optional<AttributeDefinition> definition = SchemaRegistry.findAttribute(ResourceType.USER, attributeName)
                .or(() -> SchemaRegistry.findAttribute(ResourceType.GROUP, attributeName));
        Returned returned = definition.map(AttributeDefinition::returned).orElse(Returned.DEFAULT);
        if (returned == Returned.ALWAYS || returned == Returned.NEVER) {
            return returned == Returned.ALWAYS;
        }
        String[] split = SchemaRegistry.splitUrn(attributeName);
        String top = split[1].contains(".") ? split[1].substring(0, split[1].indexOf('.')) : split[1];
        if (!attributes.isEmpty()) {
            return attributes.stream().map(a -> topName(SchemaRegistry.splitUrn(a)[1])).anyMatch(top::equalsIgnoreCase);
        }
        return returned != Returned.REQUEST
                && excluded.stream().noneMatch(e -> SchemaRegistry.splitUrn(e)[1].equalsIgnoreCase(top));
    }

    /**
     * The resource as returned under this projection: {@code resource} itself when the projection keeps all of
     * it, which is looked for under the default projection only (under others something is usually dropped).
     */
    public JsonObject apply(ResourceType type, JsonObject resource) {
        if (isDefault() && keptWhole(type, resource)) {
            return resource;
        }
        JsonObjectBuilder out = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> entry : resource.entrySet()) {
            Optional<String> extension = type.extension(entry.getKey());
            if (extension.isPresent()) {
                if (entry.getValue() instanceof JsonObject object) {
                    JsonObjectBuilder inner = Json.createObjectBuilder();
                    object.forEach((name, value) -> SchemaRegistry.resolve(type, extension.get(), name)
                            .flatMap(resolved -> project(type, resolved, value)).ifPresent(v -> inner.add(name, v)));
                    JsonObject projected = inner.build();
                    if (!projected.isEmpty()) {
                        out.add(entry.getKey(), projected);
                    }
                }
                continue;
            }
            SchemaRegistry.resolve(type, type.coreSchema(), entry.getKey())
                    .flatMap(resolved -> project(type, resolved, entry.getValue()))
                    .ifPresent(v -> out.add(entry.getKey(), v));
        }
        return out.build();
    }

    /**
     * Whether every attribute of {@code resource} comes out of this projection unchanged ({@link #decide} keeps
     * its value as it is) and no extension is empty. Stored resources normally do under the default projection,
     * so a read returns them without a copy (docs/benchmarks.md round 17).
     */
    private boolean keptWhole(ResourceType type, JsonObject resource) {
        for (Map.Entry<String, JsonValue> entry : resource.entrySet()) {
            Optional<String> extension = type.extension(entry.getKey());
            if (extension.isEmpty()) {
                if (!keptWhole(type, SchemaRegistry.resolve(type, type.coreSchema(), entry.getKey()))) {
                    return false;
                }
            } else if (!(entry.getValue() instanceof JsonObject object) || object.isEmpty()) {
                return false;
            } else {
                for (String name : object.keySet()) {
                    if (!keptWhole(type, SchemaRegistry.resolve(type, extension.get(), name))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private boolean keptWhole(ResourceType type, Optional<ResolvedAttribute> resolved) {
        if (resolved.isEmpty()) {
            return false;
        }
        Decision decision = decide(type, resolved.get());
        return decision == Decision.AS_IS
                || decision == Decision.WITHOUT_NEVER && !hasNeverSubAttribute(resolved.get().definition());
    }

    private static boolean hasNeverSubAttribute(AttributeDefinition definition) {
        for (AttributeDefinition sub : definition.subAttributes()) {
            if (sub.returned() == Returned.NEVER) {
                return true;
            }
        }
        return false;
    }

    /**
     * How this projection treats each value of the multi-valued core attribute {@code attribute}, decided once:
     * for a writer that streams the values (a group's {@code members}) instead of projecting a whole resource.
     * An empty result leaves the value out.
     */
    public Function<JsonValue, Optional<JsonValue>> forValuesOf(ResourceType type, String attribute) {
        ResolvedAttribute resolved = SchemaRegistry.resolve(type, type.coreSchema(), attribute)
                .orElseThrow(() -> new IllegalArgumentException("not an attribute of " + type + ": " + attribute));
        Decision decision = decide(type, resolved);
        return value -> decision.on(resolved.definition(), value);
    }

    private Optional<JsonValue> project(ResourceType type, ResolvedAttribute resolved, JsonValue value) {
        return decide(type, resolved).on(resolved.definition(), value);
    }

    /** What happens to an attribute's value under this projection, which depends only on the attribute. */
    private Decision decide(ResourceType type, ResolvedAttribute resolved) {
        AttributeDefinition definition = resolved.definition();
        if (definition.returned() == Returned.NEVER) {
            return Decision.OMIT;
        }
        if (definition.returned() == Returned.ALWAYS) {
            return Decision.AS_IS;
        }
        if (!attributes.isEmpty()) {
            Set<String> subs = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            boolean whole = false;
            for (String name : attributes) {
                Named named = Named.resolve(type, name);
                if (named.schemaOnly(resolved.schema())) {
                    whole = true;
                } else if (named.is(resolved)) {
                    whole |= named.sub == null;
                    if (named.sub != null) {
                        subs.add(named.sub);
                    }
                }
            }
            if (whole) {
                return Decision.WITHOUT_NEVER;
            }
            return subs.isEmpty() ? Decision.OMIT : new Decision(Kind.SUBS, subs, true);
        }
        if (definition.returned() == Returned.REQUEST) {
            return Decision.OMIT;
        }
        if (excluded.isEmpty()) {
            return Decision.WITHOUT_NEVER;
        }
        Set<String> subs = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : excluded) {
            Named named = Named.resolve(type, name);
            if (named.schemaOnly(resolved.schema()) || (named.is(resolved) && named.sub == null)) {
                return Decision.OMIT;
            }
            if (named.is(resolved)) {
                subs.add(named.sub);
            }
        }
        return subs.isEmpty() ? Decision.WITHOUT_NEVER : new Decision(Kind.SUBS, subs, false);
    }

    private enum Kind { OMIT, AS_IS, WITHOUT_NEVER, SUBS }

    /** Leave the value out, keep it as is, keep it without {@code never} sub-attributes, or keep or drop {@code subs}. */
    private record Decision(Kind kind, Set<String> subs, boolean keep) {
        static final Decision OMIT = new Decision(Kind.OMIT, Set.of(), false);
        static final Decision AS_IS = new Decision(Kind.AS_IS, Set.of(), false);
        static final Decision WITHOUT_NEVER = new Decision(Kind.WITHOUT_NEVER, Set.of(), false);

        Optional<JsonValue> on(AttributeDefinition definition, JsonValue value) {
            return switch (kind) {
                case OMIT -> Optional.empty();
                case AS_IS -> Optional.of(value);
                case WITHOUT_NEVER -> Optional.of(withoutNever(definition, value));
                case SUBS -> keepSubs(definition, value, subs, keep);
            };
        }
    }

    private static JsonValue withoutNever(AttributeDefinition definition, JsonValue value) {
        if (!hasNeverSubAttribute(definition)) {
            return value;
        }
        Set<String> keep = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        definition.subAttributes().stream().filter(s -> s.returned() != Returned.NEVER).forEach(s -> keep.add(s.name()));
        return keepSubs(definition, value, keep, true).orElse(JsonValue.NULL);
    }

    /** Keeps ({@code keep = true}) or drops the named sub-attributes of a complex value or of each value. */
    private static Optional<JsonValue> keepSubs(AttributeDefinition definition, JsonValue value, Set<String> names,
            boolean keep) {
        if (value instanceof JsonArray array) {
            JsonArrayBuilder out = Json.createArrayBuilder();
            int count = 0;
            for (JsonValue item : array) {
                Optional<JsonValue> projected = keepSubs(definition, item, names, keep);
                if (projected.isPresent()) {
                    out.add(projected.get());
                    count++;
                }
            }
            return count == 0 ? Optional.empty() : Optional.of(out.build());
        }
        if (!(value instanceof JsonObject object)) {
            return keep ? Optional.empty() : Optional.of(value);
        }
        JsonObjectBuilder out = Json.createObjectBuilder();
        object.forEach((name, v) -> {
            Optional<AttributeDefinition> sub = definition.subAttribute(name);
            boolean always = sub.map(s -> s.returned() == Returned.ALWAYS).orElse(false);
            boolean never = sub.map(s -> s.returned() == Returned.NEVER).orElse(false);
            if (!never && (always || names.contains(name) == keep)) {
                out.add(name, v);
            }
        });
        JsonObject projected = out.build();
        return projected.isEmpty() ? Optional.empty() : Optional.of(projected);
    }

    private static List<String> split(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return List.of();
        }
        return Arrays.stream(parameter.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String topName(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    /** One name from a parameter, resolved against a resource type. */
    private record Named(String urn, ResolvedAttribute attribute, String sub) {
        static Named resolve(ResourceType type, String name) {
            String[] split = SchemaRegistry.splitUrn(name);
            if (split[1].isEmpty()) {
                return new Named(type.extension(split[0]).orElse(split[0]), null, null);
            }
            String top = topName(split[1]);
            String sub = top.length() < split[1].length() ? split[1].substring(top.length() + 1) : null;
            return new Named(null, SchemaRegistry.resolve(type, split[0], top).orElse(null), sub);
        }

        boolean schemaOnly(String schema) {
            return attribute == null && urn != null && urn.equalsIgnoreCase(schema);
        }

        boolean is(ResolvedAttribute resolved) {
            return attribute != null && attribute.schema().equals(resolved.schema())
                    && attribute.definition().name().equals(resolved.definition().name());
        }
    }
}
