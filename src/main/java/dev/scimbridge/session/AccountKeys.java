package dev.scimbridge.session;

import java.security.SecureRandom;
import java.util.Arrays;

import javax.security.auth.Destroyable;

/**
 * The account's two secret keys, 256 bits each, created once by the setup command and kept across
 * token rotations:
 * <ul>
 *   <li>the <b>data-encryption key</b>: AES-256-GCM key for directory records at rest;</li>
 *   <li>the <b>blind-index key</b>: HMAC-SHA256 key for lookups by normalised value.</li>
 * </ul>
 * They live only in memory after unlock. {@link #toString()} never shows them; {@link #destroy()}
 * zeroes them. In the scimsession they are encrypted as {@code dataKey || blindIndexKey} (64 bytes).
 */
public final class AccountKeys implements Destroyable {
    public static final int KEY_BYTES = 32;

    private final byte[] dataKey;
    private final byte[] blindIndexKey;
    private volatile boolean destroyed;

    public AccountKeys(byte[] dataKey, byte[] blindIndexKey) {
        if (dataKey.length != KEY_BYTES || blindIndexKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("account keys must be 32 bytes each");
        }
        this.dataKey = dataKey.clone();
        this.blindIndexKey = blindIndexKey.clone();
    }

    /** Two fresh keys from {@code random}. */
    public static AccountKeys generate(SecureRandom random) {
        byte[] d = new byte[KEY_BYTES];
        byte[] b = new byte[KEY_BYTES];
        random.nextBytes(d);
        random.nextBytes(b);
        try {
            return new AccountKeys(d, b);
        } finally {
            Arrays.fill(d, (byte) 0);
            Arrays.fill(b, (byte) 0);
        }
    }

    /** The 64-byte plaintext of {@code encCredentials}: data key then blind-index key. */
    static AccountKeys fromPlaintext(byte[] plaintext) {
        if (plaintext.length != 2 * KEY_BYTES) {
            throw new IllegalArgumentException("account key block must be 64 bytes");
        }
        return new AccountKeys(Arrays.copyOfRange(plaintext, 0, KEY_BYTES),
                Arrays.copyOfRange(plaintext, KEY_BYTES, 2 * KEY_BYTES));
    }

    byte[] toPlaintext() {
        byte[] out = new byte[2 * KEY_BYTES];
        System.arraycopy(dataKey(), 0, out, 0, KEY_BYTES);
        System.arraycopy(blindIndexKey(), 0, out, KEY_BYTES, KEY_BYTES);
        return out;
    }

    /** A copy of the data-encryption key; callers should zero it when done. */
    byte[] dataKey() {
        check();
        return dataKey.clone();
    }

    /** A copy of the blind-index key; callers should zero it when done. */
    byte[] blindIndexKey() {
        check();
        return blindIndexKey.clone();
    }

    /** Whether two key sets are the same keys (constant time). For rotation checks and tests. */
    public boolean sameKeysAs(AccountKeys other) {
        return java.security.MessageDigest.isEqual(dataKey(), other.dataKey())
                & java.security.MessageDigest.isEqual(blindIndexKey(), other.blindIndexKey());
    }

    private void check() {
        if (destroyed) {
            throw new IllegalStateException("account keys destroyed");
        }
    }

    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(dataKey, (byte) 0);
        Arrays.fill(blindIndexKey, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "AccountKeys[redacted]";
    }
}
