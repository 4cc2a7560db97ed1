package dev.scimbridge.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scimbridge.session.AccountKeys;
import dev.scimbridge.session.BearerToken;
import dev.scimbridge.session.ScimSession;
import dev.scimbridge.session.ScimSessionJson;
import dev.scimbridge.session.SessionCrypto;
import dev.scimbridge.session.SessionUnlockException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScimSetupTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        out.reset();
        err.reset();
        return ScimSetup.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpExplainsEveryFlag() {
        assertEquals(0, run("--help"));
        for (String flag : new String[] {"--account-name", "--manager-email", "--out", "--token-out", "--force", "--rotate", "--from", "--old-token-file", "--help"}) {
            assertTrue(out().contains(flag), flag);
        }
    }

    @Test
    void badFlagsExitNonZeroWithOneLine() {
        String[][] bad = {
                {},
                {"--bogus"},
                {"--out"},
                {"--account-name", "A", "--out", "x"},
                {"--account-name", "A", "--manager-email", "", "--out", "x"},
                {"--account-name", "A", "--manager-email", "nope", "--out", "x"},
                {"--account-name", "", "--manager-email", "a@b", "--out", "x"},
                {"--rotate", "--out", "x"},
                {"--rotate", "--from", "a", "--old-token-file", "b", "--account-name", "A", "--out", "x"},
                {"--account-name", "A", "--manager-email", "a@b", "--out", "x", "--from", "y"},
                {"--account-name", "A", "--manager-email", "a@b", "--out", "x", "--token-out", "x"},
                {"--account-name", "A", "--manager-email", "a@b", "--out", "x", "--token-out", "./x"},
                {"--rotate", "--from", "s", "--old-token-file", "t", "--out", "s", "--force"},
                {"--rotate", "--from", "s", "--old-token-file", "t", "--out", "d/../s"},
                {"--rotate", "--from", "s", "--old-token-file", "t", "--out", "n", "--token-out", "./s", "--force"},
                {"--force=yes"},
                {"stray"},
        };
        for (String[] args : bad) {
            assertEquals(2, run(args), String.join(" ", args));
            assertEquals(1, err().strip().lines().count(), err());
            assertTrue(err().startsWith("scim-setup: "), err());
        }
    }

    @Test
    void createsOwnerOnlyFilesAndPrintsTheTokenOnce() throws Exception {
        Path session = dir.resolve("scimsession");
        assertEquals(0, run("--account-name", "Acme", "--manager-email", "provisioning@acme.example", "--out", session.toString()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(session)));
        Matcher m = Pattern.compile(BearerToken.PATTERN).matcher(out());
        assertTrue(m.find(), out());
        String token = m.group();
        assertFalse(m.find(), "token printed more than once");
        ScimSession s = ScimSessionJson.read(Files.readString(session));
        assertEquals("Acme", s.account().name());
        assertEquals("provisioning@acme.example", s.manager().email());
        assertFalse(Files.readString(session).contains(token.substring(6)));
        SessionCrypto.unlock(s, token);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void refusesToOverwriteWithoutForce() throws Exception {
        Path session = dir.resolve("scimsession");
        Files.writeString(session, "keep me");
        assertEquals(1, run("--account-name", "Acme", "--manager-email", "p@acme.example", "--out", session.toString()));
        assertTrue(err().contains("--force"));
        assertEquals("keep me", Files.readString(session));
        assertEquals(0, run("--account-name", "Acme", "--manager-email", "p@acme.example", "--out", session.toString(), "--force"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(session)));
    }

    @Test
    void tokenOutAndRotationKeepTheKeys() throws Exception {
        Path session = dir.resolve("scimsession");
        Path token = dir.resolve("token");
        assertEquals(0, run("--account-name", "Acme", "--manager-email", "p@acme.example", "--out", session.toString(), "--token-out", token.toString()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
        String oldToken = Files.readString(token).strip();
        assertFalse(out().contains(oldToken), "token written to a file is not printed");
        ScimSession old = ScimSessionJson.read(Files.readString(session));
        AccountKeys oldKeys = SessionCrypto.unlock(old, oldToken);

        Path newSession = dir.resolve("scimsession.new");
        Path newToken = dir.resolve("token.new");
        assertEquals(0, run("--rotate", "--from", session.toString(), "--old-token-file", token.toString(),
                "--out", newSession.toString(), "--token-out", newToken.toString()), err());
        ScimSession rotated = ScimSessionJson.read(Files.readString(newSession));
        assertTrue(out().contains("The scimsession has format version 2, which bridges of this release and later read;"), out());
        assertTrue(out().contains("one of an earlier release reads only version 1: upgrade the bridge before giving it this file."), out());
        String rotatedToken = Files.readString(newToken).strip();
        assertEquals(old.account(), rotated.account());
        assertEquals(old.manager(), rotated.manager());
        assertTrue(SessionCrypto.unlock(rotated, rotatedToken).sameKeysAs(oldKeys));
        SessionUnlockException e = org.junit.jupiter.api.Assertions.assertThrows(SessionUnlockException.class,
                () -> SessionCrypto.unlock(rotated, oldToken));
        assertEquals(SessionUnlockException.Reason.WRONG_TOKEN, e.reason());
    }

    @Test
    void aTokenThatCannotBeWrittenLeavesNoScimsession() throws Exception {
        Path session = dir.resolve("scimsession");
        assertEquals(1, run("--account-name", "Acme", "--manager-email", "p@acme.example", "--out", session.toString(),
                "--token-out", dir.resolve("missing/token").toString()));
        assertTrue(err().contains("--token-out"), err());
        assertFalse(Files.exists(session), "a scimsession whose token was never saved or shown opens nothing");
    }

    @Test
    void anExistingTokenFileWithoutForceLeavesNoScimsession() throws Exception {
        Path session = dir.resolve("scimsession");
        Path token = Files.writeString(dir.resolve("token"), "someone else's");
        assertEquals(1, run("--account-name", "Acme", "--manager-email", "p@acme.example", "--out", session.toString(),
                "--token-out", token.toString()));
        assertTrue(err().contains("--force"), err());
        assertFalse(Files.exists(session), "a scimsession whose token was never saved or shown opens nothing");
        assertEquals("someone else's", Files.readString(token));
    }

    @Test
    void rotationRefusesAnotherNameOfTheSameFile() throws Exception {
        Path session = dir.resolve("scimsession");
        Path token = dir.resolve("token");
        assertEquals(0, run("--account-name", "Acme", "--manager-email", "p@acme.example", "--out", session.toString(), "--token-out", token.toString()));
        Path link = Files.createLink(dir.resolve("same"), session);
        assertEquals(2, run("--rotate", "--from", session.toString(), "--old-token-file", token.toString(), "--out", link.toString(), "--force"));
        assertTrue(err().contains("never over it"), err());
    }

    @Test
    void rotationPrintsTheChartsSecretAsAnUpdate() throws Exception {
        Path session = dir.resolve("scimsession");
        Path token = dir.resolve("token");
        assertEquals(0, run("--account-name", "Acme", "--manager-email", "p@acme.example", "--out", session.toString(), "--token-out", token.toString()));
        assertTrue(out().contains("create secret generic scim-bridge-session --from-file=scimsession=" + session + "\n"), out());
        Path rotated = dir.resolve("scimsession.new");
        assertEquals(0, run("--rotate", "--from", session.toString(), "--old-token-file", token.toString(), "--out", rotated.toString(),
                "--token-out", dir.resolve("token.new").toString()), err());
        assertTrue(out().contains("scim-bridge-session --from-file=scimsession=" + rotated + " --dry-run=client -o yaml | kubectl"), out());
    }

    @Test
    void rotationWithTheWrongOldTokenFails() throws Exception {
        Path session = dir.resolve("scimsession");
        assertEquals(0, run("--account-name", "Acme", "--manager-email", "p@acme.example", "--out", session.toString()));
        Path wrong = Files.writeString(dir.resolve("wrong"), BearerToken.generate(new java.security.SecureRandom()));
        assertEquals(1, run("--rotate", "--from", session.toString(), "--old-token-file", wrong.toString(), "--out", dir.resolve("n").toString()));
        assertTrue(err().contains("does not open"), err());
        assertFalse(Files.exists(dir.resolve("n")));
        assertEquals(1, run("--rotate", "--from", dir.resolve("missing").toString(), "--old-token-file", wrong.toString(), "--out", dir.resolve("n").toString()));
        assertTrue(err().contains("no such file"), err());
    }
}
