package dev.scimbridge.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest for directory records, and blind indexes, with the unlocked {@link AccountKeys}.
 * The store calls it; it holds no state besides the keys and is safe to share between threads.
 *
 * <pre>
 * seal(recordKey, plaintext) = 0x01 || iv (12 random bytes) || AES-256-GCM(dataKey, iv, plaintext,
 *                                                                  aad = UTF-8(recordKey)) (ciphertext || 16-byte tag)
 * blindIndex(value)          = base64url-without-padding(HMAC-SHA256(blindIndexKey, UTF-8(value)))
 * </pre>
 *
 * The record key is normally the Redis key the record is stored under, for example
 * {@code scim:{9b0c…}:user:51e2…}: a record copied to another key no longer opens. Callers normalise
 * before {@code blindIndex} (for {@code userName}: lower case, per RFC 7643 §4.1.1), so that
 * {@code blindIndex(lower(userName))} is the index field for {@code userName eq "…"}.
 *
 * <p>Example: {@code byte[] sealed = codec.seal(keys.user(id), json); byte[] json = codec.open(keys.user(id), sealed);}
 */
public final class RecordCodec {
    /** First byte of every sealed record: the format, so the scheme can change later. */
    public static final byte FORMAT_V1 = 0x01;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec dataKey;
    private final SecretKeySpec blindIndexKey;
    private final SecureRandom random;
    private final ThreadLocal<Mac> blindMac;
    /** One AES-GCM Cipher a thread, re-initialised with a fresh IV for every record (getInstance is not free). */
    private final ThreadLocal<Cipher> gcm = ThreadLocal.withInitial(RecordCodec::newGcm);

    public RecordCodec(AccountKeys keys) {
        this(keys, new SecureRandom());
    }

    RecordCodec(AccountKeys keys, SecureRandom random) {
        byte[] d = keys.dataKey();
        byte[] b = keys.blindIndexKey();
        try {
            this.dataKey = new SecretKeySpec(d, "AES");
            this.blindIndexKey = new SecretKeySpec(b, "HmacSHA256");
        } finally {
            Arrays.fill(d, (byte) 0);
            Arrays.fill(b, (byte) 0);
        }
        this.random = random;
        this.blindMac = ThreadLocal.withInitial(this::newMac);
    }

    /** Encrypts {@code plaintext} bound to {@code recordKey}. */
    public byte[] seal(String recordKey, byte[] plaintext) {
        byte[] out = new byte[1 + IV_BYTES + plaintext.length + TAG_BITS / 8];
        out[0] = FORMAT_V1;
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        System.arraycopy(iv, 0, out, 1, IV_BYTES);
        try {
            Cipher cipher = gcm.get();
            cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(recordKey.getBytes(StandardCharsets.UTF_8));
            cipher.doFinal(plaintext, 0, plaintext.length, out, 1 + IV_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("record encryption failed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Decrypts a record sealed for {@code recordKey}.
     *
     * @throws RecordIntegrityException when the bytes were changed, belong to another key, or were
     *                                  sealed with other account keys
     */
    public byte[] open(String recordKey, byte[] sealed) {
        if (sealed == null || sealed.length < 1 + IV_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT_V1) {
            throw new RecordIntegrityException("not a sealed record");
        }
        try {
            Cipher cipher = gcm.get();
            cipher.init(Cipher.DECRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, sealed, 1, IV_BYTES));
            cipher.updateAAD(recordKey.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new RecordIntegrityException("the record does not authenticate under its key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("record decryption failed: " + e.getClass().getSimpleName());
        }
    }

    /** The blind index of an already normalised value: base64url, no padding, 43 characters. */
    public String blindIndex(String normalisedValue) {
        Mac mac = blindMac.get();
        byte[] h = mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
    }

    private static Cipher newGcm() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM unavailable", e);
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(blindIndexKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "RecordCodec[keys redacted]";
    }

    /** A sealed record that does not authenticate: tampering, a swapped key, or other account keys. */
    public static final class RecordIntegrityException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RecordIntegrityException(String message) {
            super(message, null, false, false);
        }
    }
}
