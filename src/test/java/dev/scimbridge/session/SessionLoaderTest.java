package dev.scimbridge.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way {@code scim.session} can be bad, as the readiness check and the 503s see it. */
class SessionLoaderTest {
    static final String JSON = ScimSessionJson.write(ScimSessionJsonTest.SESSION);

    @TempDir
    Path dir;

    @Test
    void notConfigured() {
        SessionLoad load = SessionLoader.load(Optional.empty());
        assertEquals(SessionProblem.Kind.MISSING, load.problem().orElseThrow().kind());
        assertTrue(load.problem().get().reason().contains("scim.session is not set"));
        assertEquals(SessionProblem.Kind.MISSING, SessionLoader.load(Optional.of("  ")).problem().orElseThrow().kind());
    }

    @Test
    void noSuchFile() {
        Path missing = dir.resolve("nope");
        SessionLoad load = SessionLoader.load(Optional.of(missing.toString()));
        assertEquals(SessionProblem.Kind.MISSING, load.problem().orElseThrow().kind());
        assertTrue(load.problem().get().reason().contains(missing.toString()));
    }

    @Test
    void unreadable() {
        // A directory cannot be read as a file, even by root (which ignores mode bits).
        SessionLoad load = SessionLoader.load(Optional.of(dir.toString()));
        assertEquals(SessionProblem.Kind.UNREADABLE, load.problem().orElseThrow().kind());
    }

    @Test
    void malformedFile() throws Exception {
        Path f = write("{\"version\":1,\"account\":\"SECRET-ISH\"}");
        SessionLoad load = SessionLoader.load(Optional.of(f.toString()));
        assertEquals(SessionProblem.Kind.MALFORMED, load.problem().orElseThrow().kind());
        assertFalse(load.problem().get().reason().contains("SECRET-ISH"));
        assertTrue(load.problem().get().reason().contains("account"));
    }

    @Test
    void notJsonAtAll() throws Exception {
        Path f = write("hello world");
        assertEquals(SessionProblem.Kind.MALFORMED, SessionLoader.load(Optional.of(f.toString())).problem().orElseThrow().kind());
    }

    @Test
    void wrongVersion() throws Exception {
        Path f = write(JSON.replace("\"version\": 2", "\"version\": 7"));
        SessionLoad load = SessionLoader.load(Optional.of(f.toString()));
        assertEquals(SessionProblem.Kind.UNSUPPORTED_VERSION, load.problem().orElseThrow().kind());
        assertTrue(load.problem().get().reason().contains("version 7"));
    }

    @Test
    void goodFileWithOwnerOnlyPermissions() throws Exception {
        Path f = write(JSON);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        SessionLoad load = SessionLoader.load(Optional.of(f.toString()));
        assertEquals(ScimSessionJsonTest.SESSION, load.session().orElseThrow());
        assertTrue(load.warnings().isEmpty());
    }

    @Test
    void versionOneIsLoadedWithAWarningToRotate() throws Exception {
        Path f = write(ScimSessionJson.write(SessionCryptoTest.VERSION_1));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        SessionLoad load = SessionLoader.load(Optional.of(f.toString()));
        assertEquals(SessionCryptoTest.VERSION_1, load.session().orElseThrow());
        assertEquals(List.of(SessionLoader.VERSION_1_WARNING), load.warnings());
        assertTrue(load.warnings().get(0).contains("scim-setup --rotate"));
    }

    @Test
    void looseFilePermissionsAreWarnedAbout() throws Exception {
        Path f = write(JSON);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        SessionLoad load = SessionLoader.load(Optional.of(f.toString()));
        assertTrue(load.session().isPresent());
        assertEquals(1, load.warnings().size());
        assertTrue(load.warnings().get(0).contains("readable by others"));
    }

