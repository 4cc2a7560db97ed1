package dev.scimbridge.service;

/**
 * A resource's representation already written as UTF-8 JSON, its id, and its version, from which the resource layer
 * writes the {@code ETag} (RFC 7644 §3.14).
 */
public record WrittenResource(String id, byte[] json, long version) {

    public String etag() {
        return Versioned.etag(version);
    }
}
