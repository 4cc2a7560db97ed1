package dev.scimbridge.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.scimbridge.config.DirectoryConfig;
import dev.scimbridge.scim.DateTimes;
import dev.scimbridge.scim.Json;
import dev.scimbridge.scim.ListResponse;
import dev.scimbridge.scim.MappedList;
import dev.scimbridge.scim.ScimException;
import dev.scimbridge.scim.WrittenListResponse;
import dev.scimbridge.scim.patch.PatchApplier;
import dev.scimbridge.scim.patch.PatchRequest;
import dev.scimbridge.scim.query.Projection;
import dev.scimbridge.scim.schema.ResourceType;
import dev.scimbridge.scim.schema.ResourceValidator;
import dev.scimbridge.scim.schema.SchemaRegistry;
import dev.scimbridge.store.DuplicateKeyException;
import dev.scimbridge.store.IndexProbe;
import dev.scimbridge.store.ResourceNotFoundException;
import dev.scimbridge.store.StoredResource;
import dev.scimbridge.store.StoredUserText;
import dev.scimbridge.store.Tenant;
import dev.scimbridge.store.UserIndexValues;
import dev.scimbridge.store.UserPage;
import dev.scimbridge.store.UserRepository;
import dev.scimbridge.store.UserTextPage;
import dev.scimbridge.store.UserWithGroups;
import dev.scimbridge.store.VersionConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * SCIM semantics of Users (RFC 7644 §3.3-§3.6) and the account's user lifecycle: a new user is
 * {@code invited} until confirmed (automatically by the {@link ConfirmationWatcher}, at once when
 * {@code scim.confirmation.interval} is 0, or never in manual mode); {@code active:false} suspends
 * (memberships kept, still listed); {@code active:true} reactivates. {@code password} is accepted and
 * never stored or returned. {@code groups} is derived from memberships and read-only.
 */
@ApplicationScoped
public class UserService implements ResourceService {
    static final String BRIDGE = SchemaRegistry.BRIDGE_USER;
    private static final int WRITE_ATTEMPTS = 8;
    private static final ResourceValidator VALIDATOR = new ResourceValidator();
    private static final PatchApplier PATCHER = new PatchApplier();

    @Inject
    AccountContext account;

    @Inject
    UserRepository users;

    @Inject
    DirectoryConfig config;

    @Override
    public ResourceType type() {
        return ResourceType.USER;
    }

    @Override
    public Versioned create(JsonObject body, String baseUrl) {
        Created created = store(body);
        StoredUserText stored = created.stored();
        return new Versioned(ResourceRenderer.render(ResourceType.USER, new StoredResource(stored.id(), stored.version(),
                stored.created(), stored.lastModified(), created.attributes()), baseUrl).build(), stored.version());
    }

    /**
     * Creates a user and answers it with every attribute it returns by default, written from the text its record was
     * sealed from, as {@link #getWhole} writes a stored one.
     */
    public WrittenResource createWhole(JsonObject body, String baseUrl) {
        StoredUserText stored = store(body).stored();
        return new WrittenResource(stored.id(), ResourceRenderer.renderWhole(stored, baseUrl), stored.version());
    }

    /** A new user stored: its attributes, and its record as stored, whose text they were written to once. */
    private Created store(JsonObject body) {
        Tenant tenant = account.tenant();
        JsonObject valid = VALIDATOR.validateCreate(ResourceType.USER, body);
        boolean confirmNow = config.confirmationInterval().map(d -> d.isZero()).orElse(false);
        JsonObject attributes = withState(withoutPassword(valid), confirmNow ? Optional.of(now()) : Optional.empty());
        String id = UUID.randomUUID().toString();
        try {
            return new Created(attributes, users.create(tenant, id, attributes.toString().getBytes(StandardCharsets.UTF_8),
                    indexValues(attributes), state(attributes).equals("invited"), "user.created"));
        } catch (DuplicateKeyException e) {
            throw ScimException.uniqueness("A user with this userName already exists.");
        }
    }

    private record Created(JsonObject attributes, StoredUserText stored) {
    }

    /** A user with every attribute it returns by default, written from its record's text (one round trip). */
    public WrittenResource getWhole(String id, String baseUrl) {
        StoredUserText user = users.getText(account.tenant(), id).orElseThrow(() -> notFound(id));
        return new WrittenResource(user.id(), ResourceRenderer.renderWhole(user, baseUrl), user.version());
    }

    @Override
    public Versioned get(String id, String baseUrl, Projection projection) {
        Tenant tenant = account.tenant();
        if (!projection.wants("groups")) {
            StoredResource stored = users.get(tenant, id).orElseThrow(() -> notFound(id));
            return new Versioned(ResourceRenderer.render(ResourceType.USER, stored, baseUrl).build(), stored.version());
        }
        List<UserWithGroups> found = users.getAllWithGroups(tenant, List.of(id));
        if (found.isEmpty()) {
            throw notFound(id);
        }
        return new Versioned(render(found.get(0), baseUrl), found.get(0).user().version());
    }

