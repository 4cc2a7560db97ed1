package dev.scimbridge.api;

import java.net.URI;

import dev.scimbridge.scim.query.Projection;
import dev.scimbridge.scim.schema.ResourceType;
import dev.scimbridge.service.ListQuery;
import dev.scimbridge.service.ResourceRenderer;
import dev.scimbridge.service.ResourceService;
import dev.scimbridge.service.UserService;
import dev.scimbridge.service.Versioned;
import dev.scimbridge.service.WrittenResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * {@code /scim/v2/Users} (RFC 7644 §3): the shared operations of {@link ResourceEndpoint}; POST, GET by id and the
 * lists that need no record parsed written from the records' text under the default projection; PATCH answering 200
 * with the user.
 */
@Path("scim/v2/Users")
@ApplicationScoped
public class UserResource extends ResourceEndpoint {

    @Inject
    UserService users;

    @Override
    protected ResourceService service() {
        return users;
    }

    /**
     * POST a user. Under the default projection the answer is written from the text its record was sealed from, as
     * a GET writes it; under any other, as every resource is.
     */
    @Override
    @POST
    public Response create(byte[] body) {
        Projection projection = projection();
        if (!projection.isDefault()) {
            return createProjected(body, projection);
        }
        String base = base();
        WrittenResource user = users.createWhole(body(body), base);
        return Response.status(201).entity(user.json()).type(ScimRequests.SCIM_JSON).tag(EntityTag.valueOf(user.etag()))
                .location(URI.create(ResourceRenderer.location(ResourceType.USER, user.id(), base))).build();
    }

    /**
     * GET one user. Under the default projection the answer is written from the stored record's text, not
     * parsed and built again (docs/benchmarks.md, round 19); under any other, as every resource is.
     */
    @Override
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Projection projection = projection();
        if (!projection.isDefault()) {
            return getProjected(id, ifNoneMatch, projection);
        }
        WrittenResource user = users.getWhole(id, base());
        return notModified(ifNoneMatch, user.version()).orElseGet(() ->
                Response.ok(user.json(), ScimRequests.SCIM_JSON).tag(EntityTag.valueOf(user.etag())).build());
    }

    /**
     * A list or a search. One that needs no record parsed (a page, or an exact index look-up such as Entra ID's
     * and Okta's {@code userName eq "…"}, under the default projection) is written from the stored records' text;
     * any other as every resource type's is.
     */
    @Override
    Response listed(ListQuery query) {
        return users.listWhole(query, base()).map(list -> ScimRequests.ok(list).build()).orElseGet(() -> super.listed(query));
    }

    @PATCH
    @Path("{id}")
    public Response patch(@PathParam("id") String id, byte[] body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Versioned user = users.patch(id, body(body), ifMatch, base());
        return ScimRequests.resource(200, user, projection(), ResourceType.USER).build();
    }
}
