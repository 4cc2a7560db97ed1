package dev.scimbridge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import dev.scimbridge.scim.ScimException;
import dev.scimbridge.scim.query.Projection;
import dev.scimbridge.service.ListQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A request body's checks before and around the parser: bytes, nesting, the kind of JSON value (RFC 7644
 * §3.12); a list query's parameters (RFC 7644 §3.4.2).
 */
class ScimRequestsTest {
    private static final int MAX = 1_000_000;

    private static String nested(int levels) {
        return "{\"a\":" + "[".repeat(levels - 1) + "]".repeat(levels - 1) + "}";
    }

    @Test
    void nestingUpToTheLimitIsParsedOneLevelMoreIsInvalidSyntax() {
        assertEquals(1, ScimRequests.body(nested(ScimRequests.MAX_NESTING).getBytes(StandardCharsets.UTF_8), MAX).size());
        ScimException e = assertThrows(ScimException.class,
                () -> ScimRequests.body(nested(ScimRequests.MAX_NESTING + 1).getBytes(StandardCharsets.UTF_8), MAX));
        assertEquals("invalidSyntax", e.scimType().value());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            brackets inside a string          | `{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[{{{{{{{{"}`
            an escaped quote, then brackets   | `{"a":"x\\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}`
            an escaped backslash at the end   | `{"a":"x\\\\","b":[[1]]}`
            """)
    void bracketsInStringsDoNotCount(String name, String body) {
        assertEquals(body.contains("\"b\"") ? 2 : 1, ScimRequests.body(body.getBytes(StandardCharsets.UTF_8), MAX).size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            null          | `null`
            number        | `5`
            string        | `"x"`
            array         | `[]`
            blank         | `  `
            """)
    void anythingButAnObjectIsInvalidSyntax(String name, String body) {
        ScimException e = assertThrows(ScimException.class, () -> ScimRequests.body(body.getBytes(StandardCharsets.UTF_8), MAX));
        assertEquals("invalidSyntax", e.scimType().value());
    }

    @Test
    void bytesThatAreNotUtf8AreInvalidSyntaxAndTooManyBytesAreTooLarge() {
        byte[] latin1 = "{\"userName\":\"Zo\u00eb\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("invalidSyntax", assertThrows(ScimException.class, () -> ScimRequests.body(latin1, MAX)).scimType().value());
        byte[] body = "{\"userName\":\"b\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(413, assertThrows(ScimException.class, () -> ScimRequests.body(body, body.length - 1)).status());
        assertEquals(1, ScimRequests.body(body, body.length).size());
    }

