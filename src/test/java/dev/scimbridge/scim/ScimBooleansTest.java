package dev.scimbridge.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScimBooleansTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            true      | true
            false     | false
            "True"    | true
            "False"   | false
            "TRUE"    | true
            " false " | false
            "yes"     | -
            1         | -
            null      | -
            "1"       | -
            """)
    void parses(String json, Boolean expected) {
        assertEquals(Optional.ofNullable(expected), ScimBooleans.parse(TestJson.value(json)));
    }

    @ParameterizedTest
    @CsvSource({"'\"no\"'", "0"})
    void requireRejectsNonBooleans(String json) {
        ScimException e = assertThrows(ScimException.class, () -> ScimBooleans.require(TestJson.value(json), "active"));
        assertEquals(ScimErrorType.INVALID_VALUE, e.scimType());
    }
}
