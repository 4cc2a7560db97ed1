package dev.scimbridge.service;

import jakarta.json.JsonObject;

/** A rendered resource and its version, from which the resource layer writes the {@code ETag}. */
public record Versioned(JsonObject resource, long version) {

    /** The weak entity tag of RFC 7644 §3.14: {@code W/"<version>"}. */
    public String etag() {
        return etag(version);
    }

    /** The weak entity tag of a version. */
    public static String etag(long version) {
        return "W/\"" + version + "\"";
    }
}
