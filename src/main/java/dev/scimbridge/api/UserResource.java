package dev.scimbridge.api;

import java.net.URI;

import dev.scimbridge.config.DirectoryConfig;
import dev.scimbridge.scim.query.Projection;
import dev.scimbridge.scim.schema.ResourceType;
import dev.scimbridge.service.Preconditions;
import dev.scimbridge.service.UserService;
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

/** {@code /scim/v2/Users} (RFC 7644 §3): create, read, list, search, replace, patch, delete. */
@Path("scim/v2/Users")
@ApplicationScoped
public class UserResource {

    @Inject
    UserService users;

    @Inject
    DirectoryConfig config;

    @POST
    public Response create(String body, @Context UriInfo uri) {
        String base = ScimRequests.baseUrl(uri, config.publicBaseUrl());
        Versioned created = users.create(ScimRequests.body(body, config.requestMaxPayloadSize()), base);
        return ScimRequests.resource(201, created, ScimRequests.projection(uri), ResourceType.USER)
                .location(URI.create(created.resource().getJsonObject("meta").getString("location")))
                .build();
    }

    @GET
    public Response list(@Context UriInfo uri) {
        String base = ScimRequests.baseUrl(uri, config.publicBaseUrl());
        return ScimRequests.ok(users.list(ScimRequests.listQuery(uri), base)).build();
    }

    @POST
    @Path(".search")
    public Response search(String body, @Context UriInfo uri) {
        String base = ScimRequests.baseUrl(uri, config.publicBaseUrl());
        return ScimRequests.ok(users.list(ScimRequests.searchQuery(ScimRequests.body(body, config.requestMaxPayloadSize())), base)).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                        @Context UriInfo uri) {
        Projection projection = ScimRequests.projection(uri);
        Versioned user = users.get(id, ScimRequests.baseUrl(uri, config.publicBaseUrl()), projection);
        if (ifNoneMatch != null && Preconditions.matches(ifNoneMatch, user.version())) {
            return Response.notModified(user.etag()).build();
        }
        return ScimRequests.resource(200, user, projection, ResourceType.USER).build();
    }

    @PUT
    @Path("{id}")
    public Response replace(@PathParam("id") String id, String body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Context UriInfo uri) {
        Versioned user = users.replace(id, ScimRequests.body(body, config.requestMaxPayloadSize()), ifMatch,
                ScimRequests.baseUrl(uri, config.publicBaseUrl()));
        return ScimRequests.resource(200, user, ScimRequests.projection(uri), ResourceType.USER).build();
    }

    @PATCH
    @Path("{id}")
    public Response patch(@PathParam("id") String id, String body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Context UriInfo uri) {
        Versioned user = users.patch(id, ScimRequests.body(body, config.requestMaxPayloadSize()), ifMatch,
                ScimRequests.baseUrl(uri, config.publicBaseUrl()));
        return ScimRequests.resource(200, user, ScimRequests.projection(uri), ResourceType.USER).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        users.delete(id, ifMatch);
        return Response.noContent().build();
    }
}
