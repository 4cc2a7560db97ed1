package dev.scimbridge.session;

/**
 * What {@link TokenAuthenticator#authenticate} decided. {@code detail} is safe for a SCIM error body;
 * {@code retryAfterSeconds} is set for {@link Outcome#THROTTLED} and {@link Outcome#BUSY}.
 */
public record AuthResult(Outcome outcome, String detail, long retryAfterSeconds) {

    public enum Outcome {
        /** The token is right. */
        OK,
        /** No usable token (missing, malformed or wrong): 401. */
        UNAUTHORIZED,
        /** The source is in back-off after failures before unlock: 401 with Retry-After, no KDF run. */
        THROTTLED,
        /** Another KDF attempt held the lock too long: 503 with Retry-After. */
        BUSY,
        /** The scimsession is unusable: 503. */
        UNAVAILABLE
    }

    static final AuthResult OK = new AuthResult(Outcome.OK, null, 0);

    static AuthResult unauthorized(String detail) {
        return new AuthResult(Outcome.UNAUTHORIZED, detail, 0);
    }
}
