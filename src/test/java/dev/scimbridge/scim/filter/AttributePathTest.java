package dev.scimbridge.scim.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scimbridge.scim.ScimErrorType;
import dev.scimbridge.scim.ScimException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttributePathTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", quoteCharacter = '`', textBlock = """
            userName                                                                  | -                                                          | userName       | -                   | -
            name.givenName                                                            | -                                                          | name           | -                   | givenName
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User | employeeNumber | -                   | -
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value  | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User | manager        | -                   | value
            members[value eq "2819c223"]                                              | -                                                          | members        | value eq "2819c223" | -
            emails[type eq "work"].value                                              | -                                                          | emails         | type eq "work"      | value
            addresses[type eq "work"].streetAddress                                   | -                                                          | addresses      | type eq "work"      | streetAddress
            emails[type eq "work" and value ew "example.com"]                         | -                                                          | emails         | type eq "work" and value ew "example.com" | -
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User                | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User | -              | -                   | -
            """)
    void parses(String text, String urn, String attribute, String filter, String sub) {
        AttributePath path = AttributePath.parse(text);
        assertEquals(urn, path.urn());
        assertEquals(attribute, path.attribute());
        assertEquals(filter, path.filter() == null ? null : path.filter().toString());
        assertEquals(sub, path.subAttribute());
        assertEquals(text, path.toString());
        assertEquals(path, AttributePath.parse(path.toString()));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ``                         | The path is empty
            emails[type eq "work"      | Expected ']'
            emails[type eq]            | Expected a value
            name..givenName            | Invalid attribute name
            emails[type eq "w"].       | Invalid attribute name
            userName eq "x"            | Unexpected ' '
            emails[type eq "w"]x       | Unexpected 'x'
            """)
    void rejects(String text, String message) {
        ScimException e = assertThrows(ScimException.class, () -> AttributePath.parse(text == null ? "" : text));
        assertEquals(ScimErrorType.INVALID_PATH, e.scimType());
        assertEquals(true, e.detail().contains(message), e.detail());
    }
}
