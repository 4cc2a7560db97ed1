package dev.scimbridge.store;

import java.util.Objects;

/**
 * One probe of a resource's indexes: the resources whose {@code attribute} has {@code value}, already
 * normalised as the index stores it (lower-cased unless the attribute is caseExact, RFC 7643 §2.2).
 * An {@code id} probe names the resource itself.
 *
 * <p>Example: {@code userName eq "BJensen"} probes {@code new IndexProbe("userName", "bjensen")}.
 */
public record IndexProbe(String attribute, String value) {
    public IndexProbe {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(value, "value");
    }
}
