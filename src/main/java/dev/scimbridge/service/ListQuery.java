package dev.scimbridge.service;

import dev.scimbridge.scim.filter.Filter;
import dev.scimbridge.scim.filter.FilterParser;
import dev.scimbridge.scim.query.Projection;

/**
 * A list or search request (RFC 7644 §3.4.2 / §3.4.3): optional filter and sort, 1-based
 * {@code startIndex}, {@code count} (null: the server's maximum), and the projection. The filter is parsed once,
 * when the query is made ({@code parsedFilter}, null without a filter), so a bad one fails there with
 * {@code invalidFilter} and every search of the query reads the same tree.
 */
public record ListQuery(String filter, String sortBy, String sortOrder, Integer startIndex, Integer count,
                        Projection projection, Filter parsedFilter) {

    /** A query whose filter text is parsed here. */
    public ListQuery(String filter, String sortBy, String sortOrder, Integer startIndex, Integer count, Projection projection) {
        this(filter, sortBy, sortOrder, startIndex, count, projection,
                filter == null || filter.isBlank() ? null : FilterParser.parse(filter));
    }

    /** The same query for another page: {@code startIndex} and {@code count} replaced, the parsed filter kept. */
    public ListQuery page(Integer startIndex, Integer count) {
        return new ListQuery(filter, sortBy, sortOrder, startIndex, count, projection, parsedFilter);
    }
}
