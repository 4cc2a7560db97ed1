package dev.scimbridge.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;

/**
 * The account's Users. Every write is one atomic operation that also maintains the indexes and appends
 * a provisioning event, and bumps the version. A write with an expected version fails with
 * {@link VersionConflictException} if another write came first (RFC 7644 §3.14 ETags stand on this).
 */
public interface UserRepository extends ResourceRepository {

    /**
     * Stores a new user; {@code invited} puts it on the confirmation watcher's list.
     *
     * @throws DuplicateKeyException when the userName is taken
     */
    StoredResource create(Tenant tenant, String id, JsonObject attributes, UserIndexValues index, boolean invited,
                          String eventType);

    Optional<StoredResource> get(Tenant tenant, String id);

    /** The ids of the groups a user is a member of (the reverse membership index). */
    Set<String> groupIds(Tenant tenant, String userId);

    /** Users by id with their group ids (the reverse membership index), in the order given, in one round trip. */
    List<UserWithGroups> getAllWithGroups(Tenant tenant, Collection<String> ids);

    /**
     * Replaces the attributes of {@code current} if it is still the stored version, moving its index
     * entries from {@code currentIndex} (the values {@code current} was indexed by) to {@code index}.
     *
     * @throws ResourceNotFoundException when the user is gone
     * @throws VersionConflictException when another write came first
     * @throws DuplicateKeyException when the new userName is taken
     */
    StoredResource replace(Tenant tenant, StoredResource current, UserIndexValues currentIndex, JsonObject attributes,
                           UserIndexValues index, boolean invited, String eventType);

    /** Deletes the user, its index entries and all its memberships in one step; false if it was absent. */
    boolean delete(Tenant tenant, String id);

    /** Up to {@code max} ids of users waiting for confirmation (the {@code invited} state). */
    Set<String> invited(Tenant tenant, int max);
}
