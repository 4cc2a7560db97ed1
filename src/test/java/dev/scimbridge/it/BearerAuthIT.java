package dev.scimbridge.it;

import static dev.scimbridge.it.CredentialsItSupport.authorisedGet;
import static dev.scimbridge.it.CredentialsItSupport.get;
import static dev.scimbridge.it.CredentialsItSupport.getWithBearer;
import static dev.scimbridge.it.CredentialsItSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import dev.scimbridge.session.BearerToken;
import dev.scimbridge.session.SessionCrypto;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bearer-token filter over HTTP against the real Liberty with the build's scimsession. */
class BearerAuthIT {
    static String token;

    @BeforeAll
    static void unlock() throws Exception {
        token = CredentialsItSupport.token();
        HttpResponse<String> r = authorisedGet("/auth/check", token);
        assertEquals(200, r.statusCode(), r.body());
    }

    static void assertUnauthorized(HttpResponse<String> r) {
        assertEquals(401, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer realm=\"SCIM\""),
                r.headers().map().toString());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/scim+json"));
        JsonObject body = json(r.body());
        assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", body.getJsonArray("schemas").getString(0));
        assertEquals("401", body.getString("status"));
        assertFalse(r.body().contains(token));
    }

    @Test
    void pingNeedsNoToken() throws Exception {
        HttpResponse<String> r = get("/ping", null);
        assertEquals(200, r.statusCode());
        assertEquals("pong", r.body());
    }

    @Test
    void noHeader() throws Exception {
        assertUnauthorized(get("/auth/check", null));
        assertUnauthorized(get("/scim/v2/Users", null));
    }

    @Test
    void wrongScheme() throws Exception {
        assertUnauthorized(get("/auth/check", "Basic " + java.util.Base64.getEncoder().encodeToString(("x:" + token).getBytes())));
        assertUnauthorized(get("/auth/check", token));
    }

    @Test
    void malformedAndWrongTokens() throws Exception {
        assertUnauthorized(getWithBearer("/auth/check", "not-a-token"));
        assertUnauthorized(getWithBearer("/auth/check", token.substring(0, token.length() - 2) + "AA"));
        assertUnauthorized(getWithBearer("/auth/check", BearerToken.generate(new SecureRandom())));
    }

    @Test
    void tokenOfAnotherScimsession() throws Exception {
        String other = SessionCrypto.createAccount("Other", "p@other.example", new SecureRandom()).token();
        assertUnauthorized(getWithBearer("/auth/check", other));
    }

    @Test
    void rightToken() throws Exception {
        HttpResponse<String> r = getWithBearer("/auth/check", token);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(json(r.body()).getBoolean("authenticated"));
        // Lower-case scheme is accepted (RFC 7235: schemes are case-insensitive).
        assertEquals(200, get("/auth/check", "bearer " + token).statusCode());
        // Past the filter, an unknown path is JAX-RS' 404, not a 401.
        assertEquals(404, getWithBearer("/scim/v2/NoSuchThing", token).statusCode());
    }

    @Test
    void readinessReportsTheUnlockedSession() throws Exception {
        HttpResponse<String> r = get("/health/ready", null);
        assertTrue(r.body().contains("\"scimsession\""), r.body());
        JsonObject check = json(r.body()).getJsonArray("checks").stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("name").equals("scimsession")).findFirst().orElseThrow();
        assertEquals("UP", check.getString("status"));
        assertEquals("unlocked", check.getJsonObject("data").getString("state"));
        assertFalse(r.body().contains(token));
    }

    @Test
    void theTokenNeverReachesTheServerLog() throws Exception {
        Path wlp = Path.of(System.getProperty("scim.it.wlpHome", "target/liberty/wlp"));
        Path logs = wlp.resolve("usr/servers").resolve(System.getProperty("scim.it.serverName", "scimBridgeIT")).resolve("logs");
        Path messages = logs.resolve("messages.log");
        assertTrue(Files.exists(messages), messages.toString());
        try (var files = Files.walk(logs)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(token), "token found in " + f);
                assertFalse(text.contains(token.substring(BearerToken.PREFIX.length())), "token body found in " + f);
                assertFalse(text.contains("\"encCredentials\""), "scimsession contents found in " + f);
            }
        }
    }
}
