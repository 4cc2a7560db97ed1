package dev.scimbridge.scim.filter;

import java.util.Locale;
import java.util.Optional;

/**
 * The attribute operators of RFC 7644 §3.4.2.2 other than {@code pr} (see {@link Filter.Present}).
 *
 * <p>Operators are case-insensitive on the wire: {@code ComparisonOperator.of("EQ")} is {@link #EQ}.
 */
public enum ComparisonOperator {
    EQ, NE, CO, SW, EW, GT, GE, LT, LE;

    /** The operator for a wire name in any case, or empty. */
    public static Optional<ComparisonOperator> of(String name) {
        for (ComparisonOperator op : values()) {
            if (op.name().equalsIgnoreCase(name)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** Whether this operator orders values ({@code gt ge lt le}), which booleans and binaries do not allow. */
    public boolean isOrdering() {
        return this == GT || this == GE || this == LT || this == LE;
    }

    /** Whether this is a substring operator ({@code co sw ew}). */
    public boolean isSubstring() {
        return this == CO || this == SW || this == EW;
    }

    /** The lower-case wire name. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
