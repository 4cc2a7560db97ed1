package dev.scimbridge.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers, tamper and wrong-token tests for the scimsession scheme. The expected values were
 * computed independently with Python's hashlib, hmac and the cryptography package's AESGCM (the
 * script is in docs/security.md).
 */
class SessionCryptoTest {
    static final String TOKEN = "scimb_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
    static final byte[] SALT = range(100, 32);
    static final byte[] IV = range(200, 12);
    static final ScimSession.Account ACCOUNT = new ScimSession.Account("00000000-0000-4000-8000-000000000001", "Acme Ünïcode");
    static final ScimSession.Manager MANAGER = new ScimSession.Manager("00000000-0000-4000-8000-000000000002", "provisioning@acme.example");
    static final Base64.Decoder B64 = Base64.getUrlDecoder();
    static final String VERIFIER_HASH = "1l1DJnDEh8gkI0ngFxSiniRFTmjkLLp9RNunkYdI0RY";
    /** {@code encCredentials.data} of the version 1 scimsession of the known inputs, as earlier builds wrote it. */
    static final String VERSION_1_DATA = "2KilRu7IteqFt4mnglGOrso6YhCQlNUx2bjuwVoRv9wC8nb97DhwzCqH29e5kgW5Yoyrci_qf757DrhecRDYUGee8ZzIZAranK6mThi-Wfg";
    /** The known inputs' scimsession in format version 1 (no token check), keys 0x11… and 0x22…. */
    static final ScimSession VERSION_1 = new ScimSession(1, ACCOUNT, MANAGER,
            new ScimSession.Verifier("PBKDF2-HMAC-SHA256", 600_000, SALT, B64.decode(VERIFIER_HASH)),
            new ScimSession.EncryptedCredentials("A256GCM", IV, B64.decode(VERSION_1_DATA)));

    static ScimSession known;
    static AccountKeys knownKeys;

    @BeforeAll
    static void wrapKnown() {
        knownKeys = new AccountKeys(filled(0x11), filled(0x22));
        known = SessionCrypto.wrap(ACCOUNT, MANAGER, knownKeys, TOKEN, 600_000, SALT, IV);
    }

    @Test
    void tokenOfKnownBytes() {
        assertEquals(TOKEN, "scimb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(range(0, 32)));
        assertTrue(BearerToken.isWellFormed(TOKEN));
    }

    @Test
    void pbkdf2KnownAnswer() {
        assertEquals("8bdd03dab3de399c71cc8bb6d2c829828ab2441284df5912512bda4346efa686",
                HexFormat.of().formatHex(SessionCrypto.deriveMaster(TOKEN, SALT, 600_000)));
    }

    /** RFC 7914 section 11's PBKDF2-HMAC-SHA256 vectors, their first 32 bytes (the one block derived). */
    @ParameterizedTest
    @MethodSource("rfc7914")
    void pbkdf2Rfc7914Vectors(String password, String salt, int iterations, String expected) {
        assertEquals(expected, HexFormat.of().formatHex(
                SessionCrypto.deriveMaster(password, salt.getBytes(StandardCharsets.US_ASCII), iterations)));
    }

    static Stream<Arguments> rfc7914() {
        return Stream.of(
                Arguments.of("passwd", "salt", 1, "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"),
                Arguments.of("Password", "NaCl", 80_000, "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"));
    }

    /** Both derivations give SunJCE's bytes: keys shorter than, as long as and longer than a block. */
    @ParameterizedTest
    @MethodSource("sunJceCases")
    void pbkdf2EqualsSunJce(String token, byte[] salt, int iterations) throws Exception {
        byte[] expected = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(token.toCharArray(), salt, iterations, 256)).getEncoded();
        assertArrayEquals(expected, SessionCrypto.deriveFromCopiedStates(token, salt, iterations));
        assertArrayEquals(expected, SessionCrypto.deriveWithSunJce(token, salt, iterations));
        assertArrayEquals(expected, SessionCrypto.deriveMaster(token, salt, iterations));
    }

    /** On the JDK this build runs (HotSpot, the SUN provider's Java SHA-256) the copied-state path is taken. */
    @Test
    void copiedStatesWhereSha256IsTheJdksJavaImplementation() {
        assertTrue(SessionCrypto.sha256IsJava(), "this build's JDK should use the SUN provider's Java SHA-256");
    }

    static Stream<Arguments> sunJceCases() {
        return Stream.of(
                Arguments.of(TOKEN, SALT, 1),
                Arguments.of(TOKEN, SALT, 2),
                Arguments.of(TOKEN, SALT, 4_096),
                Arguments.of("x", range(0, 1), 3),
                Arguments.of("k".repeat(63), SALT, 5),
                Arguments.of("k".repeat(64), SALT, 5),
                Arguments.of("k".repeat(65), SALT, 5),
                Arguments.of("k".repeat(200), range(7, 200), 17));
    }

