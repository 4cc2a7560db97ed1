package dev.scimbridge.api;

import dev.scimbridge.scim.ScimException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/**
 * {@code /scim/v2/Me} (RFC 7644 §3.11): the bearer token identifies the provisioning client, not a
 * user of the directory, so there is no "me" to return: 501 for every method.
 */
@Path("scim/v2/Me")
public class MeResource {
    private static final String DETAIL = "/Me is not supported: the bearer token belongs to the provisioning client, not to a user.";

    @GET
    public void get() {
        throw ScimException.notImplemented(DETAIL);
    }

    @POST
    public void post() {
        throw ScimException.notImplemented(DETAIL);
    }

    @PUT
    public void put() {
        throw ScimException.notImplemented(DETAIL);
    }

    @PATCH
    public void patch() {
        throw ScimException.notImplemented(DETAIL);
    }

    @DELETE
    public void delete() {
        throw ScimException.notImplemented(DETAIL);
    }
}
