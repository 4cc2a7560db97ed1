package dev.scimbridge.scim.filter;

import dev.scimbridge.scim.JsonObjects;
import dev.scimbridge.scim.ScimBooleans;
import dev.scimbridge.scim.ScimException;
import dev.scimbridge.scim.schema.AttributeDefinition;
import dev.scimbridge.scim.schema.AttributeType;
import dev.scimbridge.scim.schema.AttributeValues;
import dev.scimbridge.scim.schema.ResolvedAttribute;
import dev.scimbridge.scim.schema.ResourceType;
import dev.scimbridge.scim.schema.SchemaRegistry;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Evaluates a {@link Filter} against a resource as RFC 7644 §3.4.2.2 describes, using the schema:
 * <ul>
 *   <li>{@code caseExact} decides whether strings compare case-sensitively ({@code userName} does not);</li>
 *   <li>a multi-valued attribute matches if any value matches; a complex attribute without sub-attribute
 *       compares its {@code value} sub-attribute ({@code emails co "example.com"});</li>
 *   <li>{@code pr} is false for unassigned, {@code null}, {@code ""}, {@code []} and {@code {}};</li>
 *   <li>dateTimes compare as instants, numbers numerically;</li>
 *   <li>{@code gt ge lt le} on booleans or binaries, substring operators on booleans, numbers or dateTimes other
 *       than as text, literals of the wrong type and unknown attributes are {@code invalidFilter};</li>
 *   <li>{@code eq null} matches an unassigned attribute and {@code ne null} an assigned one; {@code ne} matches
 *       an unassigned attribute.</li>
 * </ul>
 *
 * <p>Example: {@code new FilterEvaluator().matches(FilterParser.parse("userName eq \"BJENSEN\""), user, USER)}
 * is true for {@code "userName": "bjensen"}.
 */
public final class FilterEvaluator {

    /** Whether the resource matches the filter; {@code invalidFilter} when the filter does not fit the schema. */
    public boolean matches(Filter filter, JsonObject resource, ResourceType type) {
        validate(filter, type);
        return filter.accept(new Evaluation(), new Scope(type, null, resource));
    }

    /** Whether one value of a multi-valued complex attribute matches a value filter (PATCH {@code attr[filter]}). */
    public boolean matchesValue(Filter filter, JsonObject value, AttributeDefinition parent, ResourceType type) {
        filter.accept(new Validation(), new Scope(type, parent, null));
        return filter.accept(new Evaluation(), new Scope(type, parent, value));
    }

    /**
     * Checks that every attribute in the filter exists and every operator suits its attribute's type, without
     * evaluating it; {@code invalidFilter} otherwise.
     */
    public void validate(Filter filter, ResourceType type) {
        filter.accept(new Validation(), new Scope(type, null, null));
    }

    /** Where paths resolve: the resource ({@code parent == null}) or one value of a complex attribute. */
    private record Scope(ResourceType type, AttributeDefinition parent, JsonObject object) {
        Scope inside(AttributeDefinition complex, JsonObject value) {
            return new Scope(type, complex, value);
        }
    }

    /** The definition a path's values have, after sub-attribute resolution. */
    private record Target(AttributeDefinition top, AttributeDefinition leaf) {
    }

    private static Target target(AttributePath path, Scope scope, boolean forComparison) {
        if (path.isSchemaOnly()) {
            throw ScimException.invalidFilter("'" + path + "' is not an attribute");
        }
        AttributeDefinition top;
        if (scope.parent() == null) {
            top = SchemaRegistry.resolve(scope.type(), path.urn(), path.attribute()).map(ResolvedAttribute::definition)
                    .orElseThrow(() -> ScimException.invalidFilter("Unknown attribute '" + path + "'"));
        } else {
            if (path.urn() != null) {
                throw ScimException.invalidFilter("'" + path + "' inside a value filter must be a sub-attribute");
            }
            top = scope.parent().subAttribute(path.attribute()).orElseThrow(() -> ScimException.invalidFilter(
                    "Unknown sub-attribute '" + path.attribute() + "' of '" + scope.parent().name() + "'"));
        }
        if (path.filter() != null && !(top.isComplex() && top.multiValued())) {
            throw ScimException.invalidFilter("'" + top.name() + "' is not a multi-valued complex attribute");
        }
        AttributeDefinition leaf = top;
        if (path.subAttribute() != null) {
            leaf = top.subAttribute(path.subAttribute()).orElseThrow(() -> ScimException.invalidFilter(
                    "Unknown sub-attribute '" + path.subAttribute() + "' of '" + top.name() + "'"));
        } else if (forComparison && top.isComplex()) {
            leaf = top.subAttribute("value").orElseThrow(() -> ScimException.invalidFilter(
                    "'" + top.name() + "' is complex: compare one of its sub-attributes"));
        }
        return new Target(top, leaf);
    }

