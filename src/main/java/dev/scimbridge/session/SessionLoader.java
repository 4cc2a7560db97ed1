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
 * <p>The value is taken as the file's JSON when it starts with an opening brace, as base64 content when
 * it is long, uses only the base64 alphabet and decodes to a JSON object; anything else is a path.
 * Problems are reported by kind with a reason that names the setting and the path, never the contents; a value that looks like inline content is never
 * echoed, even when it fails to decode.
 */
public final class SessionLoader {
    /** Files larger than this are not scimsessions (a real one is under 1 KiB). */
    static final long MAX_BYTES = 64 * 1024;
    static final String VERSION_1_WARNING = "The scimsession has format version 1, without the token check: before unlock "
            + "every wrong token costs a KDF run and puts its address in back-off, which can hold off the IdP's "
            + "unlocking request when both come from one address. Rotate with scim-setup --rotate to write version 2.";
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
        if (value.startsWith("{")) {
            // The file's JSON itself (SCIM_SESSION="$(cat scimsession)"): content, never echoed.
            return parse(value.getBytes(StandardCharsets.UTF_8), "scim.session (JSON content)", List.of());
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
        boolean content = looksInline || value.indexOf('{') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0;
        String shown = content ? "the configured path" : path.toString();
        if (!Files.exists(path)) {
            return SessionLoad.failed(SessionProblem.Kind.MISSING, content
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
            ScimSession session = ScimSessionJson.read(bytes);
            List<String> all = new ArrayList<>(warnings);
            if (session.version() == ScimSession.VERSION_WITHOUT_CHECK) {
                all.add(VERSION_1_WARNING);
            }
            return SessionLoad.ok(session, all);
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

    /**
     * A warning when the file (after following links) is readable by others, or by its group while the
     * bridge's own user owns it (and so could keep it to itself). A file someone else owns that the bridge
     * reads through its group is how Kubernetes mounts a Secret for a non-root pod ({@code fsGroup}, mode
     * 0440): no warning then.
     */
    static Optional<String> looseness(Path path) {
        try {
            return looseness(path, Files.getPosixFilePermissions(path), ownedByThisProcess(path));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Not a POSIX file system or no attribute access: nothing to say.
            return Optional.empty();
        }
    }

    static Optional<String> looseness(Path path, Set<PosixFilePermission> perms, boolean ownedByThisProcess) {
        boolean others = perms.contains(PosixFilePermission.OTHERS_READ);
        if (others || (perms.contains(PosixFilePermission.GROUP_READ) && ownedByThisProcess)) {
            return Optional.of("the scimsession file " + path + " is readable by " + (others ? "others" : "its group")
                    + "; restrict it to the bridge's user (chmod 600, or defaultMode: 0400 on the Kubernetes Secret volume)");
        }
        return Optional.empty();
    }

    /** Whether the file's owner is this process's user (Linux: the owner of /proc/self); true when unknown. */
    private static boolean ownedByThisProcess(Path path) {
        try {
            return Files.getAttribute(path, "unix:uid").equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return true;
        }
    }
}
