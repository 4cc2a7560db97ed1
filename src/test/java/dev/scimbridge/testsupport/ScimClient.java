package dev.scimbridge.testsupport;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.json.JsonObject;

/** An authenticated SCIM client for integration tests: the IT server's bearer token on every call. */
public final class ScimClient {
    /** The bridge's User extension, whose {@code state} is invited, active or suspended. */
    public static final String BRIDGE_USER = "urn:scimbridge:params:scim:schemas:extension:bridge:2.0:User";

    private final String root;
    private final String token;

    private ScimClient(String root, String token) {
        this.root = root;
        this.token = token;
    }

    /** A client of the IT server's {@code /scim/v2}, with the token the build generated. */
    public static ScimClient forItServer() {
        return new ScimClient(ItEnvironment.baseUrl() + "/scim/v2", ItEnvironment.token());
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    /**
     * Waits until the bridge's extension says user {@code id} is in {@code state} (the IT server's
     * confirmation watcher turns a new user from invited to active within 2 s, a new version); its body then.
     */
    public JsonObject awaitUserState(String id, String state, Duration timeout) {
        return Await.until("user " + id + " " + state, timeout, () -> ItEnvironment.json(get("/Users/" + id).body()),
                user -> state.equals(user.getJsonObject(BRIDGE_USER).getString("state")));
    }

    public HttpResponse<String> post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    public HttpResponse<String> put(String path, String body, String... headers) {
        return send("PUT", path, body, headers);
    }

    public HttpResponse<String> patch(String path, String body, String... headers) {
        return send("PATCH", path, body, headers);
    }

    public HttpResponse<String> delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** Sends {@code method path} with optional JSON body and header name/value pairs. */
    public HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/scim+json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return ItEnvironment.send(request.build());
    }
}
