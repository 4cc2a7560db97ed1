package dev.scimbridge.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** The token's digest, which every request's token check compares (TokenAuthenticator). */
class BearerTokenTest {

    private static byte[] sha256(String token) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void theDigestIsTheTokensSha256EveryTimeAndFromManyThreadsAtOnce() throws Exception {
        SecureRandom random = new SecureRandom();
        List<String> tokens = List.of(BearerToken.generate(random), BearerToken.generate(random), "scimb_");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> checks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                checks.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        String token = tokens.get(i % tokens.size());
                        assertArrayEquals(sha256(token), BearerToken.digest(token));
                    }
                    return null;
                }));
            }
            for (Future<?> check : checks) {
                check.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
