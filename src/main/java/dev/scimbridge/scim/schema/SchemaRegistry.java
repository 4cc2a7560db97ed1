package dev.scimbridge.scim.schema;

import static dev.scimbridge.scim.schema.AttributeType.BINARY;
import static dev.scimbridge.scim.schema.AttributeType.BOOLEAN;
import static dev.scimbridge.scim.schema.AttributeType.COMPLEX;
import static dev.scimbridge.scim.schema.AttributeType.DATE_TIME;
import static dev.scimbridge.scim.schema.AttributeType.REFERENCE;
import static dev.scimbridge.scim.schema.AttributeType.STRING;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schemas this bridge serves: core {@code User} and {@code Group} (RFC 7643 §4, §8.7.1), the
 * enterprise User extension (RFC 7643 §4.3, §8.7.2), the bridge's own User extension, and the common
 * attributes {@code schemas}, {@code id}, {@code externalId} and {@code meta} (RFC 7643 §3.1).
 *
 * <p>These definitions are the only source of the {@code /Schemas} document and of validation. Lookups
 * match attribute names and URNs case-insensitively, for example
 * {@code SchemaRegistry.findAttribute(ResourceType.USER, "NAME.givenname")} finds {@code name.givenName}
 * and {@code findAttribute(USER, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value")}
 * finds the manager's {@code value}.
 */
public final class SchemaRegistry {
    /** Core User schema (RFC 7643 §4.1). */
    public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    /** Core Group schema (RFC 7643 §4.2). */
    public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    /** Enterprise User extension (RFC 7643 §4.3). */
    public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    /** The bridge's User extension: provisioning {@code state} and {@code confirmedAt}, both readOnly. */
    public static final String BRIDGE_USER = "urn:scimbridge:params:scim:schemas:extension:bridge:2.0:User";
    /** A schema Entra ID adds to Group bodies; accepted in {@code schemas} and ignored. */
    public static final String ENTRA_GROUP = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";
    /** RFC 7643 §7. */
    public static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
    /** RFC 7643 §6. */
    public static final String RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    /** RFC 7643 §5. */
    public static final String SERVICE_PROVIDER_CONFIG_SCHEMA =
            "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    /** RFC 7644 §3.4.2. */
    public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    /** RFC 7644 §3.5.2. */
    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private static final List<AttributeDefinition> COMMON = List.of(
            attr("schemas", REFERENCE).multiValued().required().mutability(Mutability.READ_ONLY)
                    .returned(Returned.ALWAYS).referenceTypes("uri")
                    .description("The schema URNs the resource uses.").build(),
            attr("id", STRING).caseExact().mutability(Mutability.READ_ONLY).returned(Returned.ALWAYS)
                    .uniqueness(Uniqueness.SERVER)
                    .description("A unique identifier for a SCIM resource as defined by the service provider.").build(),
            attr("externalId", STRING).caseExact()
                    .description("An identifier for the resource as defined by the provisioning client.").build(),
            attr("meta", COMPLEX).mutability(Mutability.READ_ONLY)
                    .description("Resource metadata.")
                    .subAttributes(
                            attr("resourceType", STRING).caseExact().mutability(Mutability.READ_ONLY)
                                    .description("The name of the resource type of the resource.").build(),
                            attr("created", DATE_TIME).mutability(Mutability.READ_ONLY)
                                    .description("When the resource was added to the service provider.").build(),
                            attr("lastModified", DATE_TIME).mutability(Mutability.READ_ONLY)
                                    .description("When the resource was last updated.").build(),
                            attr("location", REFERENCE).caseExact().mutability(Mutability.READ_ONLY)
                                    .referenceTypes("uri").description("The URI of the resource.").build(),
                            attr("version", STRING).caseExact().mutability(Mutability.READ_ONLY)
                                    .description("The version (ETag) of the resource.").build())
                    .build());

    private static final SchemaDefinition USER_SCHEMA = new SchemaDefinition(USER, "User", "User Account", List.of(
            attr("userName", STRING).required().uniqueness(Uniqueness.SERVER)
                    .description("Unique identifier for the User, typically used to authenticate. Case-insensitive.")
                    .build(),
            attr("name", COMPLEX).description("The components of the user's real name.").subAttributes(
                    str("formatted", "The full name, formatted for display."),
                    str("familyName", "The family name of the User."),
                    str("givenName", "The given name of the User."),
                    str("middleName", "The middle name(s) of the User."),
                    str("honorificPrefix", "The honorific prefix(es) of the User, e.g. 'Ms.'."),
                    str("honorificSuffix", "The honorific suffix(es) of the User, e.g. 'III'.")).build(),
            str("displayName", "The name of the User, suitable for display to end-users."),
            str("nickName", "The casual way to address the user."),
            attr("profileUrl", REFERENCE).referenceTypes("external")
                    .description("A fully qualified URL pointing to a page representing the User's online profile.")
                    .build(),
            str("title", "The user's title, such as 'Vice President'."),
            str("userType", "The relationship between the organization and the user, e.g. 'Employee'."),
            str("preferredLanguage", "The User's preferred written or spoken language, e.g. 'en-US'."),
            str("locale", "The User's default location, e.g. 'en-US'."),
            str("timezone", "The User's time zone in IANA format, e.g. 'America/Los_Angeles'."),
            attr("active", BOOLEAN).description("The User's administrative status.").build(),
            attr("password", STRING).mutability(Mutability.WRITE_ONLY).returned(Returned.NEVER)
                    .description("The User's cleartext password; never returned.").build(),
            multi("emails", "Email addresses for the user.", str("value", "Email address for the user."),
                    str("display", "A human-readable name, primarily used for display purposes."),
                    typeAttr("A label indicating the attribute's function.", "work", "home", "other"),
                    primary()),
            multi("phoneNumbers", "Phone numbers for the User.", str("value", "Phone number of the User."),
                    str("display", "A human-readable name, primarily used for display purposes."),
                    typeAttr("A label indicating the attribute's function.",
                            "work", "home", "mobile", "fax", "pager", "other"),
                    primary()),
            multi("ims", "Instant messaging addresses for the User.", str("value", "Instant messaging address."),
                    str("display", "A human-readable name, primarily used for display purposes."),
                    typeAttr("A label indicating the attribute's function.",
                            "aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"),
                    primary()),
            multi("photos", "URLs of photos of the User.",
                    attr("value", REFERENCE).referenceTypes("external").description("URL of a photo of the User.")
                            .build(),
                    str("display", "A human-readable name, primarily used for display purposes."),
                    typeAttr("A label indicating the attribute's function.", "photo", "thumbnail"),
                    primary()),
            multi("addresses", "A physical mailing address for this User.",
                    str("formatted", "The full mailing address, formatted for display."),
                    str("streetAddress", "The full street address component."),
                    str("locality", "The city or locality component."),
                    str("region", "The state or region component."),
                    str("postalCode", "The zip code or postal code component."),
                    str("country", "The country name component."),
                    typeAttr("A label indicating the attribute's function.", "work", "home", "other"),
                    primary()),
            attr("groups", COMPLEX).multiValued().mutability(Mutability.READ_ONLY)
                    .description("The groups the user belongs to; derived, read-only.").subAttributes(
                            attr("value", STRING).mutability(Mutability.READ_ONLY)
                                    .description("The identifier of the User's group.").build(),
                            attr("$ref", REFERENCE).mutability(Mutability.READ_ONLY).referenceTypes("User", "Group")
                                    .description("The URI of the corresponding 'Group' resource.").build(),
                            attr("display", STRING).mutability(Mutability.READ_ONLY)
                                    .description("A human-readable name, primarily used for display purposes.").build(),
                            attr("type", STRING).mutability(Mutability.READ_ONLY).canonicalValues("direct", "indirect")
                                    .description("A label indicating the attribute's function.").build())
                    .build(),
            multi("entitlements", "A list of entitlements for the User.", str("value", "The value of an entitlement."),
                    str("display", "A human-readable name, primarily used for display purposes."),
                    typeAttr("A label indicating the attribute's function."),
                    primary()),
            multi("roles", "A list of roles for the User.", str("value", "The value of a role."),
                    str("display", "A human-readable name, primarily used for display purposes."),
                    typeAttr("A label indicating the attribute's function."),
                    primary()),
            multi("x509Certificates", "A list of certificates issued to the User.",
                    attr("value", BINARY).caseExact().description("The value of an X.509 certificate.").build(),
                    str("display", "A human-readable name, primarily used for display purposes."),
                    typeAttr("A label indicating the attribute's function."),
                    primary())));

    private static final SchemaDefinition GROUP_SCHEMA = new SchemaDefinition(GROUP, "Group", "Group", List.of(
            attr("displayName", STRING).required().uniqueness(Uniqueness.SERVER)
                    .description("A human-readable name for the Group. Unique in this bridge.").build(),
            attr("members", COMPLEX).multiValued().description("A list of members of the Group.").subAttributes(
                    attr("value", STRING).mutability(Mutability.IMMUTABLE)
                            .description("Identifier of the member of this Group.").build(),
                    attr("$ref", REFERENCE).mutability(Mutability.IMMUTABLE).referenceTypes("User", "Group")
                            .description("The URI corresponding to a SCIM resource that is a member of this Group.")
                            .build(),
                    attr("display", STRING).mutability(Mutability.READ_ONLY)
                            .description("A human-readable name of the member, derived by the bridge.").build(),
                    attr("type", STRING).mutability(Mutability.IMMUTABLE).canonicalValues("User", "Group")
                            .description("A label indicating the type of resource, e.g. 'User' or 'Group'.").build())
                    .build()));

    private static final SchemaDefinition ENTERPRISE_SCHEMA = new SchemaDefinition(ENTERPRISE_USER, "EnterpriseUser",
            "Enterprise User", List.of(
            str("employeeNumber", "Numeric or alphanumeric identifier assigned to a person."),
            str("costCenter", "Identifies the name of a cost center."),
            str("organization", "Identifies the name of an organization."),
            str("division", "Identifies the name of a division."),
            str("department", "Identifies the name of a department."),
            attr("manager", COMPLEX).description("The User's manager.").subAttributes(
                    str("value", "The id of the SCIM resource representing the User's manager."),
                    attr("$ref", REFERENCE).referenceTypes("User")
                            .description("The URI of the SCIM resource representing the User's manager.").build(),
                    attr("displayName", STRING).mutability(Mutability.READ_ONLY)
                            .description("The displayName of the User's manager.").build())
                    .build()));

    private static final SchemaDefinition BRIDGE_SCHEMA = new SchemaDefinition(BRIDGE_USER, "BridgeUser",
            "What the account adds to a provisioned User", List.of(
            attr("state", STRING).mutability(Mutability.READ_ONLY).canonicalValues("invited", "active", "suspended")
                    .description("The user's provisioning state in the account.").build(),
            attr("confirmedAt", DATE_TIME).mutability(Mutability.READ_ONLY)
                    .description("When the account confirmed the user.").build()));

    private static final List<SchemaDefinition> SCHEMAS = List.of(USER_SCHEMA, GROUP_SCHEMA, ENTERPRISE_SCHEMA,
            BRIDGE_SCHEMA);

    /**
     * {@link #resolve}'s answers for names in their canonical case, by resource type and by the URN it is given
     * ({@code ""} for none): a read resolves every stored attribute, and this spares it the case-insensitive
     * searches. Only canonical names are kept, so the maps cannot grow with what clients send.
     */
    private static final Map<ResourceType, Map<String, Map<String, Optional<ResolvedAttribute>>>> CANONICAL = canonical();

    private SchemaRegistry() {
    }

    /** Every schema served on {@code /Schemas}, core first. */
    public static List<SchemaDefinition> schemas() {
        return SCHEMAS;
    }

    /** The schema with this URN, matched case-insensitively. */
    public static Optional<SchemaDefinition> schema(String urn) {
        for (SchemaDefinition schema : SCHEMAS) {
            if (schema.id().equalsIgnoreCase(urn)) {
                return Optional.of(schema);
            }
        }
        return Optional.empty();
    }

    /** The common attributes of RFC 7643 §3.1 ({@code schemas}, {@code id}, {@code externalId}, {@code meta}). */
    public static List<AttributeDefinition> commonAttributes() {
        return COMMON;
    }

    /**
     * Finds a top-level attribute of a resource type. With {@code urn == null} the common and core attributes
     * are searched first, then the extensions in order; with a URN only that schema is searched. A name in its
     * canonical case, as every stored attribute is, is looked up in {@link #CANONICAL}; others are searched.
     */
    public static Optional<ResolvedAttribute> resolve(ResourceType type, String urn, String attributeName) {
        Map<String, Optional<ResolvedAttribute>> canonical = CANONICAL.get(type).get(urn == null ? "" : urn);
        Optional<ResolvedAttribute> found = canonical == null ? null : canonical.get(attributeName);
        return found != null ? found : search(type, urn, attributeName);
    }

    private static Optional<ResolvedAttribute> search(ResourceType type, String urn, String attributeName) {
        if (urn == null || urn.equalsIgnoreCase(type.coreSchema())) {
            for (AttributeDefinition common : COMMON) {
                if (common.name().equalsIgnoreCase(attributeName)) {
                    return Optional.of(new ResolvedAttribute(type.coreSchema(), false, common));
                }
            }
            Optional<AttributeDefinition> core = schema(type.coreSchema()).orElseThrow().attribute(attributeName);
            if (core.isPresent() || urn != null) {
                return core.map(def -> new ResolvedAttribute(type.coreSchema(), false, def));
            }
        }
        for (SchemaExtension extension : type.extensions()) {
            if (urn == null || extension.schema().equalsIgnoreCase(urn)) {
                Optional<AttributeDefinition> found = schema(extension.schema()).orElseThrow().attribute(attributeName);
                if (found.isPresent()) {
                    return Optional.of(new ResolvedAttribute(extension.schema(), true, found.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static Map<ResourceType, Map<String, Map<String, Optional<ResolvedAttribute>>>> canonical() {
        Map<ResourceType, Map<String, Map<String, Optional<ResolvedAttribute>>>> all = new EnumMap<>(ResourceType.class);
        for (ResourceType type : ResourceType.values()) {
            List<String> schemas = new ArrayList<>(List.of(type.coreSchema()));
            type.extensions().forEach(extension -> schemas.add(extension.schema()));
            List<String> names = new ArrayList<>();
            COMMON.forEach(attribute -> names.add(attribute.name()));
            schemas.forEach(schema -> schema(schema).orElseThrow().attributes().forEach(attribute -> names.add(attribute.name())));
            Map<String, Map<String, Optional<ResolvedAttribute>>> byUrn = new HashMap<>();
            byUrn.put("", searched(type, null, names));
            schemas.forEach(schema -> byUrn.put(schema, searched(type, schema, names)));
            all.put(type, Map.copyOf(byUrn));
        }
        return Collections.unmodifiableMap(all);
    }

    /** {@link #search}'s answer for each of {@code names} that it finds. */
    private static Map<String, Optional<ResolvedAttribute>> searched(ResourceType type, String urn, List<String> names) {
        Map<String, Optional<ResolvedAttribute>> found = new HashMap<>();
        for (String name : names) {
            Optional<ResolvedAttribute> resolved = search(type, urn, name);
            if (resolved.isPresent()) {
                found.put(name, resolved);
            }
        }
        return Map.copyOf(found);
    }

    /**
     * Finds an attribute or sub-attribute by a path such as {@code name.givenName} or
     * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value}, case-insensitively.
     */
    public static Optional<AttributeDefinition> findAttribute(ResourceType type, String path) {
        String[] split = splitUrn(path);
        String rest = split[1];
        int dot = rest.indexOf('.');
        String name = dot < 0 ? rest : rest.substring(0, dot);
        Optional<AttributeDefinition> top = resolve(type, split[0], name).map(ResolvedAttribute::definition);
        return dot < 0 ? top : top.flatMap(def -> def.subAttribute(rest.substring(dot + 1)));
    }

    /**
     * Splits a possibly URN-qualified attribute path into {@code [urn or null, rest]}. A known schema URN is
     * recognised as the longest prefix followed by {@code :} (URNs contain dots, as in {@code 2.0}); an unknown
     * {@code urn:} prefix ends at the last colon. A path that is exactly a schema URN gives {@code [urn, ""]}.
     */
    public static String[] splitUrn(String path) {
        if (!path.regionMatches(true, 0, "urn:", 0, 4)) {
            return new String[] {null, path};
        }
        for (SchemaDefinition schema : SCHEMAS) {
            String urn = schema.id();
            if (path.regionMatches(true, 0, urn, 0, urn.length())) {
                if (path.length() == urn.length()) {
                    return new String[] {urn, ""};
                }
                if (path.charAt(urn.length()) == ':') {
                    return new String[] {urn, path.substring(urn.length() + 1)};
                }
            }
        }
        int colon = path.lastIndexOf(':');
        return new String[] {path.substring(0, colon), path.substring(colon + 1)};
    }

    private static AttributeDefinition.Builder attr(String name, AttributeType type) {
        return AttributeDefinition.builder(name, type);
    }

    private static AttributeDefinition str(String name, String description) {
        return attr(name, STRING).description(description).build();
    }

    private static AttributeDefinition typeAttr(String description, String... canonical) {
        return attr("type", STRING).canonicalValues(canonical).description(description).build();
    }

    private static AttributeDefinition primary() {
        return attr("primary", BOOLEAN)
                .description("A Boolean value indicating the 'primary' or preferred attribute value.").build();
    }

    private static AttributeDefinition multi(String name, String description, AttributeDefinition... subs) {
        return attr(name, COMPLEX).multiValued().description(description).subAttributes(subs).build();
    }
}
