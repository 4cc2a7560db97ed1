package dev.scimbridge.api;

import dev.scimbridge.config.DirectoryConfig;
import dev.scimbridge.scim.schema.DiscoveryDocuments;
import dev.scimbridge.scim.schema.ServiceProviderSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Service provider configuration endpoints (RFC 7644 §4): {@code /ServiceProviderConfig},
 * {@code /ResourceTypes}, {@code /Schemas}, generated from the protocol core's schema definitions and
 * the configured limits.
 */
@Path("scim/v2")
@ApplicationScoped
public class DiscoveryResource {

    @Inject
    DirectoryConfig config;

    /** The current request's URI, injected once (see {@link ResourceEndpoint#uri}). */
    @Context
    UriInfo uri;

    /** The current request (see {@link ResourceEndpoint#request}). */
    @Context
    HttpServletRequest request;

    private DiscoveryDocuments documents() {
        ServiceProviderSettings defaults = ServiceProviderSettings.defaults();
        ServiceProviderSettings settings = new ServiceProviderSettings(true, true, config.bulkMaxOperations(),
                config.bulkMaxPayloadSize(), true, config.filterMaxResults(), false, true, true,
                defaults.documentationUri(), defaults.authenticationSchemes());
        return new DiscoveryDocuments(ScimRequests.baseUrl(request, uri, config.publicBaseUrl()), settings);
    }

    @GET
    @Path("ServiceProviderConfig")
    public Response serviceProviderConfig() {
        return ScimRequests.ok(documents().serviceProviderConfig()).build();
    }

    @GET
    @Path("ResourceTypes")
    public Response resourceTypes() {
        return ScimRequests.ok(documents().resourceTypes()).build();
    }

    @GET
    @Path("ResourceTypes/{id}")
    public Response resourceType(@PathParam("id") String id) {
        return ScimRequests.ok(documents().resourceType(id)).build();
    }

    @GET
    @Path("Schemas")
    public Response schemas() {
        return ScimRequests.ok(documents().schemas()).build();
    }

    @GET
    @Path("Schemas/{id}")
    public Response schema(@PathParam("id") String id) {
        return ScimRequests.ok(documents().schema(id)).build();
    }
}
