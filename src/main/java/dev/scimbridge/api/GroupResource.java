package dev.scimbridge.api;

import java.net.URI;

import dev.scimbridge.config.DirectoryConfig;
import dev.scimbridge.scim.query.Projection;
import dev.scimbridge.scim.schema.ResourceType;
import dev.scimbridge.service.Preconditions;
import dev.scimbridge.service.GroupService;
import dev.scimbridge.service.Versioned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code /scim/v2/Groups} (RFC 7644 §3): create, read, list, search, replace, patch, delete. */
@Path("scim/v2/Groups")
@ApplicationScoped
public class GroupResource {

    @Inject
    GroupService groups;

    @Inject
    DirectoryConfig config;

    @POST
    public Response create(String body, @Context UriInfo uri) {
        String base = ScimRequests.baseUrl(uri, config.publicBaseUrl());
        Versioned created = groups.create(ScimRequests.body(body, config.requestMaxPayloadSize()), base);
        return ScimRequests.resource(201, created, ScimRequests.projection(uri), ResourceType.GROUP)
                .location(URI.create(created.resource().getJsonObject("meta").getString("location")))
                .build();
    }

    @GET
    public Response list(@Context UriInfo uri) {
        String base = ScimRequests.baseUrl(uri, config.publicBaseUrl());
        return ScimRequests.ok(groups.list(ScimRequests.listQuery(uri), base)).build();
    }

    @POST
    @Path(".search")
    public Response search(String body, @Context UriInfo uri) {
        String base = ScimRequests.baseUrl(uri, config.publicBaseUrl());
        return ScimRequests.ok(groups.list(ScimRequests.searchQuery(ScimRequests.body(body, config.requestMaxPayloadSize())), base)).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                        @Context UriInfo uri) {
        Projection projection = ScimRequests.projection(uri);
        Versioned group = groups.get(id, ScimRequests.baseUrl(uri, config.publicBaseUrl()), projection);
        if (ifNoneMatch != null && Preconditions.matches(ifNoneMatch, group.version())) {
            return Response.notModified(group.etag()).build();
        }
        return ScimRequests.resource(200, group, projection, ResourceType.GROUP).build();
    }

    @PUT
    @Path("{id}")
    public Response replace(@PathParam("id") String id, String body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Context UriInfo uri) {
        Versioned group = groups.replace(id, ScimRequests.body(body, config.requestMaxPayloadSize()), ifMatch,
                ScimRequests.baseUrl(uri, config.publicBaseUrl()));
        return ScimRequests.resource(200, group, ScimRequests.projection(uri), ResourceType.GROUP).build();
    }

    /** 204 (what Entra ID prefers) unless {@code attributes} asks for the resource back (RFC 7644 §3.5.2). */
    @PATCH
    @Path("{id}")
    public Response patch(@PathParam("id") String id, String body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Context UriInfo uri) {
        Projection projection = ScimRequests.projection(uri);
        boolean wantsBody = uri.getQueryParameters().containsKey("attributes");
        Versioned group = groups.patch(id, ScimRequests.body(body, config.requestMaxPayloadSize()), ifMatch,
                ScimRequests.baseUrl(uri, config.publicBaseUrl()), wantsBody ? projection : Projection.of(null, "members"));
        if (!wantsBody) {
            return Response.noContent().tag(jakarta.ws.rs.core.EntityTag.valueOf(group.etag())).build();
        }
        return ScimRequests.resource(200, group, projection, ResourceType.GROUP).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        groups.delete(id, ifMatch);
        return Response.noContent().build();
    }
}
