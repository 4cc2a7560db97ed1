package dev.scimbridge.it;

import static dev.scimbridge.testsupport.ItEnvironment.freePort;
import static dev.scimbridge.testsupport.ItEnvironment.getUrl;
import static dev.scimbridge.testsupport.ItEnvironment.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.scimbridge.testsupport.ItEnvironment;
import dev.scimbridge.testsupport.ServerProcesses;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar ({@code target/scim-bridge-runnable.jar}, profile {@code runnable}) started the way
 * docs/install/runnable-jar.md says: {@code java -jar} with {@code HTTP_PORT}, {@code SCIM_REDIS_URL}
 * and {@code WLP_JAR_EXTRACT_ROOT}. It must become ready against the integration tests' Redis, stop on
 * SIGTERM, and start a second time from the same extraction root (with {@code WLP_JAR_EXTRACT_DIR}
 * instead, a second start fails).
 */
class RunnableJarIT {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    @Test
    void startsReadyAgainstTheConfiguredRedisAndStartsAgainAfterAStop() throws Exception {
        Path jar = Path.of(ItEnvironment.required("scim.it.runnableJar"));
        assertTrue(Files.isRegularFile(jar), jar + " is missing: the runnable profile packages it (mvn verify activates it)");
        Path work = jar.resolveSibling("runnable-it");
        Path extractRoot = work.resolve("extract");
        ServerProcesses.deleteRecursively(work); // every start extracts to a new directory under the root
        Files.createDirectories(extractRoot);
        System.out.printf("RunnableJarIT: %s is %.1f MB%n", jar.getFileName(), Files.size(jar) / 1e6);

        for (int run = 1; run <= 2; run++) {
            startCheckStop(jar, extractRoot, work.resolve("run-" + run + ".log"), run);
        }
    }

    private static void startCheckStop(Path jar, Path extractRoot, Path log, int run) throws Exception {
        int port = freePort();
        String redisUrl = ItEnvironment.redisUrl();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("SCIM_") || name.startsWith("WLP_"));
        env.put("HTTP_PORT", Integer.toString(port));
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("SCIM_REDIS_URL", redisUrl);
        env.put("WLP_JAR_EXTRACT_ROOT", extractRoot.toString());
        String session = System.getProperty("scim.it.sessionFile"); // once the build generates one
        if (session != null && !session.isBlank()) {
            env.put("SCIM_SESSION", session);
        }
        boolean jsonLogs = run == 2; // the second start also proves SCIM_LOG_FORMAT=json
        if (jsonLogs) {
            env.put("SCIM_LOG_FORMAT", "json");
        }
        // The second start also unlocks at start-up with SCIM_TOKEN_FILE (the early unlock of StartupUnlockExtension).
        boolean tokenFile = run == 2 && session != null && !session.isBlank();
        if (tokenFile) {
            env.put("SCIM_TOKEN_FILE", CredentialsItSupport.tokenFile().toAbsolutePath().toString());
        }

        Instant started = Instant.now();
        Process process = builder.start();
        try {
            HttpResponse<String> ready = ServerProcesses.awaitReady("http://127.0.0.1:" + port + "/health/ready", READY_TIMEOUT, log, process);
            System.out.printf("RunnableJarIT: start %d ready after %d ms%n", run, Duration.between(started, Instant.now()).toMillis());
            JsonObject body = json(ready.body());
            assertEquals("UP", body.getString("status"), body.toString());
            assertTrue(body.getJsonArray("checks").stream().map(JsonObject.class::cast)
                    .anyMatch(c -> c.getString("name").equals("redis") && c.getString("status").equals("UP")), body.toString());
            // The application starts only once the start-up unlock has ended: the first UP already says unlocked.
            String sessionState = body.getJsonArray("checks").stream().map(JsonObject.class::cast)
                    .filter(c -> c.getString("name").equals("scimsession")).findFirst()
                    .map(c -> c.getJsonObject("data").getString("state", "")).orElse("");
            assertEquals(tokenFile ? "unlocked" : "locked", sessionState, body.toString());

            // The jar has no development Redis (PackagedWarIT): the log must name the configured one.
            String output = Files.readString(log);
            URI redis = URI.create(redisUrl);
            String endpoint = "Redis: redis://" + redis.getHost() + ":" + redis.getPort();
            if (jsonLogs) {
                // One JSON object a line (JSON escapes "/" as "\/", so read the message field).
                String tail = ServerProcesses.tail(log);
                JsonObject line = Files.readAllLines(log).stream().filter(l -> l.startsWith("{"))
                        .map(ItEnvironment::json).filter(j -> j.getString("message", "").contains(endpoint))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no JSON log line with the Redis endpoint:\n" + tail));
                assertEquals("liberty_message", line.getString("type"), line.toString());
            } else {
                assertTrue(output.contains(endpoint), "the bridge did not log the configured Redis endpoint:\n" + ServerProcesses.tail(log));
            }
            assertFalse(output.contains("EMBEDDED Redis"), "the bridge started the embedded Redis:\n" + ServerProcesses.tail(log));
            // SCIM_METRICS_ENABLED is unset here: server.env's default lets server.xml's include resolve.
            assertFalse(output.contains("CWWKG0084W"), "an unresolved include was logged:\n" + ServerProcesses.tail(log));
            // Metrics are opt-in (SCIM_METRICS_ENABLED), and the minified jar does not even carry the feature.
            HttpResponse<String> metrics = getUrl("http://127.0.0.1:" + port + "/metrics");
            assertNotEquals(200, metrics.statusCode(), metrics.body());
            assertFalse(metrics.body().contains("# TYPE"), metrics.body());
        } finally {
            stop(process);
        }
    }

    /**
     * SIGTERM to {@code java -jar}, which is only a launcher: it extracted the jar and runs the server in a
     * child JVM (with the server's jvm.options), and stops that child when it is itself stopped.
     */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        boolean stopped = process.waitFor(60, TimeUnit.SECONDS);
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (!stopped) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("java -jar did not stop within 60 s of SIGTERM");
        }
    }
}
