package dev.scimbridge.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dev.scimbridge.config.DirectoryConfig;
import dev.scimbridge.scim.Json;
import dev.scimbridge.scim.ListResponse;
import dev.scimbridge.scim.ScimException;
import dev.scimbridge.scim.patch.GroupPatch;
import dev.scimbridge.scim.patch.MemberDelta;
import dev.scimbridge.scim.patch.MemberPatch;
import dev.scimbridge.scim.patch.PatchApplier;
import dev.scimbridge.scim.patch.PatchRequest;
import dev.scimbridge.scim.query.Projection;
import dev.scimbridge.scim.schema.ResourceType;
import dev.scimbridge.scim.schema.ResourceValidator;
import dev.scimbridge.scim.schema.SchemaRegistry;
import dev.scimbridge.store.DuplicateKeyException;
import dev.scimbridge.store.GroupIndexValues;
import dev.scimbridge.store.GroupRepository;
import dev.scimbridge.store.ResourceNotFoundException;
import dev.scimbridge.store.StoredResource;
import dev.scimbridge.store.Tenant;
import dev.scimbridge.store.UnknownMemberException;
import dev.scimbridge.store.VersionConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * SCIM semantics of Groups (RFC 7644 §3.3-§3.6): {@code displayName} unique (case-insensitive), members
 * are existing users ({@code invalidValue} naming the first that is not), and membership PATCHes are
 * applied as deltas in O(changed members) without reading the member list. {@code members} is read only
 * when the response includes it.
 */
@ApplicationScoped
public class GroupService implements ResourceService {
    private static final int WRITE_ATTEMPTS = 8;
    private static final ResourceValidator VALIDATOR = new ResourceValidator();
    private static final PatchApplier PATCHER = new PatchApplier();

    @Inject
    AccountContext account;

    @Inject
    GroupRepository groups;

    @Inject
    DirectoryConfig config;

    @Override
    public ResourceType type() {
        return ResourceType.GROUP;
    }

    @Override
    public Versioned create(JsonObject body, String baseUrl) {
        Tenant tenant = account.tenant();
        JsonObject valid = VALIDATOR.validateCreate(ResourceType.GROUP, body);
        Set<String> members = memberIds(valid);
        JsonObject attributes = ResourceRenderer.storable(valid, "members");
        String id = UUID.randomUUID().toString();
        try {
            StoredResource stored = groups.create(tenant, id, attributes, indexValues(attributes), members);
            return new Versioned(render(stored, members, baseUrl), stored.version());
        } catch (DuplicateKeyException e) {
            throw ScimException.uniqueness("A group with this displayName already exists.");
        } catch (UnknownMemberException e) {
            throw unknownMember(e);
        }
    }

    @Override
    public Versioned get(String id, String baseUrl, Projection projection) {
        Tenant tenant = account.tenant();
        StoredResource stored = groups.get(tenant, id).orElseThrow(() -> notFound(id));
        Set<String> members = projection.wants("members") ? groups.members(tenant, id) : null;
        return new Versioned(render(stored, members, baseUrl), stored.version());
    }

    /** The group without members, for a response that streams them with {@link #membersStreamed}. */
    public Versioned getWithoutMembers(String id, String baseUrl) {
        Tenant tenant = account.tenant();
        StoredResource stored = groups.get(tenant, id).orElseThrow(() -> notFound(id));
        return new Versioned(render(stored, null, baseUrl), stored.version());
    }