    @Test
    void verifierAndEncryptionKeyKnownAnswers() {
        byte[] k = HexFormat.of().parseHex("8bdd03dab3de399c71cc8bb6d2c829828ab2441284df5912512bda4346efa686");
        assertArrayEquals(B64.decode(VERIFIER_HASH), SessionCrypto.hmac(k, SessionCrypto.VERIFIER_LABEL));
        assertEquals("d47f089231412c5a67027ffe8a0441c79b94270d7396a90d66274d20f4f3f2dc",
                HexFormat.of().formatHex(SessionCrypto.hmac(k, SessionCrypto.ENCRYPTION_LABEL)));
    }

    @Test
    void wrappedSessionKnownAnswer() {
        assertEquals(2, known.version());
        assertEquals(ScimSession.VERSION, known.version());
        assertEquals("PBKDF2-HMAC-SHA256", known.verifier().kdf());
        assertArrayEquals(B64.decode(VERIFIER_HASH), known.verifier().hash());
        assertArrayEquals(B64.decode("Yo3w2psE93M"), known.verifier().check());
        assertEquals("A256GCM", known.encCredentials().alg());
        assertArrayEquals(B64.decode("2KilRu7IteqFt4mnglGOrso6YhCQlNUx2bjuwVoRv9wC8nb97DhwzCqH29e5kgW5Yoyrci_qf757DrhecRDYULfPcIpTG7Z_KnarZSQRBwk"),
                known.encCredentials().data());
    }

    @Test
    void versionOneSessionOfEarlierBuildsStillUnlocks() throws Exception {
        assertTrue(SessionCrypto.unlock(VERSION_1, TOKEN).sameKeysAs(knownKeys));
        assertTrue(SessionCrypto.passesCheck(VERSION_1, BearerToken.generate(new SecureRandom())), "version 1 has no check");
        assertEquals(VERSION_1, ScimSessionJson.read(ScimSessionJson.write(VERSION_1)));
        SessionUnlockException e = assertThrows(SessionUnlockException.class,
                () -> SessionCrypto.unlock(VERSION_1, BearerToken.generate(new SecureRandom())));
        assertEquals(SessionUnlockException.Reason.WRONG_TOKEN, e.reason());
    }

    @Test
    void rotatingAVersionOneSessionWritesVersionTwo() throws Exception {
        SessionCrypto.Created rotated = SessionCrypto.rotate(VERSION_1, TOKEN, new SecureRandom());
        assertEquals(ScimSession.VERSION, rotated.session().version());
        assertTrue(SessionCrypto.passesCheck(rotated.session(), rotated.token()));
        assertFalse(SessionCrypto.passesCheck(rotated.session(), TOKEN));
        assertTrue(SessionCrypto.unlock(rotated.session(), rotated.token()).sameKeysAs(knownKeys));
    }

