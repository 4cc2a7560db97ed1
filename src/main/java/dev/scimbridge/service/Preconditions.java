package dev.scimbridge.service;

import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

import dev.scimbridge.scim.ScimException;
import dev.scimbridge.store.StoredResource;
import dev.scimbridge.store.VersionConflictException;

/**
 * {@code If-Match} handling (RFC 7644 §3.14, RFC 7232): the header's entity tags against a stored
 * version. Weak and strong tags compare by their value; {@code *} matches any existing resource.
 */
public final class Preconditions {

    private Preconditions() {
    }

    /** Whether {@code header} (a list of entity tags or {@code *}) matches {@code version}. */
    public static boolean matches(String header, long version) {
        for (String raw : header.split(",")) {
            String tag = raw.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            if (tag.equals(Long.toString(version))) {
                return true;
            }
        }
        return false;
    }

    /** The version a write must find: the current one if {@code ifMatch} matches it, else 412. */
    public static long expect(String ifMatch, long currentVersion) {
        if (ifMatch != null && !ifMatch.isBlank() && !matches(ifMatch, currentVersion)) {
            throw ScimException.preconditionFailed("The resource has changed: its version is not the one in If-Match.");
        }
        return currentVersion;
    }

    /**
     * A DELETE with an optional {@code If-Match}: the version the header matched is handed to the store,
     * which checks it in the same atomic step as the delete, so a write that lands between this read and
     * the delete answers 412 instead of being deleted unseen. Without the header any version is deleted
     * ({@code delete} gets -1); {@code *} deletes any version of a resource that exists.
     *
     * @param current the stored resource, read only when there is an {@code If-Match}
     * @param delete  the store's delete of a version; false when the resource was absent
     * @return false when the resource was absent
     */
    public static boolean delete(String ifMatch, Supplier<Optional<StoredResource>> current, LongPredicate delete) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return delete.test(-1);
        }
        Optional<StoredResource> stored = current.get();
        if (stored.isEmpty()) {
            return false;
        }
        long expected = ifMatch.trim().equals("*") ? -1 : expect(ifMatch, stored.get().version());
        try {
            return delete.test(expected);
        } catch (VersionConflictException e) {
            throw ScimException.preconditionFailed("The resource changed while it was being deleted: its version is not the one in If-Match.");
        }
    }
}