    @Test
    void groupReadIsWarnedAboutOnlyWhenTheBridgesUserOwnsTheFile() throws Exception {
        Path f = write(JSON);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        SessionLoad own = SessionLoader.load(Optional.of(f.toString()));   // this test's user owns the file it wrote
        assertEquals(1, own.warnings().size(), own.warnings().toString());
        assertTrue(own.warnings().get(0).contains("readable by its group"));

        // A Kubernetes Secret for a non-root pod: root's file, group fsGroup, mode 0440.
        assertTrue(SessionLoader.looseness(f, PosixFilePermissions.fromString("r--r-----"), false).isEmpty());
        assertTrue(SessionLoader.looseness(f, PosixFilePermissions.fromString("r--r--r--"), false).orElseThrow().contains("others"));
        assertTrue(SessionLoader.looseness(f, PosixFilePermissions.fromString("r--------"), true).isEmpty());
    }

    @Test
    void groupReadOfAnotherUsersFileIsNotWarnedAbout() throws Exception {
        Path theirs = write(JSON);
        Files.setPosixFilePermissions(theirs, PosixFilePermissions.fromString("r--r-----"));
        try {
            Files.setAttribute(theirs, "unix:uid", 4242); // as the kubelet mounts a Secret: root's, group fsGroup
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("cannot give a file to another user here: " + e.getClass().getSimpleName());
        }
        assertTrue(SessionLoader.load(Optional.of(theirs.toString())).warnings().isEmpty(), "group read of another user's file is how fsGroup works");
        Files.setPosixFilePermissions(theirs, PosixFilePermissions.fromString("r--r--r--"));
        assertEquals(1, SessionLoader.load(Optional.of(theirs.toString())).warnings().size(), "others may not read it");
    }

    @Test
    void base64Content() {
        String b64 = Base64.getEncoder().encodeToString(JSON.getBytes(StandardCharsets.UTF_8));
        assertEquals(ScimSessionJsonTest.SESSION, SessionLoader.load(Optional.of(b64)).session().orElseThrow());
        String url = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.getBytes(StandardCharsets.UTF_8));
        assertEquals(ScimSessionJsonTest.SESSION, SessionLoader.load(Optional.of(url)).session().orElseThrow());
        String wrapped = Base64.getMimeEncoder().encodeToString(JSON.getBytes(StandardCharsets.UTF_8));
        assertEquals(ScimSessionJsonTest.SESSION, SessionLoader.load(Optional.of(wrapped)).session().orElseThrow());
    }

    @Test
    void base64ContentOfABadSessionIsNeverEchoed() {
        String b64 = Base64.getEncoder().encodeToString(JSON.replace("\"version\": 2", "\"version\": 3").getBytes(StandardCharsets.UTF_8));
        SessionLoad load = SessionLoader.load(Optional.of(b64));
        assertEquals(SessionProblem.Kind.UNSUPPORTED_VERSION, load.problem().orElseThrow().kind());
        assertFalse(load.problem().get().reason().contains(b64.substring(0, 20)));

        String garbage = "QUJD".repeat(40) + "!";
        SessionLoad bad = SessionLoader.load(Optional.of(garbage.substring(0, garbage.length() - 1)));
        assertEquals(SessionProblem.Kind.MISSING, bad.problem().orElseThrow().kind());
        assertFalse(bad.problem().get().reason().contains("QUJD"));
    }

    @Test
    void theFilesJsonGivenAsTheValueIsReadAndNeverEchoed() {
        assertEquals(ScimSessionJsonTest.SESSION, SessionLoader.load(Optional.of(JSON)).session().orElseThrow());

        String broken = JSON.substring(0, JSON.length() / 2);
        SessionLoad load = SessionLoader.load(Optional.of(broken));
        assertEquals(SessionProblem.Kind.MALFORMED, load.problem().orElseThrow().kind());
        assertFalse(load.problem().get().reason().contains(broken.substring(0, 30)), load.problem().get().reason());

        String quoted = " \"" + JSON.replace("\n", " ") + "\"";   // quoted by a shell or a YAML file: a path, not content
        SessionLoad path = SessionLoader.load(Optional.of(quoted));
        assertEquals(SessionProblem.Kind.MISSING, path.problem().orElseThrow().kind());
        assertFalse(path.problem().get().reason().contains("version"), path.problem().get().reason());
    }

    private Path write(String text) throws Exception {
        Path f = dir.resolve("scimsession");
        Files.writeString(f, text);
        return f;
    }
}
