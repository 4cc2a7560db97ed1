package dev.scimbridge.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer token: {@value #PREFIX} followed by 32 random bytes in base64url without padding
 * (43 characters), 49 characters in all, for example {@code scimb_Q2hhbmdlIG1lIGJ5IHJ1bm5pbmcgc2NpbS1zZXR1cCE}.
 *
 * <p>The fixed prefix lets secret scanners (GitHub push protection, gitleaks, trufflehog) recognise
 * a leaked token with the pattern {@value #PATTERN}. The token is printed once by the setup command
 * and never stored in clear by the bridge: it keeps only its SHA-256 digest after unlock.
 */
public final class BearerToken {
    /** The recognisable prefix of every token. */
    public static final String PREFIX = "scimb_";
    /** A regular expression matching exactly one token, for secret scanners. */
    public static final String PATTERN = "scimb_[A-Za-z0-9_-]{43}";
    /** Random bytes in a token. */
    public static final int RANDOM_BYTES = 32;
    /** Length of a token string. */
    public static final int LENGTH = PREFIX.length() + 43;

    /** Never digested into: {@link #digest} works on copies. */
    private static final MessageDigest SHA256 = sha256();

    private BearerToken() {
    }

    /** A new token from {@code random}. */
    public static String generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        try {
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Whether {@code token} has the shape of a token (prefix, length, base64url alphabet). A cheap
     * syntactic check that says nothing about whether it is the right token.
     */
    public static boolean isWellFormed(String token) {
        if (token == null || token.length() != LENGTH || !token.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            char c = token.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        // 43 characters carry 258 bits; the last character must leave the two spare bits zero.
        return "AEIMQUYcgkosw048".indexOf(token.charAt(LENGTH - 1)) >= 0;
    }

    /** The token's bytes as the KDF and the digest see them (US-ASCII; the token is ASCII only). */
    static byte[] bytes(String token) {
        return token.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * SHA-256 of the token, the value the bridge caches after unlock to check every later request. Each call
     * copies one digest made at class load rather than looking SHA-256 up among the security providers
     * again (about 40 % of the token check's time, docs/benchmarks.md round 27); a provider whose digests
     * cannot be copied is asked for a new one each time.
     */
    public static byte[] digest(String token) {
        MessageDigest md;
        try {
            md = (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            md = sha256();
        }
        return md.digest(bytes(token));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
