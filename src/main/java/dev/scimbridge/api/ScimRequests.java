package dev.scimbridge.api;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.scimbridge.scim.Json;
import dev.scimbridge.scim.ListResponse;
import dev.scimbridge.scim.ScimException;
import dev.scimbridge.scim.WrittenListResponse;
import dev.scimbridge.scim.query.Projection;
import dev.scimbridge.service.ListQuery;
import dev.scimbridge.service.Versioned;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

/**
 * HTTP helpers shared by the SCIM resources: reading a JSON body (size limit, syntax), the SCIM root
 * URL for {@code meta.location}, query parameters of RFC 7644 §3.4.2, and SCIM responses with ETags.
 */
final class ScimRequests {
    static final String SCIM_JSON = "application/scim+json";
    /** How deep a request body's objects and arrays may nest. */
    static final int MAX_NESTING = 32;
    /** The list parameters of RFC 7644 §3.4.2, in the order of {@link ListQuery}'s components. */
    private static final String[] LIST_PARAMETERS = {"filter", "sortBy", "sortOrder", "startIndex", "count"};
    /** The projection of a request that names neither {@code attributes} nor {@code excludedAttributes}. */
    private static final Projection NO_PROJECTION = Projection.of(null, null);
    /** How many origins {@link #baseUrl} keeps the SCIM root of. */
    static final int MAX_ROOTS = 64;
    private static final Map<String, String> ROOTS = new ConcurrentHashMap<>();

    private ScimRequests() {
    }

