package dev.scimbridge.session;

import java.security.SecureRandom;

/** A "random" source that hands out one fixed byte value, for known-answer tests only. */
final class FixedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte value;

    FixedRandom(int value) {
        this.value = (byte) value;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        java.util.Arrays.fill(bytes, value);
    }
}
