package dev.scimbridge.session;

/**
 * A scimsession that cannot be used: not JSON, a field missing or of the wrong type, or a format
 * version this build does not read. The message names the problem (a field name, the version number)
 * and never quotes the file's contents.
 */
public final class ScimSessionFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean unsupportedVersion;

    public ScimSessionFormatException(String message, boolean unsupportedVersion) {
        super(message, null, false, false);
        this.unsupportedVersion = unsupportedVersion;
    }

    /** True when the file is well-formed but of another format version. */
    public boolean unsupportedVersion() {
        return unsupportedVersion;
    }
}
