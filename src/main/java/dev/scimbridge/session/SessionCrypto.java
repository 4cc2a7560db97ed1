package dev.scimbridge.session;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The scimsession cryptography, JDK providers only (docs/security.md has the same text for review):
 *
 * <pre>
 * k        = PBKDF2-HMAC-SHA256(password = token (ASCII, prefix included), salt, iterations, 32 bytes)
 * verifier = HMAC-SHA256(k, "scimbridge/scimsession/v1/verifier")     -- stored as verifier.hash
 * check    = first 8 bytes of HMAC-SHA256(salt, "scimbridge/scimsession/v2/token-check" || token)
 *                                                                     -- stored as verifier.check (version 2)
 * encKey   = HMAC-SHA256(k, "scimbridge/scimsession/v1/encryption")   -- never stored
 * encCredentials.data = AES-256-GCM(encKey, iv (12 random bytes), plaintext = dataKey || blindIndexKey,
 *                                   aad = header, 128-bit tag)
 * header   = "scimbridge/scimsession" followed by, for each field in this order, a 4-byte big-endian
 *            length and the field's bytes: version (decimal), account.id, account.name, manager.id,
 *            manager.email (UTF-8), verifier.kdf, verifier.iterations (decimal), verifier.salt,
 *            verifier.hash (raw bytes), verifier.check (raw bytes; version 2 only), encCredentials.alg
 * </pre>
 *
 * In version 2 a token is first checked against {@code verifier.check}, which costs one HMAC: a wrong
 * token fails it (all but one in 2^64 of them, so finding one that passes by sending tokens is out of
 * reach) without the KDF, so before unlock a client with wrong tokens neither costs the bridge half a
 * second each nor puts its address in back-off. A reader of the file can test candidates against the check
 * at one HMAC each, so against such a reader the KDF adds little: what protects the token is its random
 * bits, of which the check makes 64 knowable and leaves 192. A check altered in the file refuses the right
 * token as a wrong one (the bridge stays locked), like an altered hash or salt. Then, after the KDF,
 * {@code verifier.hash} in constant time (wrong token: no decryption attempt); then GCM authenticates the ciphertext, the IV and the whole header, so a change to any
 * field is detected. Changing the salt or the cost changes {@code k}, so it reads as a wrong token.
 */
public final class SessionCrypto {
    public static final String KDF = "PBKDF2-HMAC-SHA256";
    public static final String ALG = "A256GCM";
    /** The least PBKDF2 cost accepted (OWASP 2023 figure for PBKDF2-HMAC-SHA256). */
    public static final int MIN_ITERATIONS = 600_000;
    /** The greatest PBKDF2 cost accepted, so a crafted file cannot stall the bridge for minutes. */
    public static final int MAX_ITERATIONS = 10_000_000;
    /** The cost the setup command writes. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    public static final int SALT_BYTES = 32;
    public static final int IV_BYTES = 12;
    static final String VERIFIER_LABEL = "scimbridge/scimsession/v1/verifier";
    static final String ENCRYPTION_LABEL = "scimbridge/scimsession/v1/encryption";
    static final String CHECK_LABEL = "scimbridge/scimsession/v2/token-check";
    /** Bytes of the token check: a wrong token passes it by chance once in 2^64. */
    public static final int CHECK_BYTES = 8;
    static final String HEADER_MAGIC = "scimbridge/scimsession";
    private static final int SHA256_BLOCK_BYTES = 64;
    /** The JDK's Java SHA-256 (SUN provider), whose state copies are cheap Java objects. */
    private static final String JAVA_SHA256 = "sun.security.provider.SHA2$SHA256";
    private static final boolean SHA256_IS_JAVA = sha256IsJava();

    private SessionCrypto() {
    }

    /** What the setup command produces: the session to write, and the token to hand over once. */
    public record Created(ScimSession session, String token) {
        @Override
        public String toString() {
            return "Created[" + session + ", token=redacted]";
        }
    }

