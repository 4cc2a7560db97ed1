package dev.scimbridge.scim.schema;

/**
 * The data types of RFC 7643 §2.3, with their wire names.
 *
 * <p>Example: {@code AttributeType.DATE_TIME.wire()} is {@code "dateTime"}.
 */
public enum AttributeType {
    STRING("string"),
    BOOLEAN("boolean"),
    DECIMAL("decimal"),
    INTEGER("integer"),
    DATE_TIME("dateTime"),
    BINARY("binary"),
    REFERENCE("reference"),
    COMPLEX("complex");

    private final String wire;

    AttributeType(String wire) {
        this.wire = wire;
    }

    /** The name used in the {@code /Schemas} document. */
    public String wire() {
        return wire;
    }
}