    private static void checkOperator(AttributeDefinition leaf, ComparisonOperator op, JsonValue literal) {
        AttributeType type = leaf.type();
        if (literal.getValueType() == JsonValue.ValueType.NULL) {
            if (op != ComparisonOperator.EQ && op != ComparisonOperator.NE) {
                throw ScimException.invalidFilter("Only eq and ne compare with null");
            }
            return;
        }
        if (op.isOrdering() && (type == AttributeType.BOOLEAN || type == AttributeType.BINARY)) {
            throw ScimException.invalidFilter("'" + op + "' is not allowed on the " + type.wire() + " attribute '"
                    + leaf.name() + "'");
        }
        switch (type) {
            case BOOLEAN -> {
                if (op.isSubstring()) {
                    throw ScimException.invalidFilter("'" + op + "' is not allowed on the boolean attribute '"
                            + leaf.name() + "'");
                }
                if (ScimBooleans.parse(literal).isEmpty()) {
                    throw ScimException.invalidFilter("'" + leaf.name() + "' compares with true or false");
                }
            }
            case INTEGER, DECIMAL -> {
                if (op.isSubstring() || !(literal instanceof JsonNumber)) {
                    throw ScimException.invalidFilter("'" + leaf.name() + "' compares with a number using eq ne gt ge lt le");
                }
            }
            case DATE_TIME -> {
                if (!(literal instanceof JsonString text)
                        || (!op.isSubstring() && AttributeValues.parseDateTime(text.getString()).isEmpty())) {
                    throw ScimException.invalidFilter("'" + leaf.name() + "' compares with a dateTime string");
                }
            }
            default -> {
                if (!(literal instanceof JsonString)) {
                    throw ScimException.invalidFilter("'" + leaf.name() + "' compares with a string");
                }
            }
        }
    }

    /** Walks the filter resolving attributes and checking operators. */
    private static final class Validation implements FilterVisitor<Void, Scope> {
        @Override
        public Void visitComparison(Filter.Comparison filter, Scope scope) {
            Target target = target(filter.path(), scope, true);
            validateInner(filter.path(), target, scope);
            checkOperator(target.leaf(), filter.operator(), filter.value());
            return null;
        }

        @Override
        public Void visitPresent(Filter.Present filter, Scope scope) {
            validateInner(filter.path(), target(filter.path(), scope, false), scope);
            return null;
        }

        @Override
        public Void visitAnd(Filter.And filter, Scope scope) {
            filter.left().accept(this, scope);
            return filter.right().accept(this, scope);
        }

        @Override
        public Void visitOr(Filter.Or filter, Scope scope) {
            filter.left().accept(this, scope);
            return filter.right().accept(this, scope);
        }

        @Override
        public Void visitNot(Filter.Not filter, Scope scope) {
            return filter.filter().accept(this, scope);
        }

        @Override
        public Void visitValuePath(Filter.ValuePath filter, Scope scope) {
            validateInner(filter.path(), target(filter.path(), scope, false), scope);
            return null;
        }

        private void validateInner(AttributePath path, Target target, Scope scope) {
            if (path.filter() != null) {
                path.filter().accept(this, scope.inside(target.top(), null));
            }
        }
    }

    /** Evaluates a validated filter. */
    private static final class Evaluation implements FilterVisitor<Boolean, Scope> {
        @Override
        public Boolean visitComparison(Filter.Comparison filter, Scope scope) {
            Target target = target(filter.path(), scope, true);
            List<JsonValue> values = values(filter.path(), target, scope, true);
            JsonValue literal = filter.value();
            if (literal.getValueType() == JsonValue.ValueType.NULL) {
                return filter.operator() == ComparisonOperator.EQ ? values.isEmpty() : !values.isEmpty();
            }
            if (filter.operator() == ComparisonOperator.NE) {
                return values.isEmpty() || values.stream().anyMatch(v -> !compare(target.leaf(), v,
                        ComparisonOperator.EQ, literal));
            }
            return values.stream().anyMatch(v -> compare(target.leaf(), v, filter.operator(), literal));
        }

        @Override
        public Boolean visitPresent(Filter.Present filter, Scope scope) {
            return values(filter.path(), target(filter.path(), scope, false), scope, false).stream()
                    .anyMatch(Evaluation::nonEmpty);
        }

