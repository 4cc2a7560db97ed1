package dev.scimbridge.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import dev.scimbridge.session.AuthResult;
import dev.scimbridge.session.BearerToken;
import dev.scimbridge.session.FailureBackoff;
import dev.scimbridge.session.SessionCrypto;
import dev.scimbridge.session.SessionLoad;
import dev.scimbridge.session.TokenAuthenticator;

/**
 * Micro-benchmark of authentication (not a test; figures go to docs/security.md).
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.scimbridge.bench.AuthBenchmark \
 *     http://127.0.0.1:3002 target/it-token [threads] [seconds]
 * </pre>
 *
 * Part 1 (in process): the cost of {@link TokenAuthenticator#authenticate} before unlock for a wrong
 * token (refused by the scimsession's token check), after unlock for the right and a wrong token, and of
 * one KDF run. Part 2 (HTTP, only with a base URL): requests per second and mean
 * latency for {@code GET /ping} (no auth), {@code GET /auth/check} with the right token and with a
 * wrong token, after a warm-up, with a few client threads over keep-alive connections.
 */
public final class AuthBenchmark {

    public static void main(String[] args) throws Exception {
        inProcess();
        if (args.length >= 2) {
            int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
            int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
            http(args[0], Files.readString(Path.of(args[1])).strip(), threads, seconds);
        }
    }

    static void inProcess() throws Exception {
        SecureRandom random = new SecureRandom();
        SessionCrypto.Created c = SessionCrypto.createAccount("Bench", "p@bench.example", random);
        long t0 = System.nanoTime();
        SessionCrypto.unlock(c.session(), c.token());
        System.out.printf("KDF + unlock (600000 iterations): %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        TokenAuthenticator auth = new TokenAuthenticator(SessionLoad.ok(c.session(), List.of()), SessionCrypto::unlock,
                new FailureBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 1000, System::nanoTime), Duration.ofSeconds(10));
        String[] wrongTokens = new String[1024];
        for (int i = 0; i < wrongTokens.length; i++) {
            wrongTokens[i] = BearerToken.generate(random);
        }
        for (int round = 0; round < 2; round++) {
            int n = 1_000_000;
            long start = System.nanoTime();
            int unauthorized = 0;
            for (int i = 0; i < n; i++) {
                unauthorized += auth.authenticate(wrongTokens[i & 1023], "bench").outcome() == AuthResult.Outcome.UNAUTHORIZED ? 1 : 0;
            }
            System.out.printf("authenticate() before unlock, wrong token (token check)%s: %.0f ns/op (%d refused)%n",
                    round == 0 ? " [warm-up]" : "", (System.nanoTime() - start) / (double) n, unauthorized);
        }
        if (auth.authenticate(c.token(), "bench").outcome() != AuthResult.Outcome.OK) {
            throw new IllegalStateException("unlock failed");
        }
        String wrong = BearerToken.generate(random);
        for (String[] run : new String[][] {{"right token", c.token()}, {"wrong token", wrong}}) {
            int n = 2_000_000;
            for (int i = 0; i < n; i++) {
                auth.authenticate(run[1], "bench");
            }
            long start = System.nanoTime();
            int ok = 0;
            for (int i = 0; i < n; i++) {
                ok += auth.authenticate(run[1], "bench").outcome() == AuthResult.Outcome.OK ? 1 : 0;
            }
            System.out.printf("authenticate() after unlock, %s: %.0f ns/op (%d ok)%n", run[0], (System.nanoTime() - start) / (double) n, ok);
        }
    }

    static void http(String base, String token, int threads, int seconds) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String wrong = BearerToken.generate(new SecureRandom());
        // Unlock first (a wrong token before unlock would put this address in back-off).
        send(client, base + "/auth/check", token, 200);
        Object[][] cases = {
                {"GET /ping (no auth)", base + "/ping", null, 200},
                {"GET /auth/check, right token", base + "/auth/check", token, 200},
                {"GET /auth/check, wrong token", base + "/auth/check", wrong, 401},
        };
        for (Object[] c : cases) {
            run(client, (String) c[1], (String) c[2], (int) c[3], threads, 3);
        }
        for (Object[] c : cases) {
            double[] r = run(client, (String) c[1], (String) c[2], (int) c[3], threads, seconds);
            System.out.printf("%-32s %8.0f req/s  mean %.3f ms  (%d threads, %d s)%n", c[0], r[0], r[1], threads, seconds);
        }
    }

    static double[] run(HttpClient client, String url, String token, int expect, int threads, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong count = new AtomicLong();
        AtomicLong nanos = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    send(client, url, token, expect);
                    nanos.addAndGet(System.nanoTime() - s);
                    count.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        return new double[] {count.get() / (double) seconds, nanos.get() / 1e6 / count.get()};
    }

    static void send(HttpClient client, String url, String token, int expect) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<Void> r = client.send(b.build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != expect) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ", expected " + expect);
        }
    }
}
