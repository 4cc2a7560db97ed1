package dev.scimbridge.api.error;

import dev.scimbridge.scim.Json;
import dev.scimbridge.scim.ScimErrorType;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/**
 * Builds SCIM Error responses (RFC 7644 §3.12): {@code urn:ietf:params:scim:api:messages:2.0:Error}
 * with {@code status} as a string, optional {@code scimType} and {@code detail}, served as
 * {@code application/scim+json}.
 */
public final class ScimErrors {
    public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    public static final String SCIM_JSON = "application/scim+json";

    private ScimErrors() {
    }

    /** A response builder with the error body set; callers may add headers before {@code build()}. */
    public static Response.ResponseBuilder response(int status, ScimErrorType scimType, String detail) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(ERROR_SCHEMA))
                .add("status", Integer.toString(status));
        if (scimType != null) {
            body.add("scimType", scimType.value());
        }
        if (detail != null) {
            body.add("detail", detail);
        }
        return Response.status(status).type(SCIM_JSON).entity(body.build().toString());
    }
}
