package dev.scimbridge.testsupport;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * What the build tells the integration tests (failsafe system properties): where the Liberty server
 * under test listens and which Redis it uses. Also small HTTP helpers and condition waits, so no test
 * sleeps and hopes.
 */
public final class ItEnvironment {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private ItEnvironment() {
    }

    public static String baseUrl() {
        return required("scim.it.baseUrl");
    }

    public static String redisUrl() {
        return required("scim.it.redisUrl");
    }

    /** The bearer token the build generated for the IT server. */
    public static String token() {
        try {
            return Files.readString(Path.of(required("scim.it.tokenFile"))).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the build started the test Redis itself (so a test may stop and restart it). */
    public static boolean redisOwnedByBuild() {
        return !Boolean.parseBoolean(System.getProperty("scim.it.redisExternal", "false"));
    }

    public static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set; run the ITs with mvn verify");
        }
        return value;
    }

    /** The packaged WAR the ITs' server runs ({@code target/scim-bridge.war}). */
    public static Path war() {
        return Path.of(required("scim.it.war"));
    }

    public static HttpClient http() {
        return HTTP;
    }

    public static HttpResponse<String> get(String path) {
        return getUrl(baseUrl() + path);
    }

    /** GET on an absolute URL, for servers the tests start themselves. */
    public static HttpResponse<String> getUrl(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build());
    }

    /** A loopback port that was free a moment ago (bind to 0, read, close), for servers the tests start. */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** Polls {@code path} until the response satisfies {@code condition} or {@code timeout} passes. */
    public static HttpResponse<String> awaitResponse(String path, Predicate<HttpResponse<String>> condition, Duration timeout) {
        return Await.until("the condition on " + path, timeout, () -> get(path), condition, ItEnvironment::describe);
    }

    /** A response for failure messages: its status and body. */
    public static String describe(HttpResponse<String> response) {
        return response.statusCode() + " " + response.body();
    }
}