    /** Parses a request body that must be a JSON object in UTF-8 (RFC 8259 §8.1) no larger than {@code maxBytes}. */
    static JsonObject body(byte[] bytes, int maxBytes) {
        if (bytes != null && bytes.length > maxBytes) {
            throw ScimException.payloadTooLarge("The request body is larger than " + maxBytes + " bytes.");
        }
        String body = utf8(bytes);
        if (body.isBlank()) {
            throw ScimException.invalidSyntax("The request needs a JSON body.");
        }
        requireNestingWithin(body, MAX_NESTING);
        JsonValue parsed;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            parsed = reader.readValue(); // any value, so that a scalar gets the answer below; syntax: JsonParsingExceptionMapper
        }
        if (!(parsed instanceof JsonObject object)) {
            throw ScimException.invalidSyntax("The request body must be a JSON object.");
        }
        return object;
    }

    /** The body as text; bytes that are not UTF-8 are refused rather than replaced. */
    private static String utf8(byte[] bytes) {
        if (bytes == null) {
            return "";
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ScimException.invalidSyntax("The request body is not UTF-8.");
        }
    }

    /**
     * Refuses a body whose objects and arrays nest deeper than {@code max} (a SCIM resource nests four
     * levels, a Bulk request of them seven) before the parser, which recurses once a level, sees it.
     */
    static void requireNestingWithin(String body, int max) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > max) {
                    throw ScimException.invalidSyntax("The request body nests objects and arrays deeper than " + max + " levels.");
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }

    /**
     * The SCIM root, e.g. {@code http://host:3002/scim/v2}, or the configured public URL. Without one, the
     * root follows the request's origin (scheme, host and port), and is kept by origin: RESTEasy's
     * {@code getBaseUri()} parses a URI anew for every request (docs/benchmarks.md, round 27). An origin not
     * seen before is read from {@code getBaseUri()}, so its root, and what a malformed one does, is
     * RESTEasy's; at most {@value #MAX_ROOTS} origins are kept, then the map starts again empty.
     */
    static String baseUrl(HttpServletRequest request, UriInfo uri, Optional<String> publicBaseUrl) {
        if (publicBaseUrl.isPresent()) {
            String u = publicBaseUrl.get();
            return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
        }
        String origin = origin(request.getRequestURL());
        String root = ROOTS.get(origin);
        if (root == null) {
            String base = uri.getBaseUri().toString();
            root = (base.endsWith("/") ? base : base + "/") + "scim/v2";
            if (ROOTS.size() >= MAX_ROOTS) {
                ROOTS.clear();
            }
            ROOTS.put(origin, root);
        }
        return root;
    }

    /** The origin of an absolute URL: everything before the first {@code /} after {@code ://}. */
    static String origin(CharSequence url) {
        String s = url.toString();
        int scheme = s.indexOf("://");
        int path = s.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        return path < 0 ? s : s.substring(0, path);
    }

    /**
     * The projection {@code attributes} and {@code excludedAttributes} ask for (RFC 7644 §3.4.2.5). A request
     * without a query string asks for none.
     */
    static Projection projection(QueryParameters q) {
        return q == QueryParameters.NONE ? NO_PROJECTION : Projection.of(q.first("attributes"), q.first("excludedAttributes"));
    }

    /** A list query from the URL (GET); parameter names match case-insensitively, as IdPs vary. */
    static ListQuery listQuery(QueryParameters q) {
        String[] values = new String[LIST_PARAMETERS.length];
        for (int i = 0; i < LIST_PARAMETERS.length; i++) {
            values[i] = q.firstIgnoringCase(LIST_PARAMETERS[i]);
        }
        return new ListQuery(values[0], values[1], values[2], integer(values[3], LIST_PARAMETERS[3]),
                integer(values[4], LIST_PARAMETERS[4]), projection(q));
    }

    /** A list query from a {@code SearchRequest} body (POST .search, RFC 7644 §3.4.3). */
    static ListQuery searchQuery(JsonObject body) {
        String attributes = joined(body, "attributes");
        String excluded = joined(body, "excludedAttributes");
        return new ListQuery(text(body, "filter"), text(body, "sortBy"), text(body, "sortOrder"),
                number(body, "startIndex"), number(body, "count"), Projection.of(attributes, excluded));
    }

    private static Integer integer(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue(name + " must be an integer.");
        }
    }

    private static String text(JsonObject body, String name) {
        var v = body.get(name);
        if (v == null || v.getValueType() == jakarta.json.JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof jakarta.json.JsonString s) {
            return s.getString();
        }
        throw ScimException.invalidValue(name + " must be a string.");
    }

    private static Integer number(JsonObject body, String name) {
        var v = body.get(name);
        if (v == null || v.getValueType() == jakarta.json.JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof jakarta.json.JsonNumber n && n.isIntegral()) {
            return n.intValue();
        }
        throw ScimException.invalidValue(name + " must be an integer.");
    }

    private static String joined(JsonObject body, String name) {
        var v = body.get(name);
        if (v == null || v.getValueType() == jakarta.json.JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof jakarta.json.JsonString s) {
            return s.getString();
        }
        if (v instanceof jakarta.json.JsonArray array) {
            StringBuilder out = new StringBuilder();
            for (var item : array) {
                if (!(item instanceof jakarta.json.JsonString s)) {
                    throw ScimException.invalidValue(name + " must list attribute names.");
                }
                out.append(out.length() == 0 ? "" : ",").append(s.getString());
            }
            return out.toString();
        }
        throw ScimException.invalidValue(name + " must list attribute names.");
    }

    static Response.ResponseBuilder ok(JsonObject body) {
        return Response.ok(written(body), SCIM_JSON);
    }

    /**
     * A ListResponse written resource by resource into the response stream: a page of 100 users is
     * never one JSON tree or one string in memory.
     */
    static Response.ResponseBuilder ok(ListResponse list) {
        return Response.ok(generated(list::writeTo), SCIM_JSON);
    }

    /** A ListResponse of resources already written, copied resource by resource into the response stream. */
    static Response.ResponseBuilder ok(WrittenListResponse list) {
        return Response.ok((StreamingOutput) out -> list.writeTo(new ResponseStream(out)), SCIM_JSON);
    }

    /** One resource whose writer adds to it as it streams (a group's members), 200. */
    static Response.ResponseBuilder streamed(JsonObject resource, ListResponse.ResourceWriter writer) {
        return Response.ok(generated(json -> writer.write(resource, json)), SCIM_JSON);
    }

    /**
     * One JSON object written by the generator into the response stream, rather than made a string first
     * and then bytes (docs/benchmarks.md round 17).
     */
    private static StreamingOutput written(JsonObject body) {
        return generated(json -> json.write(body));
    }

    private static StreamingOutput generated(java.util.function.Consumer<JsonGenerator> content) {
        return out -> {
            try (JsonGenerator json = Json.createGenerator(new ResponseStream(out))) {
                content.accept(json);
            }
        };
    }

    /**
     * The response stream, left open and unflushed for the container when the generator on it closes: a
     * body that fits the container's buffer (a filter's one-user page) then goes out whole with a
     * {@code Content-Length}; flushing here committed every list response as chunked, two writes instead
     * of one (filter lookups 6 % slower, docs/benchmarks.md). Larger pages still stream in chunks.
     */
    private static final class ResponseStream extends FilterOutputStream {
        ResponseStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
        }
    }

    /** A resource response with its ETag, projected as the query asks. */
    static Response.ResponseBuilder resource(int status, Versioned v, Projection projection,
                                             dev.scimbridge.scim.schema.ResourceType type) {
        return Response.status(status).type(SCIM_JSON)
                .entity(written(projection.apply(type, v.resource())))
                .tag(EntityTag.valueOf(v.etag()));
    }
}
