package dev.scimbridge.store;

/** A unique attribute (User {@code userName}, Group {@code displayName}) is taken. */
public final class DuplicateKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String attribute;

    public DuplicateKeyException(String attribute) {
        super(attribute + " is already in use", null, false, false);
        this.attribute = attribute;
    }

    public String attribute() {
        return attribute;
    }
}
