package dev.scimbridge.store;

/** The stored version is not the one the write expected: someone else wrote first. */
public final class VersionConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VersionConflictException() {
        super("the resource changed concurrently", null, false, false);
    }
}
