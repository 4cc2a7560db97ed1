package dev.scimbridge.session;

/**
 * Why the bridge has no usable scimsession. {@link #reason()} is safe for logs, health output and
 * error bodies: it names the setting, a path or a field, never the file's contents.
 */
public record SessionProblem(Kind kind, String reason) {

    public enum Kind {
        /** {@code scim.session} is not set, or names no file. */
        MISSING,
        /** The file exists but could not be read. */
        UNREADABLE,
        /** Not a scimsession: bad base64, bad JSON, missing or mistyped fields. */
        MALFORMED,
        /** A scimsession of a format version this build does not read. */
        UNSUPPORTED_VERSION,
        /** The right token opened the verifier but the credentials did not authenticate. */
        TAMPERED
    }
}
