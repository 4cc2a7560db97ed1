package dev.scimbridge.session;

import java.util.Objects;

/**
 * A parsed scimsession file (format {@value #VERSION}, or {@value #VERSION_WITHOUT_CHECK} as written by
 * earlier builds): who the account is, and the account's secret keys encrypted under a key derived from
 * the bearer token.
 *
 * <pre>
 * {
 *   "version": 2,
 *   "account": {"id": "9b0c…", "name": "Acme"},
 *   "manager": {"id": "51e2…", "email": "provisioning@acme.example"},
 *   "verifier": {"kdf": "PBKDF2-HMAC-SHA256", "iterations": 600000, "salt": "…", "hash": "…", "check": "…"},
 *   "encCredentials": {"alg": "A256GCM", "iv": "…", "data": "…"}
 * }
 * </pre>
 *
 * Binary values are base64url without padding. The file alone is ciphertext: nothing in it lets a
 * reader recover the account keys or the token. The scheme is in docs/security.md and
 * {@link SessionCrypto}. Byte arrays are copied in and out, so a record is immutable.
 */
public record ScimSession(int version, Account account, Manager manager, Verifier verifier,
                          EncryptedCredentials encCredentials) {

    /** The format version this build writes: version 1 and the token check ({@link Verifier#check()}). */
    public static final int VERSION = 2;
    /** The format earlier builds wrote, without the token check; still read and unlocked. */
    public static final int VERSION_WITHOUT_CHECK = 1;

    public ScimSession {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(encCredentials, "encCredentials");
        if (version == VERSION && (verifier.check == null || verifier.check.length != SessionCrypto.CHECK_BYTES)) {
            throw new IllegalArgumentException("format version " + VERSION + " has a token check of " + SessionCrypto.CHECK_BYTES + " bytes");
        }
        if (version == VERSION_WITHOUT_CHECK && verifier.check != null) {
            throw new IllegalArgumentException("format version " + VERSION_WITHOUT_CHECK + " has no token check");
        }
    }

    /** The account this scimsession provisions. {@code id} is also the Redis hash tag. */
    public record Account(String id, String name) {
        public Account {
            Objects.requireNonNull(id, "account.id");
            Objects.requireNonNull(name, "account.name");
        }
    }

    /** The provision manager: the built-in user the IdP acts as. The email is for display only. */
    public record Manager(String id, String email) {
        public Manager {
            Objects.requireNonNull(id, "manager.id");
            Objects.requireNonNull(email, "manager.email");
        }
    }

    /**
     * How to check a token before trying to decrypt: KDF name and cost, salt, the expected hash, and in
     * version 2 the token check, 8 bytes that a wrong token fails in microseconds without the KDF
     * ({@link SessionCrypto#passesCheck}); {@code null} in version 1.
     */
    public record Verifier(String kdf, int iterations, byte[] salt, byte[] hash, byte[] check) {
        public Verifier {
            Objects.requireNonNull(kdf, "verifier.kdf");
            salt = salt.clone();
            hash = hash.clone();
            check = check == null ? null : check.clone();
        }

        /** A version 1 verifier, without the token check. */
        public Verifier(String kdf, int iterations, byte[] salt, byte[] hash) {
            this(kdf, iterations, salt, hash, null);
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }

        @Override
        public byte[] hash() {
            return hash.clone();
        }

        @Override
        public byte[] check() {
            return check == null ? null : check.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Verifier v && v.kdf.equals(kdf) && v.iterations == iterations
                    && java.util.Arrays.equals(v.salt, salt) && java.util.Arrays.equals(v.hash, hash)
                    && java.util.Arrays.equals(v.check, check);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kdf, iterations, java.util.Arrays.hashCode(salt), java.util.Arrays.hashCode(hash),
                    java.util.Arrays.hashCode(check));
        }

        @Override
        public String toString() {
            return "Verifier[kdf=" + kdf + ", iterations=" + iterations + ", check=" + (check != null) + "]";
        }
    }

    /** The account keys, AES-256-GCM encrypted ({@code data} is ciphertext followed by the 16-byte tag). */
    public record EncryptedCredentials(String alg, byte[] iv, byte[] data) {
        public EncryptedCredentials {
            Objects.requireNonNull(alg, "encCredentials.alg");
            iv = iv.clone();
            data = data.clone();
        }

        @Override
        public byte[] iv() {
            return iv.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof EncryptedCredentials e && e.alg.equals(alg)
                    && java.util.Arrays.equals(e.iv, iv) && java.util.Arrays.equals(e.data, data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(alg, java.util.Arrays.hashCode(iv), java.util.Arrays.hashCode(data));
        }

        @Override
        public String toString() {
            return "EncryptedCredentials[alg=" + alg + "]";
        }
    }

    @Override
    public String toString() {
        // Identities only: nothing here is secret, but keep log lines short and free of key material.
        return "ScimSession[version=" + version + ", account=" + account.id() + "]";
    }
}
