package dev.scimbridge.service;

import dev.scimbridge.scim.ListResponse;
import dev.scimbridge.scim.query.Projection;
import dev.scimbridge.scim.schema.ResourceType;
import jakarta.json.JsonObject;

/**
 * The operations Users and Groups share (RFC 7644 §3.3-§3.6 except PATCH, whose response differs):
 * create, read, list, replace, delete. {@code baseUrl} is the SCIM root for {@code meta.location}.
 */
public interface ResourceService {

    ResourceType type();

    Versioned create(JsonObject body, String baseUrl);

    Versioned get(String id, String baseUrl, Projection projection);

    ListResponse list(ListQuery query, String baseUrl);

    Versioned replace(String id, JsonObject body, String ifMatch, String baseUrl);

    void delete(String id, String ifMatch);
}
