package dev.scimbridge.scim;

/**
 * A SCIM protocol error (RFC 7644 §3.12): an HTTP status, an optional {@code scimType} and a
 * {@code detail} that is safe to show to the client.
 *
 * <p>The detail is written for the client: it never carries secrets, stack traces or internal
 * messages. Factories are named after the {@code scimType} or the status they produce, for example
 * {@code throw ScimException.invalidFilter("expected an operator at position 9")}.
 */
public final class ScimException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final ScimErrorType scimType;
    private final String detail;

    public ScimException(int status, ScimErrorType scimType, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
        this.detail = detail;
    }

    /** HTTP status code. */
    public int status() {
        return status;
    }

    /** The {@code scimType}, or {@code null} when the RFC defines none for this error. */
    public ScimErrorType scimType() {
        return scimType;
    }

    /** A human-readable, client-safe explanation. */
    public String detail() {
        return detail;
    }

    public static ScimException invalidFilter(String detail) {
        return new ScimException(400, ScimErrorType.INVALID_FILTER, detail);
    }

    public static ScimException tooMany(String detail) {
        return new ScimException(400, ScimErrorType.TOO_MANY, detail);
    }

    public static ScimException uniqueness(String detail) {
        return new ScimException(409, ScimErrorType.UNIQUENESS, detail);
    }

    public static ScimException mutability(String detail) {
        return new ScimException(400, ScimErrorType.MUTABILITY, detail);
    }

    public static ScimException invalidSyntax(String detail) {
        return new ScimException(400, ScimErrorType.INVALID_SYNTAX, detail);
    }

    public static ScimException invalidPath(String detail) {
        return new ScimException(400, ScimErrorType.INVALID_PATH, detail);
    }

    public static ScimException noTarget(String detail) {
        return new ScimException(400, ScimErrorType.NO_TARGET, detail);
    }

    public static ScimException invalidValue(String detail) {
        return new ScimException(400, ScimErrorType.INVALID_VALUE, detail);
    }

    public static ScimException invalidVersion(String detail) {
        return new ScimException(400, ScimErrorType.INVALID_VERS, detail);
    }

    public static ScimException sensitive(String detail) {
        return new ScimException(403, ScimErrorType.SENSITIVE, detail);
    }

    /** 400 without a {@code scimType}, for a bad request that no RFC type describes. */
    public static ScimException badRequest(String detail) {
        return new ScimException(400, null, detail);
    }

    public static ScimException unauthorized(String detail) {
        return new ScimException(401, null, detail);
    }

    public static ScimException forbidden(String detail) {
        return new ScimException(403, null, detail);
    }

    public static ScimException notFound(String detail) {
        return new ScimException(404, null, detail);
    }

    public static ScimException methodNotAllowed(String detail) {
        return new ScimException(405, null, detail);
    }

    public static ScimException conflict(String detail) {
        return new ScimException(409, null, detail);
    }

    public static ScimException preconditionFailed(String detail) {
        return new ScimException(412, null, detail);
    }

    public static ScimException payloadTooLarge(String detail) {
        return new ScimException(413, null, detail);
    }

    public static ScimException notImplemented(String detail) {
        return new ScimException(501, null, detail);
    }

    public static ScimException unavailable(String detail) {
        return new ScimException(503, null, detail);
    }
}
