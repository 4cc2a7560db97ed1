package dev.scimbridge.store;

import java.util.List;

/**
 * A stored user and the records of the groups it is a member of, sorted by id, read together in one
 * round trip; the groups give {@code User.groups} with {@code display} (RFC 7643 §4.1.2). Empty when
 * the read did not ask for the groups.
 */
public record UserWithGroups(StoredResource user, List<StoredResource> groups) {
    public UserWithGroups {
        groups = List.copyOf(groups);
    }
}
