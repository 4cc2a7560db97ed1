package dev.scimbridge.store;

import java.time.Instant;
import java.util.List;

/**
 * A stored user whose attributes are left as the JSON object text they were sealed from, not parsed, with the
 * records of its groups: what a response that returns every stored attribute (RFC 7644 §3.4.1, no
 * {@code attributes} or {@code excludedAttributes}) needs, written without building the object again.
 * {@code attributesJson} holds what {@link StoredResource#attributes} would: no {@code id}, {@code meta} or
 * {@code groups}.
 */
public record StoredUserText(String id, long version, Instant created, Instant lastModified, byte[] attributesJson,
                             List<StoredResource> groups) {
    public StoredUserText {
        groups = List.copyOf(groups);
    }
}
