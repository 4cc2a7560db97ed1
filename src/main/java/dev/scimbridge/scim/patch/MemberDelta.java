package dev.scimbridge.scim.patch;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The net effect of a Group PATCH on {@code members} (RFC 7644 §3.5.2), computed without the member list, so a
 * store applies it in O(changed members).
 *
 * <p>The final member set is {@code replaceAllWith} when present, otherwise {@code (current - removed) + added}.
 * {@code added} and {@code removed} never overlap, and both are empty when {@code replaceAllWith} is present, so the
 * order in which a store applies them does not matter. Example: {@code remove u1, add u1, add u2} in one request is
 * {@code added = {u1, u2}}, {@code removed = {}}.
 *
 * @param added          member ids to add
 * @param removed        member ids to remove
 * @param replaceAllWith the complete new member set, when the request replaced or cleared {@code members}
 */
public record MemberDelta(Set<String> added, Set<String> removed, Optional<Set<String>> replaceAllWith) {

    public MemberDelta {
        added = Collections.unmodifiableSet(new LinkedHashSet<>(added));
        removed = Collections.unmodifiableSet(new LinkedHashSet<>(removed));
        replaceAllWith = replaceAllWith.map(ids -> Collections.unmodifiableSet(new LinkedHashSet<>(ids)));
        if (replaceAllWith.isPresent() && !(added.isEmpty() && removed.isEmpty())) {
            throw new IllegalArgumentException("a replacement carries no separate additions or removals");
        }
        if (added.stream().anyMatch(removed::contains)) {
            throw new IllegalArgumentException("an id cannot be both added and removed");
        }
    }

    /** Whether the delta changes nothing. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && replaceAllWith.isEmpty();
    }

    /** The member set after the delta, given the current one (for stores that hold members in memory). */
    public Set<String> applyTo(Set<String> current) {
        if (replaceAllWith.isPresent()) {
            return replaceAllWith.get();
        }
        Set<String> result = new LinkedHashSet<>(current);
        result.removeAll(removed);
        result.addAll(added);
        return Collections.unmodifiableSet(result);
    }
}
