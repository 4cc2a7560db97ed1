package dev.scimbridge.store;

import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;

/**
 * The account's Groups and their memberships. Membership changes cost O(changed members): the member
 * set is never loaded to add or remove. Every write is atomic, bumps the group's version (and, for
 * membership, the version of each user whose {@code groups} changed) and appends events.
 */
public interface GroupRepository extends ResourceRepository {

    /**
     * Stores a new group with its members.
     *
     * @throws DuplicateKeyException when the displayName is taken
     * @throws UnknownMemberException when a member is not an existing user
     */
    StoredResource create(Tenant tenant, String id, JsonObject attributes, GroupIndexValues index, Set<String> members);

    Optional<StoredResource> get(Tenant tenant, String id);

    /** All member ids of a group (empty if none or no such group). */
    Set<String> members(Tenant tenant, String id);

    /**
     * Reads the member ids in chunks ({@code SSCAN}), so a large group is never held in memory at once.
     * Members added or removed during the scan may or may not be seen; each member is reported once.
     */
    void scanMembers(Tenant tenant, String id, java.util.function.Consumer<java.util.List<String>> chunk);

    /** How many members the group has, without reading them. */
    long memberCount(Tenant tenant, String id);

    /**
     * Applies a change in one atomic step: new attributes (when {@code attributes} is non-null, with
     * {@code index}), then removes {@code removed} and adds {@code added}. {@code expectedVersion} &lt; 0
     * means "any version" (pure membership deltas commute).
     *
     * @throws ResourceNotFoundException, VersionConflictException, DuplicateKeyException, UnknownMemberException
     */
    StoredResource update(Tenant tenant, String id, long expectedVersion, JsonObject attributes, GroupIndexValues index,
                          Set<String> added, Set<String> removed);

    /**
     * Deletes the group, its index entries and its memberships; false if it was absent.
     * {@code expectedVersion} &lt; 0 deletes any version; otherwise only that version, checked in the same
     * atomic step (If-Match, RFC 7644 §3.14).
     *
     * @throws VersionConflictException when the stored version is not {@code expectedVersion}, or when
     *                                  concurrent writes kept changing the group
     */
    boolean delete(Tenant tenant, String id, long expectedVersion);
}
