package dev.scimbridge.scim.patch;

import java.util.List;
import java.util.Objects;

/**
 * A Group PATCH split by {@link MemberPatch#split}: operations on the group's own attributes, for
 * {@link PatchApplier} on the group record (which holds no members), and the {@link MemberDelta}.
 *
 * <p>Example: Okta's rename-and-add request gives one {@code replace} of {@code displayName} and
 * {@code added = {u1}}.
 *
 * @param attributeOperations operations not touching {@code members}, in request order
 * @param members             the effect on {@code members}
 */
public record GroupPatch(List<PatchOperation> attributeOperations, MemberDelta members) {

    public GroupPatch {
        attributeOperations = List.copyOf(attributeOperations);
        Objects.requireNonNull(members, "members");
    }
}
