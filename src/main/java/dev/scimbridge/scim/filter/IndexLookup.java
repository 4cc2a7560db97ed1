package dev.scimbridge.scim.filter;

import java.util.Locale;
import java.util.Objects;

/**
 * One index probe of a {@link FilterPlan}: the resources whose {@code attribute} equals {@code value}.
 *
 * <p>Example: {@code userName eq "BJensen"} plans to {@code IndexLookup("userName", "BJensen", false)}, whose
 * {@link #normalisedValue()} {@code bjensen} is what a case-insensitive index stores (RFC 7643 §4.1.1).
 *
 * @param attribute the indexed attribute: {@code id}, {@code userName}, {@code externalId}, {@code emails.value}
 *                  (Users) or {@code id}, {@code displayName}, {@code externalId} (Groups)
 * @param value     the value from the filter, as written
 * @param caseExact whether the attribute compares case-sensitively
 */
public record IndexLookup(String attribute, String value, boolean caseExact) {

    public IndexLookup {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(value, "value");
    }

    /** The value as a case-insensitive index keys it: lower-cased (root locale) unless {@code caseExact}. */
    public String normalisedValue() {
        return caseExact ? value : value.toLowerCase(Locale.ROOT);
    }
}
