package dev.scimbridge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import dev.scimbridge.scim.ScimException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A request body's checks before and around the parser: bytes, nesting, the kind of JSON value (RFC 7644 §3.12). */
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
}
