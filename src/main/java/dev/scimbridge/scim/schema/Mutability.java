package dev.scimbridge.scim.schema;

/**
 * The {@code mutability} characteristic of RFC 7643 §7.
 *
 * <p>Example: {@code Mutability.READ_ONLY.wire()} is {@code "readOnly"}.
 */
public enum Mutability {
    READ_ONLY("readOnly"),
    READ_WRITE("readWrite"),
    IMMUTABLE("immutable"),
    WRITE_ONLY("writeOnly");

    private final String wire;

    Mutability(String wire) {
        this.wire = wire;
    }

    /** The name used in the {@code /Schemas} document. */
    public String wire() {
        return wire;
    }
}
