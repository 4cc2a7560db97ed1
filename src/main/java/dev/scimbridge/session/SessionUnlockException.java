package dev.scimbridge.session;

/**
 * A token did not open a scimsession. The message names the cause only; it never carries the token,
 * key material or file contents.
 */
public final class SessionUnlockException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the unlock failed. */
    public enum Reason {
        /** The token's verifier hash does not match: a wrong token (or a changed KDF parameter). */
        WRONG_TOKEN,
        /** The verifier matched but {@code encCredentials} did not authenticate: the file was altered. */
        TAMPERED
    }

    private final Reason reason;

    public SessionUnlockException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
