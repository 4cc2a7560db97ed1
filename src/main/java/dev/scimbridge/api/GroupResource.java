package dev.scimbridge.api;

import dev.scimbridge.scim.query.Projection;
import dev.scimbridge.scim.schema.ResourceType;
import dev.scimbridge.service.GroupService;
import dev.scimbridge.service.ResourceService;
import dev.scimbridge.service.Versioned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

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

    /**
     * GET one group. With {@code members} in the response, the members are streamed from Redis in chunks
     * after the rest of the group, so a group of 100,000 members is never held in memory at once.
     */
    @Override
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Projection projection = projection();
        if (!projection.wants("members")) {
            return getProjected(id, ifNoneMatch, projection);
        }
        String base = base();
        Versioned group = groups.getWithoutMembers(id, base);
        return notModified(ifNoneMatch, group.version()).orElseGet(() -> {
            JsonObject head = projection.apply(ResourceType.GROUP, group.resource());
            return ScimRequests.streamed(head, groups.membersStreamed(base, projection)).tag(EntityTag.valueOf(group.etag())).build();
        });
    }

    /** 204 (what Entra ID prefers) unless {@code attributes} asks for the resource back (RFC 7644 §3.5.2). */
    @PATCH
    @Path("{id}")
    public Response patch(@PathParam("id") String id, byte[] body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        QueryParameters query = query();
        Projection projection = ScimRequests.projection(query);
        boolean wantsBody = query.has("attributes");
        Versioned group = groups.patch(id, body(body), ifMatch, base(),
                wantsBody ? projection : Projection.of(null, "members"));
        if (!wantsBody) {
            return Response.noContent().tag(EntityTag.valueOf(group.etag())).build();
        }
        return ScimRequests.resource(200, group, projection, ResourceType.GROUP).build();
    }
}
