package dev.scimbridge.conformance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small SCIM 2.0 client for the conformance ITs: the JDK {@link HttpClient} against
 * {@code ${scim.it.baseUrl}/scim/v2}, with the bearer token read from the file named by
 * {@code scim.it.tokenFile}.
 *
 * <p>Without either system property the calling test is skipped (a JUnit assumption), so the suite can
 * be compiled and run before the credentials work provides the token file:
 *
 * <pre>{@code
 * ScimClient scim = ScimClient.connect();
 * ScimResponse created = scim.post("/Users", Fixtures.load("okta/create-user.json", "userName", "a@b.example"));
 * scim.deleteLater("/Users/" + created.json().getString("id"));
 * }</pre>
 *
 * <p>Resources registered with {@link #deleteLater(String)} are deleted by {@link #cleanUp()} (best effort,
 * newest first), so reruns against the same Redis leave little behind.
 */
final class ScimClient {
    static final String SCIM_ROOT = "/scim/v2";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final String root;
    private final String token;
    private final Deque<String> toDelete = new ArrayDeque<>();

    private ScimClient(String root, String token) {
        this.root = root;
        this.token = token;
    }

    /** A client for the server under test, or a skipped test when the build did not say where it is. */
    static ScimClient connect() {
        String baseUrl = System.getProperty("scim.it.baseUrl");
        assumeTrue(baseUrl != null && !baseUrl.isBlank(),
                "system property scim.it.baseUrl is not set: run the conformance ITs with mvn verify");
        String tokenFile = System.getProperty("scim.it.tokenFile");
        assumeTrue(tokenFile != null && !tokenFile.isBlank(),
                "system property scim.it.tokenFile is not set (it arrives with the credentials work): "
                        + "no bearer token, so the SCIM conformance ITs are skipped");
        Path path = Path.of(tokenFile);
        assumeTrue(Files.isReadable(path), "scim.it.tokenFile names " + path + ", which is not readable: skipped");
        String token;
        try {
            token = Files.readString(path, StandardCharsets.US_ASCII).replaceAll("\\s", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assumeTrue(!token.isEmpty(), "the token file " + path + " is empty: skipped");
        return new ScimClient(baseUrl.replaceAll("/+$", "") + SCIM_ROOT, token);
    }

    /** {@code https://host/scim/v2}: what an administrator enters as the tenant / connector base URL. */
    String root() {
        return root;
    }

    ScimResponse get(String path, String... headers) {
        return send("GET", path, null, true, headers);
    }

    ScimResponse post(String path, String body, String... headers) {
        return send("POST", path, body, true, headers);
    }

    ScimResponse put(String path, String body, String... headers) {
        return send("PUT", path, body, true, headers);
    }

    ScimResponse patch(String path, String body, String... headers) {
        return send("PATCH", path, body, true, headers);
    }

    ScimResponse delete(String path, String... headers) {
        return send("DELETE", path, null, true, headers);
    }

    /**
     * Sends one request. {@code path} is relative to the SCIM root and may carry a query string;
     * {@code headers} are name/value pairs. A body is sent as {@code application/scim+json}, which is
     * what both Entra ID and Okta send.
     */
    ScimResponse send(String method, String path, String body, boolean authenticate, String... headers) {
        return sendBytes(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), authenticate, headers);
    }

    /** As {@link #send(String, String, String, boolean, String...)}, with the body's bytes as given. */
    ScimResponse sendBytes(String method, String path, byte[] body, boolean authenticate, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers must be name/value pairs");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/scim+json")
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/scim+json; charset=utf-8");
        }
        if (authenticate) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ScimResponse(method + " " + root + path, response);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + root + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers a resource path (e.g. {@code /Users/<id>}) for {@link #cleanUp()}. */
    synchronized void deleteLater(String path) {
        toDelete.push(path);
    }

    /** Deletes what {@link #deleteLater(String)} registered, newest first; ignores the outcome. */
    synchronized void cleanUp() {
        while (!toDelete.isEmpty()) {
            String path = toDelete.pop();
            try {
                delete(path);
            } catch (RuntimeException e) {
                // best effort: a failed clean-up must not hide the test's own result
            }
        }
    }

    /**
     * A filter as Entra ID puts it in the query string: form-encoded, spaces as {@code +}
     * ({@code filter=userName+eq+%22alice%40example.com%22}).
     */
    static String entraQuery(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    /** A filter as Okta puts it in the query string: spaces as {@code %20}. */
    static String oktaQuery(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
