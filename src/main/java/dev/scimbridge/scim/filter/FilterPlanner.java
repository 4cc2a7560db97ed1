package dev.scimbridge.scim.filter;

import dev.scimbridge.scim.schema.AttributeDefinition;
import dev.scimbridge.scim.schema.ResolvedAttribute;
import dev.scimbridge.scim.schema.ResourceType;
import dev.scimbridge.scim.schema.SchemaRegistry;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a filter into a {@link FilterPlan} (RFC 7644 §3.4.2.2 filters over this bridge's indexes).
 *
 * <p>Indexed: {@code id}, {@code userName}, {@code externalId}, {@code emails.value} on Users and {@code id},
 * {@code displayName}, {@code externalId} on Groups, for {@code eq} with a string. Rules:
 * <ul>
 *   <li>{@code a eq "x"} on an indexed attribute, also written {@code emails eq "x"}, {@code emails[value eq "x"]},
 *       {@code emails[type eq "work"].value eq "x"} or URN-qualified: one lookup;</li>
 *   <li>{@code a and b}: the side with fewer lookups, if either side has any (so Entra ID's and Okta's
 *       {@code eq}/{@code and} filters never scan);</li>
 *   <li>{@code a or b}: the union, if both sides have lookups;</li>
 *   <li>anything else, including {@code not}: a scan.</li>
 * </ul>
 * The filter is validated against the schema first ({@code invalidFilter}), so a query with no candidates still
 * rejects a bad filter. Example: {@code plan(parse("userName eq \"a\" and active eq true"), USER)} is one lookup of
 * {@code userName}.
 */
public final class FilterPlanner implements FilterVisitor<Optional<List<IndexLookup>>, AttributeDefinition> {
    private static final Map<ResourceType, Set<String>> INDEXED = Map.of(
            ResourceType.USER, Set.of("id", "userName", "externalId", "emails.value"),
            ResourceType.GROUP, Set.of("id", "displayName", "externalId"));

    private final ResourceType type;

    private FilterPlanner(ResourceType type) {
        this.type = type;
    }

    /** Plans {@code filter} for resources of {@code type}. */
    public static FilterPlan plan(Filter filter, ResourceType type) {
        new FilterEvaluator().validate(filter, type);
        return filter.accept(new FilterPlanner(type), null)
                .map(lookups -> new FilterPlan(List.copyOf(new LinkedHashSet<>(lookups)), filter))
                .orElseGet(() -> FilterPlan.scan(filter));
    }

    @Override
    public Optional<List<IndexLookup>> visitComparison(Filter.Comparison filter, AttributeDefinition parent) {
        if (filter.operator() != ComparisonOperator.EQ || !(filter.value() instanceof JsonString literal)) {
            return Optional.empty();
        }
        AttributePath path = filter.path();
        String name;
        if (parent == null) {
            Optional<ResolvedAttribute> resolved = SchemaRegistry.resolve(type, path.urn(), path.attribute());
            if (resolved.isEmpty() || resolved.get().extension()) {
                return Optional.empty();
            }
            AttributeDefinition top = resolved.get().definition();
            String sub = path.subAttribute() != null ? path.subAttribute() : top.isComplex() ? "value" : null;
            name = sub == null ? top.name() : top.subAttribute(sub).map(d -> top.name() + "." + d.name()).orElse("");
        } else {
            name = parent.subAttribute(path.attribute()).map(d -> parent.name() + "." + d.name()).orElse("");
        }
        if (!INDEXED.get(type).contains(name)) {
            return Optional.empty();
        }
        AttributeDefinition leaf = SchemaRegistry.findAttribute(type, name).orElseThrow();
        return Optional.of(List.of(new IndexLookup(name, literal.getString(), leaf.caseExact())));
    }

    @Override
    public Optional<List<IndexLookup>> visitPresent(Filter.Present filter, AttributeDefinition parent) {
        return Optional.empty();
    }

    @Override
    public Optional<List<IndexLookup>> visitAnd(Filter.And filter, AttributeDefinition parent) {
        Optional<List<IndexLookup>> left = filter.left().accept(this, parent);
        Optional<List<IndexLookup>> right = filter.right().accept(this, parent);
        if (left.isPresent() && right.isPresent()) {
            return right.get().size() < left.get().size() ? right : left;
        }
        return left.isPresent() ? left : right;
    }

    @Override
    public Optional<List<IndexLookup>> visitOr(Filter.Or filter, AttributeDefinition parent) {
        Optional<List<IndexLookup>> left = filter.left().accept(this, parent);
        Optional<List<IndexLookup>> right = filter.right().accept(this, parent);
        if (left.isEmpty() || right.isEmpty()) {
            return Optional.empty();
        }
        List<IndexLookup> union = new ArrayList<>(left.get());
        union.addAll(right.get());
        return Optional.of(union);
    }

    @Override
    public Optional<List<IndexLookup>> visitNot(Filter.Not filter, AttributeDefinition parent) {
        return Optional.empty();
    }

    @Override
    public Optional<List<IndexLookup>> visitValuePath(Filter.ValuePath filter, AttributeDefinition parent) {
        AttributePath path = filter.path();
        Optional<ResolvedAttribute> resolved = SchemaRegistry.resolve(type, path.urn(), path.attribute());
        if (parent != null || resolved.isEmpty() || resolved.get().extension()) {
            return Optional.empty();
        }
        return path.filter().accept(this, resolved.get().definition());
    }
}
