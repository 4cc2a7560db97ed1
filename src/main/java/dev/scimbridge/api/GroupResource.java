package dev.scimbridge.api;

import dev.scimbridge.scim.query.Projection;
import dev.scimbridge.scim.schema.ResourceType;
import dev.scimbridge.service.GroupService;
import dev.scimbridge.service.ResourceService;
import dev.scimbridge.service.Versioned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code /scim/v2/Groups} (RFC 7644 §3): the shared operations of {@link ResourceEndpoint}, and PATCH answering 204. */
@Path("scim/v2/Groups")
@ApplicationScoped
public class GroupResource extends ResourceEndpoint {

    @Inject
    GroupService groups;

    @Override
    protected ResourceService service() {
        return groups;
    }

    /** 204 (what Entra ID prefers) unless {@code attributes} asks for the resource back (RFC 7644 §3.5.2). */
    @PATCH
    @Path("{id}")
    public Response patch(@PathParam("id") String id, String body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Context UriInfo uri) {
        Projection projection = ScimRequests.projection(uri);
        boolean wantsBody = uri.getQueryParameters().containsKey("attributes");
        Versioned group = groups.patch(id, body(body), ifMatch, base(uri),
                wantsBody ? projection : Projection.of(null, "members"));
        if (!wantsBody) {
            return Response.noContent().tag(EntityTag.valueOf(group.etag())).build();
        }
        return ScimRequests.resource(200, group, projection, ResourceType.GROUP).build();
    }
}