    /** The query parameters of "name=value" pairs in the order given, each name and value percent-encoded. */
    private static QueryParameters query(String... pairs) {
        StringBuilder raw = new StringBuilder();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            raw.append(raw.isEmpty() ? "" : "&").append(URLEncoder.encode(pair.substring(0, eq), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return QueryParameters.of(raw.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            as the RFC spells them     | filter=userName eq "a";sortBy=userName;sortOrder=descending;startIndex=3;count=7 | userName eq "a" | userName | descending | 3    | 7
            in any case                | FILTER=x pr;SortBy=y;SORTORDER=z;startindex=2;Count=5                           | x pr            | y        | z          | 2    | 5
            none                       | other=1                                                                          |                 |          |            |      |
            a name given without value | filter=;count=                                                                   | ``              |          |            |      |
            """)
    void listParametersMatchCaseInsensitively(String name, String pairs, String filter, String sortBy, String sortOrder,
                                              Integer startIndex, Integer count) {
        ListQuery query = ScimRequests.listQuery(query(pairs.split(";")));
        assertEquals(filter, query.filter());
        assertEquals(filter == null || filter.isEmpty(), query.parsedFilter() == null);
        assertEquals(sortBy, query.sortBy());
        assertEquals(sortOrder, query.sortOrder());
        assertEquals(startIndex, query.startIndex());
        assertEquals(count, query.count());
    }

    @Test
    void aCountThatIsNotAnIntegerIsInvalidValueAndTheProjectionComesFromTheSameParameters() {
        ScimException e = assertThrows(ScimException.class, () -> ScimRequests.listQuery(query("count=many")));
        assertEquals("invalidValue", e.scimType().value());
        ListQuery query = ScimRequests.listQuery(query("attributes=userName", "filter=active eq true"));
        assertEquals(false, query.projection().wants("displayName"));
        assertEquals(true, query.projection().wants("userName"));
    }

    @Test
    void aFilterIsParsedOnceWhenTheQueryIsMadeAndABadOneFailsThere() {
        ScimException e = assertThrows(ScimException.class, () -> ScimRequests.listQuery(query("filter=userName eq")));
        assertEquals(400, e.status());
        assertEquals("invalidFilter", e.scimType().value());
        ListQuery query = ScimRequests.listQuery(query("filter=userName eq \"a\"", "count=5"));
        ListQuery page = query.page(1, 10);
        assertSame(query.parsedFilter(), page.parsedFilter());
        assertEquals(1, page.startIndex());
        assertEquals(10, page.count());
        assertEquals(query.filter(), page.filter());
    }

    /** A request that answers only getRequestURL and getQueryString. */
    private static HttpServletRequest request(String url, String queryString) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURL" -> new StringBuffer(url);
                    case "getQueryString" -> queryString;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A UriInfo that answers only getBaseUri, counting the calls. */
    private static UriInfo baseUri(String base, AtomicInteger calls) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getBaseUri")) {
                        calls.incrementAndGet();
                        return URI.create(base);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a host and port           | http://bridge:3002/scim/v2/Users/1 | http://bridge:3002
            no port                   | https://scim.example.com/x?y=/z     | https://scim.example.com
            an IPv6 literal           | http://[::1]:3002/ping              | http://[::1]:3002
            no path                   | http://bridge:3002                  | http://bridge:3002
            """)
    void theOriginIsWhatComesBeforeThePath(String name, String url, String origin) {
        assertEquals(origin, ScimRequests.origin(url));
    }

    @Test
    void theScimRootIsReadFromResteasyOnceAnOriginAndFollowsEachOrigin() {
        AtomicInteger calls = new AtomicInteger();
        String a = "http://root-a.test:3002";
        String b = "http://root-b.test";
        assertEquals(a + "/scim/v2", ScimRequests.baseUrl(request(a + "/scim/v2/Users/1", null), baseUri(a + "/", calls), Optional.empty()));
        assertEquals(a + "/scim/v2", ScimRequests.baseUrl(request(a + "/scim/v2/Groups", "count=1"), baseUri(a + "/", calls), Optional.empty()));
        assertEquals(1, calls.get(), "the second request from the same origin reuses the first one's root");
        assertEquals(b + "/scim/v2", ScimRequests.baseUrl(request(b + "/scim/v2/Users", null), baseUri(b + "/", calls), Optional.empty()));
        assertEquals(2, calls.get());
    }

    @Test
    void aPublicBaseUrlWinsWithoutItsTrailingSlashAndTheRequestIsNotRead() {
        AtomicInteger calls = new AtomicInteger();
        HttpServletRequest unread = (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        assertEquals("https://scim.example.com/scim/v2",
                ScimRequests.baseUrl(unread, baseUri("http://ignored/", calls), Optional.of("https://scim.example.com/scim/v2/")));
        assertEquals(0, calls.get());
    }

    @Test
    void aRequestWithoutAQueryStringHasTheDefaultProjection() {
        assertTrue(ScimRequests.projection(QueryParameters.of(null)).isDefault());
        assertTrue(ScimRequests.projection(QueryParameters.of("")).isDefault());
        assertTrue(ScimRequests.projection(QueryParameters.of("filter=x%20pr")).isDefault());
        Projection asked = ScimRequests.projection(QueryParameters.of("attributes=userName"));
        assertFalse(asked.wants("displayName"));
        assertTrue(asked.wants("userName"));
    }
}
