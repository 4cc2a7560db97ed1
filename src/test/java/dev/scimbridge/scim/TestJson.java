package dev.scimbridge.scim;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Test helper: JSON written with single quotes, so rows in {@code @CsvSource} stay readable. */
public final class TestJson {
    private TestJson() {
    }

    /** Parses {@code json} after turning every {@code '} into {@code "}. */
    public static JsonObject obj(String json) {
        return Json.createReader(new StringReader(json.replace('\'', '"'))).readObject();
    }

    /** Parses any JSON value after turning every {@code '} into {@code "}. */
    public static JsonValue value(String json) {
        return Json.createReader(new StringReader(json.replace('\'', '"'))).readValue();
    }
}
