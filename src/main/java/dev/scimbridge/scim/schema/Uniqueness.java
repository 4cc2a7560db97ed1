package dev.scimbridge.scim.schema;

/**
 * The {@code uniqueness} characteristic of RFC 7643 §7.
 *
 * <p>Example: {@code userName} is {@link #SERVER}: unique within this service provider.
 */
public enum Uniqueness {
    NONE("none"),
    SERVER("server"),
    GLOBAL("global");

    private final String wire;

    Uniqueness(String wire) {
        this.wire = wire;
    }

    /** The name used in the {@code /Schemas} document. */
    public String wire() {
        return wire;
    }
}
