package dev.scimbridge.store;

/**
 * Redis could not be reached or did not answer in time, or none is configured; nothing was written. The
 * message names no secret: readiness shows it.
 */
public final class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(Throwable cause) {
        super("the directory store is unavailable", cause);
    }

    /** No store to reach, for the reason {@code message} gives (a configuration the operator must change). */
    public StoreUnavailableException(String message) {
        super(message);
    }
}