    /** A new account: fresh ids, fresh account keys, a fresh token. */
    public static Created createAccount(String accountName, String managerEmail, SecureRandom random) {
        AccountKeys keys = AccountKeys.generate(random);
        try {
            ScimSession.Account account = new ScimSession.Account(randomUuid(random), accountName);
            ScimSession.Manager manager = new ScimSession.Manager(randomUuid(random), managerEmail);
            String token = BearerToken.generate(random);
            return new Created(wrap(account, manager, keys, token, DEFAULT_ITERATIONS, random), token);
        } finally {
            keys.destroy();
        }
    }

    /**
     * Rotation: a new token and a new scimsession wrapping the <b>same</b> account keys and identities,
     * so nothing stored needs re-encryption. Fails if {@code oldToken} does not open {@code old}.
     */
    public static Created rotate(ScimSession old, String oldToken, SecureRandom random) throws SessionUnlockException {
        AccountKeys keys = unlock(old, oldToken);
        try {
            String token = BearerToken.generate(random);
            return new Created(wrap(old.account(), old.manager(), keys, token, old.verifier().iterations()
                    < DEFAULT_ITERATIONS ? DEFAULT_ITERATIONS : old.verifier().iterations(), random), token);
        } finally {
            keys.destroy();
        }
    }

    /** Encrypts {@code keys} under {@code token} with a fresh salt and IV. */
    public static ScimSession wrap(ScimSession.Account account, ScimSession.Manager manager, AccountKeys keys,
                                   String token, int iterations, SecureRandom random) {
        checkIterations(iterations);
        byte[] salt = new byte[SALT_BYTES];
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(salt);
        random.nextBytes(iv);
        return wrap(account, manager, keys, token, iterations, salt, iv);
    }

