package dev.scimbridge.store;

/** The resource a write names does not exist (any more). */
public final class ResourceNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ResourceNotFoundException() {
        super("no such resource", null, false, false);
    }
}
