package dev.scimbridge.scim.filter;

import java.util.List;
import java.util.Objects;

/**
 * How to answer a filtered query (RFC 7644 §3.4.2): probe indexes, or scan.
 *
 * <p>With {@link #lookups()} non-empty, the union of the lookups' hits is a superset of the answer: fetch those
 * candidates and keep the ones {@link FilterEvaluator} matches against {@link #filter()}. With no lookups the plan
 * is a scan: evaluate the filter on every resource (bounded by the caller, which answers {@code tooMany} past its
 * limit). Example: {@code userName eq "a" or externalId eq "b"} gives two lookups.
 *
 * @param lookups the index probes; empty for a scan
 * @param filter  the whole filter, to re-check on each candidate
 */
public record FilterPlan(List<IndexLookup> lookups, Filter filter) {

    public FilterPlan {
        lookups = List.copyOf(lookups);
        Objects.requireNonNull(filter, "filter");
    }

    /** A plan that scans. */
    public static FilterPlan scan(Filter filter) {
        return new FilterPlan(List.of(), filter);
    }

    /** Whether the plan needs a scan. */
    public boolean isScan() {
        return lookups.isEmpty();
    }

    /**
     * Whether the lookup's hits are the answer itself, so that no candidate needs evaluating: the filter is one
     * comparison whose attribute, as written, is the attribute probed ({@code userName eq "a"}, {@code emails.value eq
     * "a"}), not a value filter ({@code emails[type eq "work"].value eq "a"}) nor a shorthand ({@code emails eq "a"}).
     * It holds because an index keys a value as the evaluator compares it ({@link IndexLookup#normalisedValue()}: lower
     * case in the root locale unless {@code caseExact}), and an {@code id} lookup reads the resource of that id.
     */
    public boolean isExact() {
        if (lookups.size() != 1 || !(filter instanceof Filter.Comparison comparison) || comparison.path().filter() != null) {
            return false;
        }
        AttributePath path = comparison.path();
        String written = path.subAttribute() == null ? path.attribute() : path.attribute() + "." + path.subAttribute();
        return written.equalsIgnoreCase(lookups.get(0).attribute());
    }
}
