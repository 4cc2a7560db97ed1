package dev.scimbridge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import dev.scimbridge.scim.ScimException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A raw query string read as RFC 7644 §3.4.2's parameters, decoded as RESTEasy's {@code getQueryParameters()} decodes them. */
class QueryParametersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Entra ID's filter, %20 and %22      | `filter=userName%20eq%20%22a%40example.com%22`  | filter     | `userName eq "a@example.com"`
            Okta's filter, + for the spaces     | `filter=userName+eq+%22b%22&startIndex=1`        | filter     | `userName eq "b"`
            as typed, not encoded at all        | `filter=userName eq "c"`                          | filter     | `userName eq "c"`
            UTF-8 of two bytes                  | `filter=displayName%20eq%20%22Zo%C3%AB%22`       | filter     | `displayName eq "Zoë"`
            a %2B is a plus, not a space        | `filter=phoneNumbers.value%20eq%20%22%2B1%22`    | filter     | `phoneNumbers.value eq "+1"`
            an = inside a value                 | `filter=a%20eq%20%22x=y%22`                      | filter     | `a eq "x=y"`
            an encoded name                     | `excluded%41ttributes=members`                    | excludedAttributes | members
            the first of a repeated name        | `count=1&count=2`                                 | count      | 1
            a name without =                    | `attributes&count=3`                              | attributes | ``
            a name with = and nothing after     | `attributes=&count=3`                             | attributes | ``
            empty pairs are skipped             | `&&count=4&`                                      | count      | 4
            """)
    void decodesAsAFormDoes(String name, String raw, String parameter, String value) {
        QueryParameters q = QueryParameters.of(raw);
        assertEquals(value, q.first(parameter));
        assertTrue(q.has(parameter));
        if (raw.indexOf('&') < 0 && raw.indexOf('=') > 0) {
            assertEquals(URLDecoder.decode(raw.substring(raw.indexOf('=') + 1), StandardCharsets.UTF_8), q.first(parameter));
        }
    }

    @Test
    void namesMatchExactlyOrInAnyCaseWhenAsked() {
        QueryParameters q = QueryParameters.of("FILTER=x%20pr&sortBy=y&filter=z%20pr");
        assertEquals("z pr", q.first("filter"));
        assertEquals("x pr", q.firstIgnoringCase("filter"));
        assertEquals("y", q.firstIgnoringCase("SORTBY"));
        assertNull(q.first("sortby"));
        assertNull(q.firstIgnoringCase("count"));
        assertFalse(q.has("count"));
    }

    @Test
    void noQueryStringHasNoParameters() {
        assertSame(QueryParameters.NONE, QueryParameters.of(null));
        assertSame(QueryParameters.NONE, QueryParameters.of(""));
        assertNull(QueryParameters.NONE.first("filter"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not hexadecimal         | `filter=userName%zzeq`
            cut short at the end    | `filter=userName%2`
            in a name               | `fil%GGter=x`
            """)
    void aMalformedPercentEscapeIsABadRequest(String name, String raw) {
        ScimException e = assertThrows(ScimException.class, () -> QueryParameters.of(raw));
        assertEquals(400, e.status());
        assertNull(e.scimType());
    }
}
