package dev.scimbridge.api;

import dev.scimbridge.config.DirectoryConfig;
import dev.scimbridge.service.BulkService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code POST /scim/v2/Bulk} (RFC 7644 §3.7); 413 above {@code scim.bulk.max-payload-size} or max operations. */
@Path("scim/v2/Bulk")
@ApplicationScoped
public class BulkResource {

    @Inject
    BulkService bulk;

    @Inject
    DirectoryConfig config;

    /** The current request's URI, injected once (see {@link ResourceEndpoint#uri}). */
    @Context
    UriInfo uri;

    /** The current request (see {@link ResourceEndpoint#request}). */
    @Context
    HttpServletRequest request;

    @POST
    public Response bulk(byte[] body) {
        String base = ScimRequests.baseUrl(request, uri, config.publicBaseUrl());
        return ScimRequests.ok(bulk.execute(ScimRequests.body(body, config.bulkMaxPayloadSize()), base)).build();
    }
}
