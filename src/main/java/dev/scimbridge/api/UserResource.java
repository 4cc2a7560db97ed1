package dev.scimbridge.api;

import dev.scimbridge.scim.schema.ResourceType;
import dev.scimbridge.service.ResourceService;
import dev.scimbridge.service.UserService;
import dev.scimbridge.service.Versioned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** {@code /scim/v2/Users} (RFC 7644 §3): the shared operations of {@link ResourceEndpoint}, and PATCH answering 200 with the user. */
@Path("scim/v2/Users")
@ApplicationScoped
public class UserResource extends ResourceEndpoint {

    @Inject
    UserService users;

    @Override
    protected ResourceService service() {
        return users;
    }

    @PATCH
    @Path("{id}")
    public Response patch(@PathParam("id") String id, byte[] body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Versioned user = users.patch(id, body(body), ifMatch, base());
        return ScimRequests.resource(200, user, ScimRequests.projection(uri), ResourceType.USER).build();
    }
}
