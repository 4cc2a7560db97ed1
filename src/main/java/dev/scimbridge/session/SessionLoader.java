package dev.scimbridge.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads the scimsession named by {@code scim.session}: a file path (the normal case, a read-only
 * mounted Secret) or the file's content in base64 (standard or url alphabet, for platforms that only
 * pass environment variables).
 *
 * <p>The value is taken as base64 content when it is long, uses only the base64 alphabet and decodes
 * to a JSON object; anything else is a path. Problems are reported by kind with a reason that names
 * the setting and the path, never the contents; a value that looks like inline content is never
 * echoed, even when it fails to decode.
 */
public final class SessionLoader {
    /** Files larger than this are not scimsessions (a real one is under 1 KiB). */
    static final long MAX_BYTES = 64 * 1024;
    private static final Pattern BASE64ISH = Pattern.compile("[A-Za-z0-9+/_=\\-\\s]+");
    private static final int INLINE_MIN_LENGTH = 100;

    private SessionLoader() {
    }

    /** Loads from the configured value of {@code scim.session}. */
    public static SessionLoad load(Optional<String> setting) {
        String value = setting.map(String::trim).orElse("");
        if (value.isEmpty()) {
            return SessionLoad.failed(SessionProblem.Kind.MISSING,
                    "scim.session is not set: point it at the scimsession file (SCIM_SESSION=/path/to/scimsession)");
        }
        boolean looksInline = value.length() >= INLINE_MIN_LENGTH && BASE64ISH.matcher(value).matches();
        if (looksInline) {
            Optional<byte[]> decoded = decodeInline(value);
            if (decoded.isPresent()) {
                return parse(decoded.get(), "scim.session (base64 content)", List.of());
            }
        }
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            return SessionLoad.failed(SessionProblem.Kind.MISSING, "scim.session is neither a file path nor base64-encoded scimsession content");
        }
        String shown = looksInline ? "the configured path" : path.toString();
        if (!Files.exists(path)) {
            return SessionLoad.failed(SessionProblem.Kind.MISSING, looksInline
                    ? "scim.session is neither an existing file nor base64-encoded scimsession JSON"
                    : "scim.session names no file: " + shown);
        }
        if (Files.isDirectory(path)) {
            return SessionLoad.failed(SessionProblem.Kind.UNREADABLE, "scim.session names a directory, not a file: " + shown);
        }
        byte[] bytes;
        try {
            if (Files.size(path) > MAX_BYTES) {
                return SessionLoad.failed(SessionProblem.Kind.MALFORMED, "the scimsession file is too large to be a scimsession: " + shown);
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException | SecurityException e) {
            return SessionLoad.failed(SessionProblem.Kind.UNREADABLE,
                    "the scimsession file cannot be read (" + e.getClass().getSimpleName() + "): " + shown);
        }
        List<String> warnings = new ArrayList<>();
        looseness(path).ifPresent(warnings::add);
        return parse(bytes, "the scimsession file " + shown, warnings);
    }

    private static SessionLoad parse(byte[] bytes, String what, List<String> warnings) {
        try {
            return SessionLoad.ok(ScimSessionJson.read(bytes), warnings);
        } catch (ScimSessionFormatException e) {
            return SessionLoad.failed(e.unsupportedVersion() ? SessionProblem.Kind.UNSUPPORTED_VERSION : SessionProblem.Kind.MALFORMED,
                    what + " is not usable: " + e.getMessage());
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }

    private static Optional<byte[]> decodeInline(String value) {
        String compact = value.replaceAll("\\s", "");
        byte[] decoded;
        try {
            decoded = compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(compact)
                    : Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String head = new String(decoded, 0, Math.min(decoded.length, 16), StandardCharsets.UTF_8).stripLeading();
        return head.startsWith("{") ? Optional.of(decoded) : Optional.empty();
    }

    /** A warning when the file (after following links) is readable by group or others. */
    static Optional<String> looseness(Path path) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                return Optional.of("the scimsession file " + path + " is readable by "
                        + (perms.contains(PosixFilePermission.OTHERS_READ) ? "others" : "its group")
                        + "; restrict it to the bridge's user (chmod 600, or defaultMode: 0400 on the Kubernetes Secret volume)");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Not a POSIX file system or no attribute access: nothing to say.
        }
        return Optional.empty();
    }
}