    @Override
    public Versioned replace(String id, JsonObject body, String ifMatch, String baseUrl) {
        Tenant tenant = account.tenant();
        return write(tenant, id, ifMatch, baseUrl, current -> {
            JsonObject existing = current.attributes();
            JsonObject valid = keepActive(VALIDATOR.validateReplace(ResourceType.USER, body, existing), existing);
            return withState(withoutPassword(valid), confirmedAt(existing));
        });
    }

    public Versioned patch(String id, JsonObject body, String ifMatch, String baseUrl) {
        Tenant tenant = account.tenant();
        PatchRequest request = PatchRequest.parse(body);
        return write(tenant, id, ifMatch, baseUrl, current -> {
            JsonObject patched = PATCHER.apply(ResourceType.USER, ResourceRenderer.withId(current), request.operations());
            JsonObject valid = ResourceRenderer.storable(VALIDATOR.validatePatched(ResourceType.USER, patched));
            return withState(withoutPassword(valid), confirmedAt(current.attributes()));
        });
    }

    /** Read, change, write with the version read; retried when another write came first (unless If-Match). */
    private Versioned write(Tenant tenant, String id, String ifMatch, String baseUrl, Change change) {
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            StoredResource current = users.get(tenant, id).orElseThrow(() -> notFound(id));
            Preconditions.expect(ifMatch, current.version());
            JsonObject attributes = change.apply(current);
            String event = isActive(current.attributes()) && !isActive(attributes) ? "user.suspended" : "user.updated";
            try {
                UserWithGroups stored = users.replace(tenant, current, indexValues(current.attributes()), attributes,
                        indexValues(attributes), state(attributes).equals("invited"), event, true);
                return new Versioned(render(stored, baseUrl), stored.user().version());
            } catch (DuplicateKeyException e) {
                throw ScimException.uniqueness("A user with this userName already exists.");
            } catch (ResourceNotFoundException e) {
                throw notFound(id);
            } catch (VersionConflictException e) {
                if (ifMatch != null && !ifMatch.isBlank()) {
                    throw ScimException.preconditionFailed("The resource changed while it was being updated.");
                }
            }
        }
        throw ScimException.conflict("The user is being changed by other requests; retry.");
    }

    @Override
    public void delete(String id, String ifMatch) {
        Tenant tenant = account.tenant();
        try {
            if (!Preconditions.delete(ifMatch, () -> users.get(tenant, id), expected -> users.delete(tenant, id, expected))) {
                throw notFound(id);
            }
        } catch (VersionConflictException e) {
            throw ScimException.conflict("The user is being changed by other requests; retry.");
        }
    }

    @Override
    public ListResponse list(ListQuery query, String baseUrl) {
        Tenant tenant = account.tenant();
        return ResourceSearch.search(ResourceType.USER, query, new ResourceSearch.Loader<>() {
            @Override
            public List<JsonObject> find(List<IndexProbe> probes, boolean derived) {
                return renderAll(users.find(tenant, probes, derived), baseUrl);
            }

            @Override
            public ResourceSearch.Found<JsonObject> page(long offset, int count, boolean derived) {
                UserPage page = users.readPage(tenant, offset, count, derived);
                return new ResourceSearch.Found<>(renderAll(page.users(), baseUrl), page.total());
            }
        }, config, "groups", null);
    }

    /**
     * The answer to a list or search written from the users' records' text, as {@link #getWhole} writes one user,
     * when the query needs no record parsed: a page or an exact index look-up such as {@code userName eq "…"} under
     * the default projection ({@link ResourceSearch#searchWritten}). Empty for any other query, which {@link #list}
     * answers.
     */
    public Optional<WrittenListResponse> listWhole(ListQuery query, String baseUrl) {
        Tenant tenant = account.tenant();
        return ResourceSearch.searchWritten(ResourceType.USER, query, new ResourceSearch.Loader<>() {
            @Override
            public List<byte[]> find(List<IndexProbe> probes, boolean derived) {
                return writeAll(users.findText(tenant, probes), baseUrl);
            }

            @Override
            public ResourceSearch.Found<byte[]> page(long offset, int count, boolean derived) {
                UserTextPage page = users.readPageText(tenant, offset, count);
                return new ResourceSearch.Found<>(writeAll(page.users(), baseUrl), page.total());
            }
        }, config);
    }

    /**
     * Confirms an invited user: {@code invited} becomes {@code active} with {@code confirmedAt}. Returns
     * false when the user is no longer invited (gone, suspended, or confirmed by another replica).
     */
    public boolean confirm(Tenant tenant, String id) {
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            Optional<StoredResource> current = users.get(tenant, id);
            if (current.isEmpty() || !state(current.get().attributes()).equals("invited")) {
                return false;
            }
            JsonObject attributes = withState(current.get().attributes(), Optional.of(now()));
            try {
                users.replace(tenant, current.get(), indexValues(current.get().attributes()), attributes, indexValues(attributes),
                        false, "user.confirmed", false);
                return true;
            } catch (VersionConflictException e) {
                // changed meanwhile: read again
            } catch (ResourceNotFoundException e) {
                return false;
            }
        }
        return false;
    }

    /**
     * Users rendered with their {@code groups} as read (none when the read did not ask for them), each
     * when it is read: a page is rendered one user at a time while it is written.
     */
    private static List<JsonObject> renderAll(List<UserWithGroups> found, String baseUrl) {
        return MappedList.of(found, u -> render(u, baseUrl));
    }

    /** Users written from their records' text ({@link ResourceRenderer#renderWhole}), each when it is read. */
    private static List<byte[]> writeAll(List<StoredUserText> found, String baseUrl) {
        return MappedList.of(found, u -> ResourceRenderer.renderWhole(u, baseUrl));
    }

    /** A user with {@code groups} (RFC 7643 §4.1.2: value, $ref, display, type) from the group records read with it. */
    private static JsonObject render(UserWithGroups found, String baseUrl) {
        JsonObjectBuilder builder = ResourceRenderer.render(ResourceType.USER, found.user(), baseUrl);
        if (!found.groups().isEmpty()) {
            builder.add("groups", ResourceRenderer.groups(found.groups(), baseUrl));
        }
        return builder.build();
    }

    /**
     * A replace that leaves {@code active} out keeps the stored value (RFC 7644 §3.5.1 lets the service
     * provider keep an unassigned attribute): a PUT of other attributes never re-enables a suspended user.
     */
    static JsonObject keepActive(JsonObject replacement, JsonObject existing) {
        JsonValue stored = existing.get("active");
        if (replacement.containsKey("active") || stored == null) {
            return replacement;
        }
        return Json.createObjectBuilder(replacement).add("active", stored).build();
    }

    /** The provisioning state: suspended when inactive, else active once confirmed, else invited. */
    static String state(JsonObject attributes) {
        if (!isActive(attributes)) {
            return "suspended";
        }
        return confirmedAt(attributes).isPresent() ? "active" : "invited";
    }

    static boolean isActive(JsonObject attributes) {
        JsonValue active = attributes.get("active");
        return active == null || active.getValueType() != JsonValue.ValueType.FALSE;
    }

    static Optional<String> confirmedAt(JsonObject attributes) {
        JsonValue ext = attributes.get(BRIDGE);
        if (ext instanceof JsonObject o && o.get("confirmedAt") instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        return Optional.empty();
    }

    /** The attributes with the bridge extension ({@code state}, {@code confirmedAt}) set by the server. */
    static JsonObject withState(JsonObject attributes, Optional<String> confirmedAt) {
        JsonObjectBuilder ext = Json.createObjectBuilder();
        JsonObjectBuilder out = Json.createObjectBuilder(attributes);
        confirmedAt.ifPresent(c -> ext.add("confirmedAt", c));
        boolean active = isActive(attributes);
        ext.add("state", !active ? "suspended" : confirmedAt.isPresent() ? "active" : "invited");
        out.add(BRIDGE, ext);
        JsonArrayBuilder schemas = Json.createArrayBuilder();
        boolean listed = false;
        if (attributes.get("schemas") instanceof jakarta.json.JsonArray array) {
            for (JsonValue v : array) {
                schemas.add(v);
                listed |= v instanceof JsonString s && s.getString().equalsIgnoreCase(BRIDGE);
            }
        }
        if (!listed) {
            schemas.add(BRIDGE);
        }
        out.add("schemas", schemas);
        return out.build();
    }

    private static JsonObject withoutPassword(JsonObject attributes) {
        return attributes.containsKey("password") ? Json.createObjectBuilder(attributes).remove("password").build() : attributes;
    }

    static UserIndexValues indexValues(JsonObject attributes) {
        String userName = attributes.getString("userName", "").toLowerCase(Locale.ROOT);
        Optional<String> externalId = attributes.get("externalId") instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
        Set<String> emails = new HashSet<>();
        if (attributes.get("emails") instanceof jakarta.json.JsonArray array) {
            for (JsonValue v : array) {
                if (v instanceof JsonObject email && email.get("value") instanceof JsonString value) {
                    emails.add(value.getString().toLowerCase(Locale.ROOT));
                }
            }
        }
        return new UserIndexValues(userName, externalId, emails);
    }

    private static String now() {
        return DateTimes.iso(Instant.now());
    }

    private static ScimException notFound(String id) {
        return ScimException.notFound("No user with id " + id + ".");
    }

    @FunctionalInterface
    private interface Change {
        JsonObject apply(StoredResource current);
    }
}