        @Override
        public Boolean visitAnd(Filter.And filter, Scope scope) {
            return filter.left().accept(this, scope) && filter.right().accept(this, scope);
        }

        @Override
        public Boolean visitOr(Filter.Or filter, Scope scope) {
            return filter.left().accept(this, scope) || filter.right().accept(this, scope);
        }

        @Override
        public Boolean visitNot(Filter.Not filter, Scope scope) {
            return !filter.filter().accept(this, scope);
        }

        @Override
        public Boolean visitValuePath(Filter.ValuePath filter, Scope scope) {
            return !values(filter.path(), target(filter.path(), scope, false), scope, false).isEmpty();
        }

        private List<JsonValue> values(AttributePath path, Target target, Scope scope, boolean forComparison) {
            JsonObject container = scope.object();
            if (scope.parent() == null) {
                ResolvedAttribute resolved = SchemaRegistry.resolve(scope.type(), path.urn(), path.attribute())
                        .orElseThrow();
                if (resolved.extension()) {
                    Optional<JsonValue> ext = JsonObjects.get(container, resolved.schema());
                    container = ext.filter(JsonObject.class::isInstance).map(JsonValue::asJsonObject).orElse(null);
                }
            }
            List<JsonValue> items = new ArrayList<>();
            if (container != null) {
                JsonObjects.get(container, target.top().name()).ifPresent(raw -> {
                    if (raw instanceof JsonArray array) {
                        items.addAll(array);
                    } else {
                        items.add(raw);
                    }
                });
            }
            if (path.filter() != null) {
                items.removeIf(item -> !(item instanceof JsonObject object)
                        || !path.filter().accept(this, scope.inside(target.top(), object)));
            }
            if (target.leaf() == target.top()) {
                return items;
            }
            List<JsonValue> leaves = new ArrayList<>();
            for (JsonValue item : items) {
                if (item instanceof JsonObject object) {
                    JsonObjects.get(object, target.leaf().name()).ifPresent(leaves::add);
                }
            }
            return leaves;
        }

        private static boolean nonEmpty(JsonValue value) {
            return switch (value.getValueType()) {
                case NULL -> false;
                case STRING -> !((JsonString) value).getString().isEmpty();
                case ARRAY -> !value.asJsonArray().isEmpty();
                case OBJECT -> value.asJsonObject().values().stream().anyMatch(Evaluation::nonEmpty);
                default -> true;
            };
        }

        private static boolean compare(AttributeDefinition leaf, JsonValue actual, ComparisonOperator op,
                JsonValue literal) {
            switch (leaf.type()) {
                case BOOLEAN -> {
                    Optional<Boolean> value = ScimBooleans.parse(actual);
                    return value.isPresent() && value.get().equals(ScimBooleans.parse(literal).orElseThrow());
                }
                case INTEGER, DECIMAL -> {
                    if (!(actual instanceof JsonNumber number)) {
                        return false;
                    }
                    return ordered(op, number.bigDecimalValue().compareTo(((JsonNumber) literal).bigDecimalValue()));
                }
                case DATE_TIME -> {
                    if (!(actual instanceof JsonString text)) {
                        return false;
                    }
                    if (op.isSubstring()) {
                        return substring(op, text.getString(), ((JsonString) literal).getString(), true);
                    }
                    Optional<Instant> value = AttributeValues.parseDateTime(text.getString());
                    Instant bound = AttributeValues.parseDateTime(((JsonString) literal).getString()).orElseThrow();
                    return value.isPresent() && ordered(op, value.get().compareTo(bound));
                }
                default -> {
                    if (!(actual instanceof JsonString text)) {
                        return false;
                    }
                    String a = text.getString();
                    String b = ((JsonString) literal).getString();
                    if (op.isSubstring()) {
                        return substring(op, a, b, leaf.caseExact());
                    }
                    int cmp = leaf.caseExact() ? a.compareTo(b)
                            : a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT));
                    return ordered(op, cmp);
                }
            }
        }

        private static boolean substring(ComparisonOperator op, String actual, String literal, boolean caseExact) {
            String a = caseExact ? actual : actual.toLowerCase(Locale.ROOT);
            String b = caseExact ? literal : literal.toLowerCase(Locale.ROOT);
            return switch (op) {
                case CO -> a.contains(b);
                case SW -> a.startsWith(b);
                default -> a.endsWith(b);
            };
        }

        private static boolean ordered(ComparisonOperator op, int cmp) {
            return switch (op) {
                case EQ -> cmp == 0;
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                default -> throw new IllegalStateException("not an ordering operator: " + op);
            };
        }
    }
}