    @Test
    void tokenCheckPassesTheRightTokenOnly() {
        assertTrue(SessionCrypto.passesCheck(known, TOKEN));
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 1_000; i++) {
            assertFalse(SessionCrypto.passesCheck(known, BearerToken.generate(random)));
        }
        // The check is keyed by the salt: the same token has another check in another scimsession.
        assertFalse(java.util.Arrays.equals(SessionCrypto.tokenCheck(TOKEN, SALT), SessionCrypto.tokenCheck(TOKEN, range(1, 32))));
    }

    @Test
    void rightTokenUnlocksTheKeys() throws Exception {
        AccountKeys keys = SessionCrypto.unlock(known, TOKEN);
        assertTrue(keys.sameKeysAs(knownKeys));
    }

    @Test
    void roundTripThroughJsonStillUnlocks() throws Exception {
        ScimSession again = ScimSessionJson.read(ScimSessionJson.write(known));
        assertEquals(known, again);
        assertTrue(SessionCrypto.unlock(again, TOKEN).sameKeysAs(knownKeys));
    }

    @Test
    void wrongTokenIsRefusedAsWrongToken() {
        String wrong = BearerToken.generate(new SecureRandom());
        SessionUnlockException e = assertThrows(SessionUnlockException.class, () -> SessionCrypto.unlock(known, wrong));
        assertEquals(SessionUnlockException.Reason.WRONG_TOKEN, e.reason());
        assertFalse(e.getMessage().contains(wrong));
    }

    @Test
    void malformedTokenIsRefusedWithoutKdf() {
        for (String bad : new String[] {"", "scimb_", "Bearer " + TOKEN, TOKEN + "A", TOKEN.replace("scimb_", "scima_"), TOKEN.substring(0, 48) + "9"}) {
            SessionUnlockException e = assertThrows(SessionUnlockException.class, () -> SessionCrypto.unlock(known, bad), bad);
            assertEquals(SessionUnlockException.Reason.WRONG_TOKEN, e.reason());
        }
    }

    @Test
    void tokenOfAnotherSessionIsRefused() throws Exception {
        SessionCrypto.Created other = SessionCrypto.createAccount("Other", "ops@other.example", new SecureRandom());
        SessionUnlockException e = assertThrows(SessionUnlockException.class, () -> SessionCrypto.unlock(known, other.token()));
        assertEquals(SessionUnlockException.Reason.WRONG_TOKEN, e.reason());
    }

    static Stream<Arguments> tampered() {
        return Stream.of(
                tamper("account.id", SessionUnlockException.Reason.TAMPERED, s -> new ScimSession(s.version(), new ScimSession.Account("00000000-0000-4000-8000-000000000009", s.account().name()), s.manager(), s.verifier(), s.encCredentials())),
                tamper("account.name", SessionUnlockException.Reason.TAMPERED, s -> new ScimSession(s.version(), new ScimSession.Account(s.account().id(), "Evil"), s.manager(), s.verifier(), s.encCredentials())),
                tamper("manager.id", SessionUnlockException.Reason.TAMPERED, s -> new ScimSession(s.version(), s.account(), new ScimSession.Manager("x", s.manager().email()), s.verifier(), s.encCredentials())),
                tamper("manager.email", SessionUnlockException.Reason.TAMPERED, s -> new ScimSession(s.version(), s.account(), new ScimSession.Manager(s.manager().id(), "evil@x.example"), s.verifier(), s.encCredentials())),
                tamper("version", SessionUnlockException.Reason.TAMPERED, s -> new ScimSession(3, s.account(), s.manager(), s.verifier(), s.encCredentials())),
                tamper("version 1 with the check removed", SessionUnlockException.Reason.TAMPERED, s -> new ScimSession(1, s.account(), s.manager(), withCheck(s.verifier(), null), s.encCredentials())),
                tamper("verifier.check", SessionUnlockException.Reason.WRONG_TOKEN, s -> new ScimSession(s.version(), s.account(), s.manager(), withCheck(s.verifier(), flip(s.verifier().check())), s.encCredentials())),
                tamper("verifier.kdf", SessionUnlockException.Reason.TAMPERED, s -> new ScimSession(s.version(), s.account(), s.manager(), new ScimSession.Verifier("PBKDF2-HMAC-SHA1", s.verifier().iterations(), s.verifier().salt(), s.verifier().hash(), s.verifier().check()), s.encCredentials())),
                tamper("verifier.iterations", SessionUnlockException.Reason.WRONG_TOKEN, s -> new ScimSession(s.version(), s.account(), s.manager(), new ScimSession.Verifier(s.verifier().kdf(), 600_001, s.verifier().salt(), s.verifier().hash(), s.verifier().check()), s.encCredentials())),
                tamper("verifier.salt", SessionUnlockException.Reason.WRONG_TOKEN, s -> new ScimSession(s.version(), s.account(), s.manager(), new ScimSession.Verifier(s.verifier().kdf(), s.verifier().iterations(), flip(s.verifier().salt()), s.verifier().hash(), s.verifier().check()), s.encCredentials())),
                tamper("verifier.hash", SessionUnlockException.Reason.WRONG_TOKEN, s -> new ScimSession(s.version(), s.account(), s.manager(), new ScimSession.Verifier(s.verifier().kdf(), s.verifier().iterations(), s.verifier().salt(), flip(s.verifier().hash()), s.verifier().check()), s.encCredentials())),
                tamper("encCredentials.alg", SessionUnlockException.Reason.TAMPERED, s -> new ScimSession(s.version(), s.account(), s.manager(), s.verifier(), new ScimSession.EncryptedCredentials("A128GCM", s.encCredentials().iv(), s.encCredentials().data()))),
                tamper("encCredentials.iv", SessionUnlockException.Reason.TAMPERED, s -> new ScimSession(s.version(), s.account(), s.manager(), s.verifier(), new ScimSession.EncryptedCredentials("A256GCM", flip(s.encCredentials().iv()), s.encCredentials().data()))),
                tamper("encCredentials.data", SessionUnlockException.Reason.TAMPERED, s -> new ScimSession(s.version(), s.account(), s.manager(), s.verifier(), new ScimSession.EncryptedCredentials("A256GCM", s.encCredentials().iv(), flip(s.encCredentials().data())))),
                tamper("encCredentials.data truncated", SessionUnlockException.Reason.TAMPERED, s -> new ScimSession(s.version(), s.account(), s.manager(), s.verifier(), new ScimSession.EncryptedCredentials("A256GCM", s.encCredentials().iv(), java.util.Arrays.copyOf(s.encCredentials().data(), 40)))));
    }

    static ScimSession.Verifier withCheck(ScimSession.Verifier v, byte[] check) {
        return new ScimSession.Verifier(v.kdf(), v.iterations(), v.salt(), v.hash(), check);
    }

    /**
     * Every field changed fails the unlock with the right token: as altered (GCM, the version, the algorithms),
     * or as a wrong token where the change is to what the token is checked against (check, salt, cost, hash).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tampered")
    void everyAlteredFieldFailsTheUnlock(String field, SessionUnlockException.Reason reason, UnaryOperator<ScimSession> change) {
        ScimSession altered = change.apply(known);
        assertNotEquals(known, altered);
        SessionUnlockException e = assertThrows(SessionUnlockException.class, () -> SessionCrypto.unlock(altered, TOKEN), field);
        assertEquals(reason, e.reason(), field);
    }

    @Test
    void theVersionSaysWhetherThereIsACheck() {
        ScimSession.Verifier withCheck = known.verifier();
        ScimSession.Verifier without = withCheck(withCheck, null);
        assertThrows(IllegalArgumentException.class,
                () -> new ScimSession(1, ACCOUNT, MANAGER, withCheck, known.encCredentials()));
        assertThrows(IllegalArgumentException.class,
                () -> new ScimSession(2, ACCOUNT, MANAGER, without, known.encCredentials()));
        assertThrows(IllegalArgumentException.class,
                () -> new ScimSession(2, ACCOUNT, MANAGER, withCheck(withCheck, new byte[4]), known.encCredentials()));
    }

    @Test
    void headerFieldsAreUnambiguous() {
        // "ab" + "c" must not encode like "a" + "bc".
        byte[] one = SessionCrypto.header(1, new ScimSession.Account("ab", "c"), MANAGER, known.verifier(), "A256GCM");
        byte[] two = SessionCrypto.header(1, new ScimSession.Account("a", "bc"), MANAGER, known.verifier(), "A256GCM");
        assertFalse(java.util.Arrays.equals(one, two));
    }

    @Test
    void rotationKeepsTheKeysAndChangesTheToken() throws Exception {
        SessionCrypto.Created rotated = SessionCrypto.rotate(known, TOKEN, new SecureRandom());
        assertNotEquals(TOKEN, rotated.token());
        assertEquals(known.account(), rotated.session().account());
        assertEquals(known.manager(), rotated.session().manager());
        assertFalse(java.util.Arrays.equals(known.verifier().salt(), rotated.session().verifier().salt()));
        assertTrue(SessionCrypto.unlock(rotated.session(), rotated.token()).sameKeysAs(knownKeys));
        assertThrows(SessionUnlockException.class, () -> SessionCrypto.unlock(rotated.session(), TOKEN));
        assertThrows(SessionUnlockException.class, () -> SessionCrypto.rotate(known, rotated.token(), new SecureRandom()));
    }

    @Test
    void createdAccountsAreFreshAndWellFormed() throws Exception {
        SessionCrypto.Created a = SessionCrypto.createAccount("Acme", "p@acme.example", new SecureRandom());
        SessionCrypto.Created b = SessionCrypto.createAccount("Acme", "p@acme.example", new SecureRandom());
        assertTrue(BearerToken.isWellFormed(a.token()));
        assertTrue(a.token().matches(BearerToken.PATTERN));
        assertNotEquals(a.token(), b.token());
        assertNotEquals(a.session().account().id(), b.session().account().id());
        assertNotEquals(a.session().account().id(), a.session().manager().id());
        assertEquals(SessionCrypto.DEFAULT_ITERATIONS, a.session().verifier().iterations());
        assertFalse(SessionCrypto.unlock(a.session(), a.token()).sameKeysAs(SessionCrypto.unlock(b.session(), b.token())));
        assertFalse(a.toString().contains(a.token()));
    }

    @Test
    void keysNeverShowInToString() {
        assertEquals("AccountKeys[redacted]", knownKeys.toString());
        assertFalse(known.toString().contains("hash"));
    }

    static Arguments tamper(String name, SessionUnlockException.Reason reason, UnaryOperator<ScimSession> change) {
        return Arguments.of(name, reason, change);
    }

    static byte[] flip(byte[] b) {
        byte[] c = b.clone();
        c[c.length - 1] ^= 0x01;
        return c;
    }

    static byte[] range(int from, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }

    static byte[] filled(int v) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) v);
        return b;
    }
}