    @Override
    public Versioned replace(String id, JsonObject body, String ifMatch, String baseUrl) {
        Tenant tenant = account.tenant();
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            StoredResource current = groups.get(tenant, id).orElseThrow(() -> notFound(id));
            long expected = Preconditions.expect(ifMatch, current.version());
            JsonObject valid = VALIDATOR.validateReplace(ResourceType.GROUP, body, current.attributes());
            Set<String> wanted = memberIds(valid);
            Set<String> existing = groups.members(tenant, id);
            JsonObject attributes = ResourceRenderer.storable(valid, "members");
            try {
                StoredResource stored = groups.update(tenant, id, expected, attributes, indexValues(attributes),
                        difference(wanted, existing), difference(existing, wanted));
                return new Versioned(render(stored, wanted, baseUrl), stored.version());
            } catch (VersionConflictException e) {
                retryUnlessIfMatch(ifMatch);
            } catch (RuntimeException e) {
                throw translate(e, id);
            }
        }
        throw busy();
    }

    /**
     * Applies a PATCH. Member operations become a delta; other operations are applied to the group's
     * record (read and written with a version check). Returns the updated group with members only when
     * {@code projection} asks for them, else without.
     */
    public Versioned patch(String id, JsonObject body, String ifMatch, String baseUrl, Projection projection) {
        Tenant tenant = account.tenant();
        PatchRequest request = PatchRequest.parse(body);
        GroupPatch split = MemberPatch.split(request.operations());
        MemberDelta delta = split.members();
        boolean recordChange = !split.attributeOperations().isEmpty();
        boolean needsRead = recordChange || delta.replaceAllWith().isPresent() || (ifMatch != null && !ifMatch.isBlank());
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            long expected = -1;
            JsonObject attributes = null;
            GroupIndexValues index = null;
            Set<String> added = delta.added();
            Set<String> removed = delta.removed();
            if (needsRead) {
                StoredResource current = groups.get(tenant, id).orElseThrow(() -> notFound(id));
                expected = Preconditions.expect(ifMatch, current.version());
                if (recordChange) {
                    JsonObject patched = PATCHER.apply(ResourceType.GROUP, ResourceRenderer.withId(current), split.attributeOperations());
                    attributes = ResourceRenderer.storable(VALIDATOR.validatePatched(ResourceType.GROUP, patched), "members");
                    index = indexValues(attributes);
                }
                if (delta.replaceAllWith().isPresent()) {
                    Set<String> existing = groups.members(tenant, id);
                    added = difference(delta.replaceAllWith().get(), existing);
                    removed = difference(existing, delta.replaceAllWith().get());
                }
            }
            try {
                StoredResource stored = groups.update(tenant, id, expected, attributes, index, added, removed);
                Set<String> members = projection.wants("members") ? groups.members(tenant, id) : null;
                return new Versioned(render(stored, members, baseUrl), stored.version());
            } catch (VersionConflictException e) {
                retryUnlessIfMatch(ifMatch);
            } catch (RuntimeException e) {
                throw translate(e, id);
            }
        }
        throw busy();
    }

    @Override
    public void delete(String id, String ifMatch) {
        Tenant tenant = account.tenant();
        try {
            if (!Preconditions.delete(ifMatch, () -> groups.get(tenant, id), expected -> groups.delete(tenant, id, expected))) {
                throw notFound(id);
            }
        } catch (VersionConflictException e) {
            throw busy();
        }
    }

    @Override
    public ListResponse list(ListQuery query, String baseUrl) {
        Tenant tenant = account.tenant();
        return ResourceSearch.search(ResourceType.GROUP, query, ResourceSearch.Loader.byIds(groups, tenant, (ids, derived) -> {
            List<StoredResource> resources = groups.getAll(tenant, ids);
            List<JsonObject> out = new ArrayList<>(resources.size());
            for (StoredResource g : resources) {
                out.add(render(g, derived ? groups.members(tenant, g.id()) : null, baseUrl));
            }
            return out;
        }), config, "members", membersStreamed(baseUrl, query.projection()));
    }

    /**
     * Writes a group with its {@code members} streamed from Redis in chunks after its other attributes, so
     * a group of 100,000 members is never held in memory (GET of one group and list pages), each member
     * projected as {@code projection} asks ({@code attributes=members.value} writes only the ids). A group
     * without members gets no {@code members} attribute, as when it is read whole; a resource that has
     * its members already (a filter named them), or is not a group, is written as it is.
     */
    public ListResponse.ResourceWriter membersStreamed(String baseUrl, Projection projection) {
        Tenant tenant = account.tenant();
        Function<JsonValue, Optional<JsonValue>> projected = projection.forValuesOf(ResourceType.GROUP, "members");
        return (resource, out) -> {
            if (resource.containsKey("members") || !resource.getJsonArray("schemas").contains(Json.createValue(SchemaRegistry.GROUP))) {
                out.write(resource);
                return;
            }
            out.writeStartObject();
            resource.forEach(out::write);
            boolean[] started = {false};
            groups.scanMembers(tenant, resource.getString("id"), chunk -> {
                for (String uid : chunk) {
                    Optional<JsonValue> member = projected.apply(ResourceRenderer.member(uid, baseUrl));
                    if (member.isPresent()) {
                        if (!started[0]) {
                            out.writeStartArray("members");
                            started[0] = true;
                        }
                        out.write(member.get());
                    }
                }
            });
            if (started[0]) {
                out.writeEnd();
            }
            out.writeEnd();
        };
    }

    private static JsonObject render(StoredResource stored, Set<String> members, String baseUrl) {
        JsonObjectBuilder builder = ResourceRenderer.render(ResourceType.GROUP, stored, baseUrl);
        if (members != null && !members.isEmpty()) {
            builder.add("members", ResourceRenderer.members(members, baseUrl));
        }
        return builder.build();
    }

    private static Set<String> memberIds(JsonObject group) {
        Set<String> ids = new LinkedHashSet<>();
        if (group.get("members") instanceof JsonArray array) {
            for (JsonValue v : array) {
                if (!(v instanceof JsonObject member) || !(member.get("value") instanceof JsonString value)) {
                    throw ScimException.invalidValue("Each member needs a \"value\" with the id of a user.");
                }
                if (member.get("type") instanceof JsonString type && !type.getString().equalsIgnoreCase("User")) {
                    throw ScimException.invalidValue("Only users can be group members (nested groups are not supported).");
                }
                ids.add(value.getString());
            }
        }
        return ids;
    }

    static GroupIndexValues indexValues(JsonObject attributes) {
        Optional<String> externalId = attributes.get("externalId") instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
        return new GroupIndexValues(attributes.getString("displayName", "").toLowerCase(Locale.ROOT), externalId);
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static void retryUnlessIfMatch(String ifMatch) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            throw ScimException.preconditionFailed("The resource changed while it was being updated.");
        }
    }

    private static RuntimeException translate(RuntimeException e, String id) {
        if (e instanceof DuplicateKeyException) {
            return ScimException.uniqueness("A group with this displayName already exists.");
        }
        if (e instanceof UnknownMemberException u) {
            return unknownMember(u);
        }
        if (e instanceof ResourceNotFoundException) {
            return notFound(id);
        }
        return e;
    }

    private static ScimException unknownMember(UnknownMemberException e) {
        return ScimException.invalidValue("Member " + e.memberId() + " is not an existing user.");
    }

    private static ScimException busy() {
        return ScimException.conflict("The group is being changed by other requests; retry.");
    }

    private static ScimException notFound(String id) {
        return ScimException.notFound("No group with id " + id + ".");
    }
}
