package dev.scimbridge.api;

import java.util.ArrayList;
import java.util.List;

import dev.scimbridge.config.DirectoryConfig;
import dev.scimbridge.scim.ListResponse;
import dev.scimbridge.service.GroupService;
import dev.scimbridge.service.ListQuery;
import dev.scimbridge.service.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code POST /scim/v2/.search} (RFC 7644 §3.4.3) across Users and Groups: the filter applies to both,
 * Users come first, then Groups, and {@code startIndex}/{@code count} page through that sequence.
 */
@Path("scim/v2/.search")
@ApplicationScoped
public class SearchResource {

    @Inject
    UserService users;

    @Inject
    GroupService groups;

    @Inject
    DirectoryConfig config;

    /** The current request's URI, injected once (see {@link ResourceEndpoint#uri}). */
    @Context
    UriInfo uri;

    /** The current request (see {@link ResourceEndpoint#request}). */
    @Context
    HttpServletRequest request;

    @POST
    public Response search(byte[] body) {
        String base = ScimRequests.baseUrl(request, uri, config.publicBaseUrl());
        ListQuery query = ScimRequests.searchQuery(ScimRequests.body(body, config.requestMaxPayloadSize()));
        int start = query.startIndex() == null || query.startIndex() < 1 ? 1 : query.startIndex();
        int count = query.count() == null ? config.filterMaxResults() : Math.max(0, Math.min(query.count(), config.filterMaxResults()));
        ListQuery all = query.page(1, config.filterMaxResults());
        ListResponse u = users.list(all, base);
        ListResponse g = groups.list(all, base);
        List<JsonObject> combined = new ArrayList<>(u.resources());
        combined.addAll(g.resources());
        long total = u.totalResults() + g.totalResults();
        int from = Math.min(combined.size(), start - 1);
        int to = Math.min(combined.size(), from + count);
        // The groups' writer streams their members and writes the users as they are.
        return ScimRequests.ok(new ListResponse(combined.subList(from, to), total, start, g.writer())).build();
    }
}
