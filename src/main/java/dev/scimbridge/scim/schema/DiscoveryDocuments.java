package dev.scimbridge.scim.schema;

import dev.scimbridge.scim.Json;
import dev.scimbridge.scim.ListResponse;
import dev.scimbridge.scim.ScimException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The discovery endpoints of RFC 7644 §4: {@code /Schemas}, {@code /ResourceTypes} and
 * {@code /ServiceProviderConfig}, generated from {@link SchemaRegistry} and {@link ResourceType} so the documents
 * cannot drift from what validation enforces.
 *
 * <p>Example: {@code new DiscoveryDocuments("https://scim.example.com/scim/v2", ServiceProviderSettings.defaults())
 * .resourceType("User")} gives the User resource type with
 * {@code meta.location = https://scim.example.com/scim/v2/ResourceTypes/User}.
 */
public final class DiscoveryDocuments {
    private static final String SPC_SCHEMA = SchemaRegistry.SERVICE_PROVIDER_CONFIG_SCHEMA;

    private final String baseUrl;
    private final ServiceProviderSettings settings;

    /**
     * @param baseUrl  the SCIM base URL (trailing slashes are dropped)
     * @param settings what the service provider supports
     */
    public DiscoveryDocuments(String baseUrl, ServiceProviderSettings settings) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", "");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** {@code GET /Schemas}: a ListResponse of every schema. */
    public JsonObject schemas() {
        List<JsonObject> all = SchemaRegistry.schemas().stream().map(s -> s.toJson(baseUrl)).toList();
        return new ListResponse(all, all.size(), 1).toJson();
    }

    /** {@code GET /Schemas/{id}}; 404 for an unknown URN. */
    public JsonObject schema(String id) {
        return SchemaRegistry.schema(id).map(s -> s.toJson(baseUrl))
                .orElseThrow(() -> ScimException.notFound("Schema " + id + " not found"));
    }

    /** {@code GET /ResourceTypes}: a ListResponse of {@code User} and {@code Group}. */
    public JsonObject resourceTypes() {
        List<JsonObject> all = Arrays.stream(ResourceType.values()).map(t -> t.toJson(baseUrl)).toList();
        return new ListResponse(all, all.size(), 1).toJson();
    }

    /** {@code GET /ResourceTypes/{id}}; 404 for an unknown id. */
    public JsonObject resourceType(String id) {
        return ResourceType.byId(id).map(t -> t.toJson(baseUrl))
                .orElseThrow(() -> ScimException.notFound("ResourceType " + id + " not found"));
    }

    /** {@code GET /ServiceProviderConfig} (RFC 7643 §5). */
    public JsonObject serviceProviderConfig() {
        JsonArrayBuilder schemes = Json.createArrayBuilder();
        for (ServiceProviderSettings.AuthenticationScheme scheme : settings.authenticationSchemes()) {
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("type", scheme.type())
                    .add("name", scheme.name())
                    .add("description", scheme.description())
                    .add("primary", scheme.primary());
            if (scheme.specUri() != null) {
                json.add("specUri", scheme.specUri());
            }
            if (scheme.documentationUri() != null) {
                json.add("documentationUri", scheme.documentationUri());
            }
            schemes.add(json);
        }
        JsonObjectBuilder config = Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(SPC_SCHEMA));
        if (settings.documentationUri() != null) {
            config.add("documentationUri", settings.documentationUri());
        }
        return config
                .add("patch", supported(settings.patchSupported()))
                .add("bulk", supported(settings.bulkSupported())
                        .add("maxOperations", settings.bulkMaxOperations())
                        .add("maxPayloadSize", settings.bulkMaxPayloadSize()))
                .add("filter", supported(settings.filterSupported())
                        .add("maxResults", settings.filterMaxResults()))
                .add("changePassword", supported(settings.changePasswordSupported()))
                .add("sort", supported(settings.sortSupported()))
                .add("etag", supported(settings.etagSupported()))
                .add("authenticationSchemes", schemes)
                .add("meta", Json.createObjectBuilder()
                        .add("resourceType", "ServiceProviderConfig")
                        .add("location", baseUrl + "/ServiceProviderConfig"))
                .build();
    }

    private static JsonObjectBuilder supported(boolean value) {
        return Json.createObjectBuilder().add("supported", value);
    }
}
