package dev.scimbridge.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScimSessionJsonTest {
    static final ScimSession SESSION = SessionCrypto.wrap(SessionCryptoTest.ACCOUNT, SessionCryptoTest.MANAGER,
            new AccountKeys(SessionCryptoTest.filled(1), SessionCryptoTest.filled(2)), SessionCryptoTest.TOKEN,
            600_000, SessionCryptoTest.SALT, SessionCryptoTest.IV);

    @Test
    void writesTheDocumentedShape() {
        JsonObject json = Json.createReader(new java.io.StringReader(ScimSessionJson.write(SESSION))).readObject();
        assertEquals(2, json.getInt("version"));
        assertEquals(SessionCryptoTest.ACCOUNT.id(), json.getJsonObject("account").getString("id"));
        assertEquals("Acme Ünïcode", json.getJsonObject("account").getString("name"));
        assertEquals("provisioning@acme.example", json.getJsonObject("manager").getString("email"));
        assertEquals("PBKDF2-HMAC-SHA256", json.getJsonObject("verifier").getString("kdf"));
        assertEquals(600000, json.getJsonObject("verifier").getInt("iterations"));
        assertEquals(11, json.getJsonObject("verifier").getString("check").length());
        assertEquals("A256GCM", json.getJsonObject("encCredentials").getString("alg"));
        assertFalse(json.getJsonObject("encCredentials").getString("data").contains("="));
    }

    @Test
    void readsWhatItWrites() throws Exception {
        assertEquals(SESSION, ScimSessionJson.read(ScimSessionJson.write(SESSION)));
    }

    @Test
    void wrongVersionIsReportedAsSuch() {
        String v3 = ScimSessionJson.write(SESSION).replace("\"version\": 2", "\"version\": 3");
        ScimSessionFormatException e = assertThrows(ScimSessionFormatException.class, () -> ScimSessionJson.read(v3));
        assertTrue(e.unsupportedVersion());
        assertTrue(e.getMessage().contains("version 3"), e.getMessage());
        assertTrue(e.getMessage().contains("versions 1 and 2"), e.getMessage());
    }

    @Test
    void versionOneIsReadWithoutACheck() throws Exception {
        String v1 = ScimSessionJson.write(SessionCryptoTest.VERSION_1);
        JsonObject json = Json.createReader(new java.io.StringReader(v1)).readObject();
        assertEquals(1, json.getInt("version"));
        assertFalse(json.getJsonObject("verifier").containsKey("check"));
        ScimSession read = ScimSessionJson.read(v1);
        assertEquals(1, read.version());
        assertEquals(null, read.verifier().check());
    }

    @Test
    void theCheckBelongsToVersionTwoOnly() {
        String good = ScimSessionJson.write(SESSION);
        String check = Json.createReader(new java.io.StringReader(good)).readObject().getJsonObject("verifier").getString("check");
        String[][] cases = {
                {good.replace("\"version\": 2", "\"version\": 1"), "verifier.check is not part of format version 1"},
                {good.replace(",\n        \"check\": \"" + check + "\"", ""), "verifier.check must be a string"},
                {good.replace("\"check\": \"" + check + "\"", "\"check\": \"" + check + "AAA\""), "verifier.check must be 8 bytes"},
        };
        for (String[] c : cases) {
            assertFalse(c[0].equals(good), c[1]);
            ScimSessionFormatException e = assertThrows(ScimSessionFormatException.class, () -> ScimSessionJson.read(c[0]), c[1]);
            assertEquals(c[1], e.getMessage());
            assertFalse(e.unsupportedVersion());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{}", "{\"version\":\"1\"}", "{\"version\":1}", "{\"version\":1.5}"})
    void malformedDocuments(String text) {
        ScimSessionFormatException e = assertThrows(ScimSessionFormatException.class, () -> ScimSessionJson.read(text));
        assertFalse(e.unsupportedVersion());
    }

    @Test
    void missingOrMistypedFieldsAreNamedWithoutValues() {
        String good = ScimSessionJson.write(SESSION);
        String saltValue = Json.createReader(new java.io.StringReader(good)).readObject().getJsonObject("verifier").getString("salt");
        String[][] cases = {
                {"\"salt\": \"" + saltValue + "\"", "\"salt\": \"***not base64***\"", "verifier.salt"},
                {"\"salt\": \"" + saltValue + "\"", "\"salt\": 5", "verifier.salt"},
                {"\"iterations\": 600000", "\"iterations\": 1000", "verifier.iterations"},
                {"\"email\": \"provisioning@acme.example\"", "\"email\": \"\"", "manager.email"},
                {"\"encCredentials\"", "\"encCreds\"", "encCredentials"},
        };
        for (String[] c : cases) {
            String bad = good.replace(c[0], c[1]);
            ScimSessionFormatException e = assertThrows(ScimSessionFormatException.class, () -> ScimSessionJson.read(bad), c[1]);
            assertTrue(e.getMessage().contains(c[2]), e.getMessage());
            assertFalse(e.getMessage().contains(saltValue));
        }
    }

    @Test
    void parseErrorsDoNotQuoteTheInput() {
        ScimSessionFormatException e = assertThrows(ScimSessionFormatException.class,
                () -> ScimSessionJson.read("{\"version\":1, SECRETSTUFF"));
        assertFalse(e.getMessage().contains("SECRETSTUFF"));
    }
}
