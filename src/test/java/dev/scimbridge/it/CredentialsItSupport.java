package dev.scimbridge.it;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.scimbridge.testsupport.Await;
import dev.scimbridge.testsupport.ItEnvironment;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * Shared helpers of the credential ITs: the IT server's base URL and the scimsession/token pair the
 * build generated (system properties set by failsafe in the pom).
 */
final class CredentialsItSupport {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private CredentialsItSupport() {
    }

    static String baseUrl() {
        return System.getProperty("scim.it.baseUrl", "http://127.0.0.1:9080");
    }

    static Path sessionFile() {
        return Path.of(System.getProperty("scim.it.sessionFile", "target/it-scimsession"));
    }

    static Path tokenFile() {
        return Path.of(System.getProperty("scim.it.tokenFile", "target/it-token"));
    }

    static String token() throws IOException {
        return Files.readString(tokenFile()).strip();
    }

    static HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> getWithBearer(String path, String token) throws IOException, InterruptedException {
        return get(path, "Bearer " + token);
    }

    /**
     * GET with the bearer token, waiting out any back-off left by earlier wrong tokens from this
     * address (401 with Retry-After) — the IT server is shared by every IT class.
     */
    static HttpResponse<String> authorisedGet(String path, String token) throws IOException, InterruptedException {
        awaitPing(Duration.ofSeconds(120));
        long deadline = System.nanoTime() + Duration.ofSeconds(70).toNanos();
        while (true) {
            HttpResponse<String> r = getWithBearer(path, token);
            String retry = r.headers().firstValue("Retry-After").orElse(null);
            if (retry == null || System.nanoTime() > deadline || (r.statusCode() != 401 && r.statusCode() != 503)) {
                return r;
            }
            Thread.sleep(Math.min(30, Long.parseLong(retry)) * 1000L + 100);
        }
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    /** Waits until {@code /ping} answers 200. */
    static void awaitPing(Duration timeout) {
        Await.until("/ping of the IT server", timeout, () -> get("/ping", null), r -> r.statusCode() == 200, ItEnvironment::describe);
    }

    /** Runs a command, returning its exit code and output. */
    static Map.Entry<Integer, String> exec(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        return Map.entry(p.waitFor(), out);
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
