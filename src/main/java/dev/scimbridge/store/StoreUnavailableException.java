package dev.scimbridge.store;

/** Redis could not be reached or did not answer in time; nothing was written. */
public final class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(Throwable cause) {
        super("the directory store is unavailable", cause);
    }
}
