package dev.scimbridge.store;

import java.util.Optional;

/** The normalised values a Group is indexed by: lower-cased {@code displayName} (unique) and {@code externalId}. */
public record GroupIndexValues(String displayName, Optional<String> externalId) {
    public GroupIndexValues {
        externalId = externalId == null ? Optional.empty() : externalId;
    }
}
