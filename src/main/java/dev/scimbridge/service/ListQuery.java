package dev.scimbridge.service;

import dev.scimbridge.scim.query.Projection;

/**
 * A list or search request (RFC 7644 §3.4.2 / §3.4.3): optional filter and sort, 1-based
 * {@code startIndex}, {@code count} (null: the server's maximum), and the projection.
 */
public record ListQuery(String filter, String sortBy, String sortOrder, Integer startIndex, Integer count,
                        Projection projection) {
}
