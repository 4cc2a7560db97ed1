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
public interface UserRepository {

    /**
     * Stores a new user whose attributes are {@code attributesJson}, a JSON object's UTF-8 text, sealed as it is;
     * {@code invited} puts it on the confirmation watcher's list. Returns the user as stored, in no group.
     *
     * @throws DuplicateKeyException when the userName is taken
     */
    StoredUserText create(Tenant tenant, String id, byte[] attributesJson, UserIndexValues index, boolean invited,
                          String eventType);

    Optional<StoredResource> get(Tenant tenant, String id);

    /**
     * Users by id with the records of their groups (the reverse membership index), in the order given,
     * each once, skipping ids that do not exist. One round trip.
     */
    List<UserWithGroups> getAllWithGroups(Tenant tenant, Collection<String> ids);

    /**
     * A user with the records of its groups, as {@link #getAllWithGroups} reads it, its attributes opened but
     * left as JSON text; empty when it does not exist. One round trip.
     */
    Optional<StoredUserText> getText(Tenant tenant, String id);

    /**
     * The users the probes find (an {@code or} of indexed {@code eq} terms, RFC 7644 §3.4.2.2), each once
     * in first-seen order, with the records of their groups when {@code withGroups} (else the groups are
     * not read). One round trip for all probes.
     *
     * @throws IllegalArgumentException when a probe names an attribute without an index
     */
    List<UserWithGroups> find(Tenant tenant, List<IndexProbe> probes, boolean withGroups);

    /**
     * {@code count} users in creation order from {@code offset} (0-based), with the records of their
     * groups when {@code withGroups}, and the total (RFC 7644 §3.4.2.4 paging). One round trip; the
     * users may be decrypted only as the page is read (see {@link UserPage}).
     */
    UserPage readPage(Tenant tenant, long offset, int count, boolean withGroups);

    /**
     * The users the probes find, as {@link #find} finds them with their groups, their attributes opened but left as
     * JSON text. One round trip.
     */
    List<StoredUserText> findText(Tenant tenant, List<IndexProbe> probes);

    /** A page as {@link #readPage} reads it with the users' groups, their attributes opened but left as JSON text. */
    UserTextPage readPageText(Tenant tenant, long offset, int count);

    /**
     * Replaces the attributes of {@code current} if it is still the stored version, moving its index
     * entries from {@code currentIndex} (the values {@code current} was indexed by) to {@code index}.
     * Returns the user as written with the records of its groups, read in the same atomic step, when
     * {@code withGroups}.
     *
     * @throws ResourceNotFoundException when the user is gone
     * @throws VersionConflictException when another write came first
     * @throws DuplicateKeyException when the new userName is taken
     */
    UserWithGroups replace(Tenant tenant, StoredResource current, UserIndexValues currentIndex, JsonObject attributes,
                           UserIndexValues index, boolean invited, String eventType, boolean withGroups);

    /**
     * Deletes the user, its index entries and all its memberships in one step; false if it was absent.
     * {@code expectedVersion} &lt; 0 deletes any version; otherwise only that version, checked in the same
     * atomic step (If-Match, RFC 7644 §3.14).
     *
     * @throws VersionConflictException when the stored version is not {@code expectedVersion}, or when
     *                                  concurrent writes kept changing the user
     */
    boolean delete(Tenant tenant, String id, long expectedVersion);

    /** Up to {@code max} ids of users waiting for confirmation (the {@code invited} state). */
    Set<String> invited(Tenant tenant, int max);
}
