package dev.scimbridge.store;

import java.util.Set;

/** A stored user and the ids of the groups it is a member of, read together in one round trip. */
public record UserWithGroups(StoredResource user, Set<String> groupIds) {
    public UserWithGroups {
        groupIds = Set.copyOf(groupIds);
    }
}
