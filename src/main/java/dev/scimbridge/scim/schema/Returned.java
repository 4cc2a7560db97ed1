package dev.scimbridge.scim.schema;

/**
 * The {@code returned} characteristic of RFC 7643 §7: when an attribute appears in a response.
 *
 * <p>Example: {@code password} is {@link #NEVER}, {@code id} is {@link #ALWAYS}.
 */
public enum Returned {
    ALWAYS("always"),
    NEVER("never"),
    DEFAULT("default"),
    REQUEST("request");

    private final String wire;

    Returned(String wire) {
        this.wire = wire;
    }

    /** The name used in the {@code /Schemas} document. */
    public String wire() {
        return wire;
    }
}
