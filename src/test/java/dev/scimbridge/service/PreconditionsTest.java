package dev.scimbridge.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scimbridge.scim.ScimException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreconditionsTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "W/\"3\"           | 3 | true",
            "\"3\"             | 3 | true",
            "W/\"2\"           | 3 | false",
            "*                 | 7 | true",
            "W/\"1\", W/\"3\"  | 3 | true",
            "W/\"1\", W/\"2\"  | 3 | false",
            "garbage           | 3 | false",
    })
    void matchesEntityTags(String header, long version, boolean expected) {
        assertEquals(expected, Preconditions.matches(header, version));
    }

    @Test
    void expectReturnsTheCurrentVersionOrFailsWith412() {
        assertEquals(4, Preconditions.expect(null, 4));
        assertEquals(4, Preconditions.expect("W/\"4\"", 4));
        ScimException e = assertThrows(ScimException.class, () -> Preconditions.expect("W/\"3\"", 4));
        assertEquals(412, e.status());
    }
}
