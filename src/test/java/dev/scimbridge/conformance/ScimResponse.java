package dev.scimbridge.conformance;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** One HTTP answer of the server under test, with the request line kept for assertion messages. */
record ScimResponse(String request, int status, HttpResponse<String> raw) {

    ScimResponse(String request, HttpResponse<String> raw) {
        this(request, raw.statusCode(), raw);
    }

    String body() {
        return raw.body();
    }

    Optional<String> header(String name) {
        return raw.headers().firstValue(name);
    }

    /** The body parsed as a JSON object; fails the test with the whole exchange if it is not one. */
    JsonObject json() {
        try (JsonReader reader = Json.createReader(new StringReader(body()))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new AssertionError("not a JSON object: " + this, e);
        }
    }

    @Override
    public String toString() {
        return request + " -> " + status + " " + raw.headers().map() + " " + body();
    }
}
