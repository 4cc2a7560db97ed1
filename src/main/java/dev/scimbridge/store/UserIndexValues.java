package dev.scimbridge.store;

import java.util.Optional;
import java.util.Set;

/**
 * The normalised values a User is indexed by: {@code userName} lower-cased (RFC 7643 §4.1.1 makes it
 * case-insensitive and unique), {@code externalId} as given (caseExact), and the lower-cased email
 * values. The store keeps only blind (HMAC) forms of them.
 */
public record UserIndexValues(String userName, Optional<String> externalId, Set<String> emails) {
    public UserIndexValues {
        externalId = externalId == null ? Optional.empty() : externalId;
        emails = Set.copyOf(emails);
    }
}
