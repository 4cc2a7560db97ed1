package dev.scimbridge.api;

import java.net.URI;
import java.util.Optional;

import dev.scimbridge.config.DirectoryConfig;
import dev.scimbridge.scim.query.Projection;
import dev.scimbridge.service.ListQuery;
import dev.scimbridge.service.Preconditions;
import dev.scimbridge.service.ResourceService;
import dev.scimbridge.service.Versioned;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The HTTP side of a SCIM resource type (RFC 7644 §3): POST (201, {@code Location}, {@code ETag}),
 * GET by id ({@code If-None-Match} → 304), list with query parameters, {@code POST .search}, PUT with
 * {@code If-Match}, DELETE (204). Subclasses add PATCH, whose answer differs between Users and Groups.
 */
public abstract class ResourceEndpoint {

    @Inject
    DirectoryConfig config;

    /**
     * The current request's URI, injected once into this application-scoped resource (a proxy that
     * answers for the request in progress); as a method parameter RESTEasy made a proxy for every
     * request (docs/benchmarks.md, round 18).
     */
    @Context
    UriInfo uri;

    /** The current request, injected once as {@link #uri} is: its query string and URL without RESTEasy's parse of the URI. */
    @Context
    HttpServletRequest request;

    /** The service behind this endpoint. */
    protected abstract ResourceService service();

    String base() {
        return ScimRequests.baseUrl(request, uri, config.publicBaseUrl());
    }

    /** The request's query parameters. */
    QueryParameters query() {
        return QueryParameters.of(request.getQueryString());
    }

    /** The projection the request's query asks for. */
    Projection projection() {
        return ScimRequests.projection(query());
    }

    JsonObject body(byte[] body) {
        return ScimRequests.body(body, config.requestMaxPayloadSize());
    }

    @POST
    public Response create(byte[] body) {
        return createProjected(body, projection());
    }

    /** POST under a projection already read from the query. */
    Response createProjected(byte[] body, Projection projection) {
        Versioned created = service().create(body(body), base());
        return ScimRequests.resource(201, created, projection, service().type())
                .location(URI.create(created.resource().getJsonObject("meta").getString("location")))
                .build();
    }

    @GET
    public Response list() {
        return listed(ScimRequests.listQuery(query()));
    }

    @POST
    @Path(".search")
    public Response search(byte[] body) {
        return listed(ScimRequests.searchQuery(body(body)));
    }

    /** The answer to a list or a search, 200 with a {@code ListResponse}. */
    Response listed(ListQuery query) {
        return ScimRequests.ok(service().list(query, base())).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return getProjected(id, ifNoneMatch, projection());
    }

    /** GET by id under a projection already read from the query. */
    Response getProjected(String id, String ifNoneMatch, Projection projection) {
        Versioned resource = service().get(id, base(), projection);
        return notModified(ifNoneMatch, resource.version())
                .orElseGet(() -> ScimRequests.resource(200, resource, projection, service().type()).build());
    }

    /** 304 with the ETag when {@code If-None-Match} names {@code version} (RFC 7644 §3.14). */
    static Optional<Response> notModified(String ifNoneMatch, long version) {
        if (ifNoneMatch != null && Preconditions.matches(ifNoneMatch, version)) {
            return Optional.of(Response.notModified(EntityTag.valueOf(Versioned.etag(version))).build());
        }
        return Optional.empty();
    }

    @PUT
    @Path("{id}")
    public Response replace(@PathParam("id") String id, byte[] body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Versioned resource = service().replace(id, body(body), ifMatch, base());
        return ScimRequests.resource(200, resource, projection(), service().type()).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service().delete(id, ifMatch);
        return Response.noContent().build();
    }
}
