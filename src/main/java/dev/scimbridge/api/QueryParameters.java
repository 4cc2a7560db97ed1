package dev.scimbridge.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.scimbridge.scim.ScimException;

/**
 * The parameters of a request's query string (RFC 3986 §3.4) that RFC 7644 §3.4.2 reads, in the order given,
 * decoded as RESTEasy's {@code UriInfo.getQueryParameters()} decodes them ({@code application/x-www-form-urlencoded}:
 * {@code +} is a space, {@code %XX} a byte of UTF-8; a name without {@code =} has the value {@code ""}). They are
 * read from the servlet's raw query string: RESTEasy first builds a {@code java.net.URI} of the whole request,
 * about 3 % of a filter's JVM time (docs/benchmarks.md, round 28). A malformed percent-escape is a 400.
 */
final class QueryParameters {
    /** A request without a query string. */
    static final QueryParameters NONE = new QueryParameters(new String[0]);

    /** Names at even indexes, each followed by its value. */
    private final String[] pairs;

    private QueryParameters(String[] pairs) {
        this.pairs = pairs;
    }

    /** The parameters of a raw (still percent-encoded) query string, without its {@code ?}; null or empty has none. */
    static QueryParameters of(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return NONE;
        }
        List<String> pairs = new ArrayList<>();
        int from = 0;
        while (from <= rawQuery.length()) {
            int amp = rawQuery.indexOf('&', from);
            int end = amp < 0 ? rawQuery.length() : amp;
            if (end > from) {
                int eq = rawQuery.indexOf('=', from);
                boolean valued = eq >= 0 && eq < end;
                pairs.add(decode(rawQuery, from, valued ? eq : end));
                pairs.add(valued ? decode(rawQuery, eq + 1, end) : "");
            }
            from = end + 1;
        }
        return new QueryParameters(pairs.toArray(String[]::new));
    }

    private static String decode(String raw, int from, int to) {
        String part = raw.substring(from, to);
        if (part.indexOf('%') < 0 && part.indexOf('+') < 0) {
            return part;
        }
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ScimException.badRequest("The query string has a malformed percent-escape (RFC 3986 §2.1).");
        }
    }

    /** The first value of the parameter named exactly {@code name}, or null. */
    String first(String name) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(name)) {
                return pairs[i + 1];
            }
        }
        return null;
    }

    /** The first value of a parameter whose name is {@code name} in any case, or null. */
    String firstIgnoringCase(String name) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equalsIgnoreCase(name)) {
                return pairs[i + 1];
            }
        }
        return null;
    }

    /** Whether a parameter is named exactly {@code name}. */
    boolean has(String name) {
        return first(name) != null;
    }
}
