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
        assertEquals(1, json.getInt("version"));
        assertEquals(SessionCryptoTest.ACCOUNT.id(), json.getJsonObject("account").getString("id"));
        assertEquals("Acme Ünïcode", json.getJsonObject("account").getString("name"));
        assertEquals("provisioning@acme.example", json.getJsonObject("manager").getString("email"));
        assertEquals("PBKDF2-HMAC-SHA256", json.getJsonObject("verifier").getString("kdf"));
        assertEquals(600000, json.getJsonObject("verifier").getInt("iterations"));
        assertEquals("A256GCM", json.getJsonObject("encCredentials").getString("alg"));
        assertFalse(json.getJsonObject("encCredentials").getString("data").contains("="));
    }

    @Test
    void readsWhatItWrites() throws Exception {
        assertEquals(SESSION, ScimSessionJson.read(ScimSessionJson.write(SESSION)));
    }

    @Test
    void wrongVersionIsReportedAsSuch() {
        String v2 = ScimSessionJson.write(SESSION).replace("\"version\": 1", "\"version\": 2");
        ScimSessionFormatException e = assertThrows(ScimSessionFormatException.class, () -> ScimSessionJson.read(v2));
        assertTrue(e.unsupportedVersion());
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
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
