package dev.scimbridge.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dev.scimbridge.session.FailureBackoff;
import dev.scimbridge.session.SessionCrypto;
import dev.scimbridge.session.SessionLoader;
import dev.scimbridge.session.TokenAuthenticator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readiness answer for each bad-session case, from the real loader (the IT checks the HTTP wiring
 * for the good case; restarting Liberty with each bad config would take minutes).
 */
class ScimSessionReadinessCheckTest {
    @TempDir
    Path dir;

    ScimSessionReadinessCheck.Result readiness(Optional<String> setting) {
        TokenAuthenticator auth = new TokenAuthenticator(SessionLoader.load(setting), SessionCrypto::unlock,
                new FailureBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 10, System::nanoTime), Duration.ofSeconds(1));
        return ScimSessionReadinessCheck.evaluate(auth.state(), auth.problem().orElse(null));
    }

    void assertDown(ScimSessionReadinessCheck.Result r, String problem, String reasonPart) {
        assertFalse(r.up());
        assertEquals(problem, r.data().get("problem"));
        String reason = r.data().get("reason");
        assertTrue(reason.contains(reasonPart), reason);
    }

    @Test
    void missing() {
        assertDown(readiness(Optional.empty()), "missing", "scim.session is not set");
        assertDown(readiness(Optional.of(dir.resolve("absent").toString())), "missing", "names no file");
    }

    @Test
    void unreadable() {
        assertDown(readiness(Optional.of(dir.toString())), "unreadable", "directory");
    }

    @Test
    void malformed() throws Exception {
        Path f = Files.writeString(dir.resolve("s"), "{\"version\": 1, \"account\": 3}");
        assertDown(readiness(Optional.of(f.toString())), "malformed", "account");
    }

    @Test
    void wrongVersion() throws Exception {
        Path f = Files.writeString(dir.resolve("s"), "{\"version\": 9}");
        assertDown(readiness(Optional.of(f.toString())), "unsupported_version", "version 9");
    }

    @Test
    void lockedIsUp() throws Exception {
        SessionCrypto.Created c = SessionCrypto.createAccount("Acme", "p@acme.example", new java.security.SecureRandom());
        Path f = Files.writeString(dir.resolve("s"), dev.scimbridge.session.ScimSessionJson.write(c.session()));
        ScimSessionReadinessCheck.Result r = readiness(Optional.of(f.toString()));
        assertTrue(r.up());
        assertEquals("locked", r.data().get("state"));
    }
}
