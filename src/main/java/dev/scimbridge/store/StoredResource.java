package dev.scimbridge.store;

import java.time.Instant;

import jakarta.json.JsonObject;

/**
 * A User or Group as stored: its id, the version that every write bumps ({@code meta.version}), its
 * timestamps, and its client-visible attributes without {@code id}, {@code meta}, {@code groups} or
 * {@code members}, which the service adds when it builds a response.
 */
public record StoredResource(String id, long version, Instant created, Instant lastModified, JsonObject attributes) {
}
