package dev.scimbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import dev.scimbridge.session.BearerToken;
import dev.scimbridge.session.ScimSession;
import dev.scimbridge.session.ScimSessionJson;
import dev.scimbridge.session.SessionCrypto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar target/scim-setup.jar} as an operator runs it: its own JVM, nothing else on the class path. */
class SetupJarIT {
    static final String JAR = System.getProperty("scim.it.setupJar", "target/scim-setup.jar");

    @TempDir
    Path dir;

    Map.Entry<Integer, String> setup(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(CredentialsItSupport.javaBin(), "-jar", JAR));
        cmd.addAll(List.of(args));
        return CredentialsItSupport.exec(cmd, Map.of());
    }

    @Test
    void help() throws Exception {
        Map.Entry<Integer, String> r = setup("--help");
        assertEquals(0, r.getKey(), r.getValue());
        assertTrue(r.getValue().contains("--rotate"));
    }

    @Test
    void badFlag() throws Exception {
        Map.Entry<Integer, String> r = setup("--nope");
        assertNotEquals(0, r.getKey());
        assertEquals(1, r.getValue().strip().lines().count(), r.getValue());
    }

    @Test
    void generatesOwnerOnlyFilesThatUnlock() throws Exception {
        Path session = dir.resolve("scimsession");
        Path token = dir.resolve("token");
        Map.Entry<Integer, String> r = setup("--account-name", "Acme", "--manager-email", "provisioning@acme.example",
                "--out", session.toString(), "--token-out", token.toString());
        assertEquals(0, r.getKey(), r.getValue());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(session)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
        String t = Files.readString(token).strip();
        assertTrue(t.matches(BearerToken.PATTERN));
        ScimSession s = ScimSessionJson.read(Files.readString(session));
        SessionCrypto.unlock(s, t);

        Map.Entry<Integer, String> again = setup("--account-name", "Acme", "--manager-email", "p@acme.example", "--out", session.toString());
        assertEquals(1, again.getKey(), again.getValue());
        assertTrue(again.getValue().contains("--force"));

        Map.Entry<Integer, String> printed = setup("--account-name", "Acme", "--manager-email", "p@acme.example", "--out", dir.resolve("s2").toString());
        assertEquals(0, printed.getKey());
        assertTrue(java.util.regex.Pattern.compile(BearerToken.PATTERN).matcher(printed.getValue()).find());
    }
}
