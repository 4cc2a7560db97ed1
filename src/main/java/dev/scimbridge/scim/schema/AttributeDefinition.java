package dev.scimbridge.scim.schema;

import dev.scimbridge.scim.Json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One attribute of a schema with every characteristic RFC 7643 §7 defines.
 *
 * <p>Definitions are built once, in {@link SchemaRegistry}, and drive validation, filtering, PATCH,
 * projection and the {@code /Schemas} document. Example:
 * <pre>{@code
 * AttributeDefinition userName = AttributeDefinition.builder("userName", AttributeType.STRING)
 *         .required().uniqueness(Uniqueness.SERVER).build();
 * }</pre>
 *
 * @param name            the attribute name in its canonical case
 * @param type            the data type
 * @param multiValued     whether the value is an array
 * @param required        whether a resource must carry a value
 * @param caseExact       whether string comparison is case-sensitive
 * @param mutability      whether and when a client may write the value
 * @param returned        when the value appears in responses
 * @param uniqueness      the uniqueness scope
 * @param canonicalValues suggested values, e.g. {@code work}, {@code home}
 * @param referenceTypes  for {@link AttributeType#REFERENCE}: {@code User}, {@code Group}, {@code external}, {@code uri}
 * @param subAttributes   for {@link AttributeType#COMPLEX}: the sub-attributes
 * @param description     a human-readable description
 */
public record AttributeDefinition(
        String name,
        AttributeType type,
        boolean multiValued,
        boolean required,
        boolean caseExact,
        Mutability mutability,
        Returned returned,
        Uniqueness uniqueness,
        List<String> canonicalValues,
        List<String> referenceTypes,
        List<AttributeDefinition> subAttributes,
        String description) {

    public AttributeDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mutability, "mutability");
        Objects.requireNonNull(returned, "returned");
        Objects.requireNonNull(uniqueness, "uniqueness");
        canonicalValues = List.copyOf(canonicalValues);
        referenceTypes = List.copyOf(referenceTypes);
        subAttributes = List.copyOf(subAttributes);
        description = description == null ? "" : description;
    }

    /** Starts a definition with the RFC 7643 §2.2 defaults: singular, optional, readWrite, default, none. */
    public static Builder builder(String name, AttributeType type) {
        return new Builder(name, type);
    }

    /** The sub-attribute with this name, matched case-insensitively. */
    public Optional<AttributeDefinition> subAttribute(String subName) {
        for (AttributeDefinition sub : subAttributes) {
            if (sub.name.equalsIgnoreCase(subName)) {
                return Optional.of(sub);
            }
        }
        return Optional.empty();
    }

    /** Whether this is a complex attribute. */
    public boolean isComplex() {
        return type == AttributeType.COMPLEX;
    }

    /** The attribute as it appears in a {@code /Schemas} document (RFC 7643 §7). */
    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("name", name)
                .add("type", type.wire())
                .add("multiValued", multiValued)
                .add("description", description)
                .add("required", required)
                .add("caseExact", caseExact)
                .add("mutability", mutability.wire())
                .add("returned", returned.wire())
                .add("uniqueness", uniqueness.wire());
        if (!canonicalValues.isEmpty()) {
            json.add("canonicalValues", Json.createArrayBuilder(canonicalValues));
        }
        if (type == AttributeType.REFERENCE) {
            json.add("referenceTypes", Json.createArrayBuilder(referenceTypes));
        }
        if (isComplex()) {
            JsonArrayBuilder subs = Json.createArrayBuilder();
            subAttributes.forEach(sub -> subs.add(sub.toJson()));
            json.add("subAttributes", subs);
        }
        return json.build();
    }

    /** Builds an {@link AttributeDefinition}; every setter returns the builder. */
    public static final class Builder {
        private final String name;
        private final AttributeType type;
        private boolean multiValued;
        private boolean required;
        private boolean caseExact;
        private Mutability mutability = Mutability.READ_WRITE;
        private Returned returned = Returned.DEFAULT;
        private Uniqueness uniqueness = Uniqueness.NONE;
        private List<String> canonicalValues = List.of();
        private List<String> referenceTypes = List.of();
        private List<AttributeDefinition> subAttributes = List.of();
        private String description = "";

        private Builder(String name, AttributeType type) {
            this.name = name;
            this.type = type;
        }

        public Builder multiValued() {
            this.multiValued = true;
            return this;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder caseExact() {
            this.caseExact = true;
            return this;
        }

        public Builder mutability(Mutability value) {
            this.mutability = value;
            return this;
        }

        public Builder returned(Returned value) {
            this.returned = value;
            return this;
        }

        public Builder uniqueness(Uniqueness value) {
            this.uniqueness = value;
            return this;
        }

        public Builder canonicalValues(String... values) {
            this.canonicalValues = List.of(values);
            return this;
        }

        public Builder referenceTypes(String... values) {
            this.referenceTypes = List.of(values);
            return this;
        }

        public Builder subAttributes(AttributeDefinition... values) {
            this.subAttributes = List.of(values);
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public AttributeDefinition build() {
            return new AttributeDefinition(name, type, multiValued, required, caseExact, mutability, returned,
                    uniqueness, canonicalValues, referenceTypes, subAttributes, description);
        }
    }
}