    /** Deterministic form of {@link #wrap(ScimSession.Account, ScimSession.Manager, AccountKeys, String, int, SecureRandom)}, for known-answer tests. */
    static ScimSession wrap(ScimSession.Account account, ScimSession.Manager manager, AccountKeys keys,
                            String token, int iterations, byte[] salt, byte[] iv) {
        byte[] k = deriveMaster(token, salt, iterations);
        byte[] verifierHash = hmac(k, VERIFIER_LABEL);
        byte[] encKey = hmac(k, ENCRYPTION_LABEL);
        byte[] plaintext = keys.toPlaintext();
        try {
            ScimSession.Verifier verifier = new ScimSession.Verifier(KDF, iterations, salt, verifierHash, tokenCheck(token, salt));
            byte[] aad = header(ScimSession.VERSION, account, manager, verifier, ALG);
            byte[] data = gcm(Cipher.ENCRYPT_MODE, encKey, iv, aad, plaintext);
            return new ScimSession(ScimSession.VERSION, account, manager, verifier,
                    new ScimSession.EncryptedCredentials(ALG, iv, data));
        } finally {
            Arrays.fill(k, (byte) 0);
            Arrays.fill(encKey, (byte) 0);
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Opens {@code session} with {@code token}: the token check (version 2), then the KDF once (slow on
     * purpose), the verifier in constant time, then decrypts and authenticates {@code encCredentials}.
     */
    public static AccountKeys unlock(ScimSession session, String token) throws SessionUnlockException {
        if (!BearerToken.isWellFormed(token)) {
            throw new SessionUnlockException(SessionUnlockException.Reason.WRONG_TOKEN, "not a bearer token");
        }
        ScimSession.Verifier v = session.verifier();
        if (!KDF.equals(v.kdf()) || !ALG.equals(session.encCredentials().alg())) {
            throw new SessionUnlockException(SessionUnlockException.Reason.TAMPERED, "unsupported algorithm");
        }
        checkIterations(v.iterations());
        if (!passesCheck(session, token)) {
            throw new SessionUnlockException(SessionUnlockException.Reason.WRONG_TOKEN, "the token does not match the scimsession");
        }
        byte[] k = deriveMaster(token, v.salt(), v.iterations());
        byte[] encKey = null;
        byte[] plaintext = null;
        try {
            if (!MessageDigest.isEqual(hmac(k, VERIFIER_LABEL), v.hash())) {
                throw new SessionUnlockException(SessionUnlockException.Reason.WRONG_TOKEN, "the token does not match the scimsession");
            }
            encKey = hmac(k, ENCRYPTION_LABEL);
            byte[] aad = header(session.version(), session.account(), session.manager(), v, session.encCredentials().alg());
            try {
                plaintext = gcm(Cipher.DECRYPT_MODE, encKey, session.encCredentials().iv(), aad, session.encCredentials().data());
                return AccountKeys.fromPlaintext(plaintext);
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw new SessionUnlockException(SessionUnlockException.Reason.TAMPERED,
                        "the scimsession was altered: its encrypted credentials do not authenticate");
            }
        } finally {
            Arrays.fill(k, (byte) 0);
            if (encKey != null) {
                Arrays.fill(encKey, (byte) 0);
            }
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    /**
     * Whether {@code token} (well-formed) passes the scimsession's token check: one HMAC, compared in
     * constant time. Every token passes a version 1 scimsession, which has no check.
     */
    public static boolean passesCheck(ScimSession session, String token) {
        byte[] check = session.verifier().check();
        return check == null || MessageDigest.isEqual(tokenCheck(token, session.verifier().salt()), check);
    }

    /** The first {@value #CHECK_BYTES} bytes of {@code HMAC-SHA256(salt, CHECK_LABEL || token)}. */
    static byte[] tokenCheck(String token, byte[] salt) {
        byte[] label = CHECK_LABEL.getBytes(StandardCharsets.US_ASCII);
        byte[] tokenBytes = BearerToken.bytes(token);
        byte[] message = Arrays.copyOf(label, label.length + tokenBytes.length);
        System.arraycopy(tokenBytes, 0, message, label.length, tokenBytes.length);
        try {
            return Arrays.copyOf(hmac(salt, message), CHECK_BYTES);
        } finally {
            Arrays.fill(tokenBytes, (byte) 0);
            Arrays.fill(message, (byte) 0);
        }
    }

    static void checkIterations(int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("KDF iterations must be between " + MIN_ITERATIONS + " and " + MAX_ITERATIONS);
        }
    }

    /**
     * {@code k = PBKDF2-HMAC-SHA256(token, salt, iterations, 32 bytes)}. Where SHA-256 is the JDK's own
     * Java implementation (HotSpot builds), {@link #deriveFromCopiedStates}; elsewhere (an OpenSSL-backed
     * digest, as some OpenJ9 builds provide, whose every copy is a native context) SunJCE's
     * {@code PBKDF2WithHmacSHA256}. Both give the same bytes (SessionCryptoTest).
     */
    static byte[] deriveMaster(String token, byte[] salt, int iterations) {
        return SHA256_IS_JAVA ? deriveFromCopiedStates(token, salt, iterations) : deriveWithSunJce(token, salt, iterations);
    }

    /** Whether SHA-256 is the JDK's Java implementation, read from the provider's service entry. */
    static boolean sha256IsJava() {
        MessageDigest md = sha256();
        Provider.Service service = md.getProvider().getService("MessageDigest", md.getAlgorithm());
        return service != null && JAVA_SHA256.equals(service.getClassName());
    }

    /** SunJCE's {@code PBKDF2WithHmacSHA256}: four SHA-256 compressions an iteration. */
    static byte[] deriveWithSunJce(String token, byte[] salt, int iterations) {
        char[] password = token.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            // SunJCE encodes the password chars as UTF-8; the token is ASCII, so these are its bytes.
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(password, '\0');
        }
    }

    /**
     * RFC 8018 section 5.2 for one block, with HMAC (RFC 2104) taken from the key's inner and outer SHA-256
     * states, each hashed once and copied for every iteration: two compressions an iteration instead of
     * the four of SunJCE's, which hashes both padded keys again every time. About half the CPU of the
     * unlock at start-up on HotSpot (docs/benchmarks.md, round 7).
     */
    static byte[] deriveFromCopiedStates(String token, byte[] salt, int iterations) {
        byte[] key = token.getBytes(StandardCharsets.UTF_8);
        byte[] pad = new byte[SHA256_BLOCK_BYTES];
        MessageDigest inner = sha256();
        MessageDigest outer = sha256();
        try {
            if (key.length > SHA256_BLOCK_BYTES) {
                byte[] hashed = inner.digest(key);
                Arrays.fill(key, (byte) 0);
                key = hashed;
            }
            padKey(key, (byte) 0x36, pad);
            inner.update(pad);
            padKey(key, (byte) 0x5c, pad);
            outer.update(pad);
            byte[] u = hmacFromStates(inner, outer, salt, new byte[] {0, 0, 0, 1});
            byte[] t = u.clone();
            for (int i = 1; i < iterations; i++) {
                byte[] next = hmacFromStates(inner, outer, u);
                Arrays.fill(u, (byte) 0);
                u = next;
                for (int j = 0; j < t.length; j++) {
                    t[j] ^= u[j];
                }
            }
            Arrays.fill(u, (byte) 0);
            return t;
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(pad, (byte) 0);
            inner.reset();
            outer.reset();
        }
    }

    private static void padKey(byte[] key, byte pad, byte[] into) {
        Arrays.fill(into, pad);
        for (int i = 0; i < key.length; i++) {
            into[i] = (byte) (key[i] ^ pad);
        }
    }

    /** HMAC-SHA256 of the message parts, from copies of the key's inner and outer states. */
    private static byte[] hmacFromStates(MessageDigest innerState, MessageDigest outerState, byte[]... parts) {
        MessageDigest inner = copy(innerState);
        for (byte[] part : parts) {
            inner.update(part);
        }
        byte[] innerHash = inner.digest();
        MessageDigest outer = copy(outerState);
        outer.update(innerHash);
        Arrays.fill(innerHash, (byte) 0);
        return outer.digest();
    }

    private static MessageDigest copy(MessageDigest state) {
        try {
            return (MessageDigest) state.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest state cannot be copied", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    static byte[] hmac(byte[] key, String label) {
        return hmac(key, label.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The GCM associated data: every header field, length-prefixed so no two headers encode alike. */
    static byte[] header(int version, ScimSession.Account account, ScimSession.Manager manager,
                         ScimSession.Verifier verifier, String alg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(HEADER_MAGIC.getBytes(StandardCharsets.US_ASCII));
        field(out, Integer.toString(version).getBytes(StandardCharsets.US_ASCII));
        field(out, utf8(account.id()));
        field(out, utf8(account.name()));
        field(out, utf8(manager.id()));
        field(out, utf8(manager.email()));
        field(out, utf8(verifier.kdf()));
        field(out, Integer.toString(verifier.iterations()).getBytes(StandardCharsets.US_ASCII));
        field(out, verifier.salt());
        field(out, verifier.hash());
        if (version >= ScimSession.VERSION) {
            byte[] check = verifier.check();
            field(out, check == null ? new byte[0] : check);
        }
        field(out, utf8(alg));
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        out.writeBytes(value);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** AES-256-GCM with a 128-bit tag; a failed tag check surfaces as {@link IllegalStateException}. */
    static byte[] gcm(int mode, byte[] key, byte[] iv, byte[] aad, byte[] input) {
        if (iv.length != IV_BYTES) {
            throw new IllegalArgumentException("bad IV length");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("authentication failed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed: " + e.getClass().getSimpleName());
        }
    }

    private static String randomUuid(SecureRandom random) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        ByteBuffer buf = ByteBuffer.wrap(b);
        return new UUID(buf.getLong(), buf.getLong()).toString();
    }
}
