package dev.scimbridge.scim.query;

import static dev.scimbridge.scim.TestJson.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimbridge.scim.ScimException;
import dev.scimbridge.scim.schema.ResourceType;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SortSpecTest {
    private static final List<JsonObject> USERS = List.of(
            obj("{'id':'a','userName':'bob','externalId':'B','name':{'familyName':'Zed'},'active':true,"
                    + "'emails':[{'value':'z@x'},{'value':'a@x','primary':true}],'meta':{'created':'2020-01-01T00:00:00Z'}}"),
            obj("{'id':'b','userName':'Alice','externalId':'a','active':false,"
                    + "'emails':[{'value':'m@x'}],'meta':{'created':'2019-12-31T23:00:00-02:00'}}"),
            obj("{'id':'c','userName':'carol','externalId':'C','name':{'familyName':'Adams'},"
                    + "'meta':{'created':'2020-01-01T00:00:00.5Z'},"
                    + "'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':{'employeeNumber':'2'}}"));

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            userName                | -           | b a c
            userName                | ascending   | b a c
            USERNAME                | DESCENDING  | c a b
            externalId              | -           | a c b
            name.familyName         | -           | c a b
            name.familyName         | descending  | a c b
            emails                  | -           | a b c
            emails.value            | descending  | b a c
            active                  | -           | b a c
            meta.created            | -           | a c b
            meta.created            | descending  | b c a
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber | - | c a b
            """)
    void sorts(String sortBy, String sortOrder, String expectedIds) {
        List<JsonObject> sorted = new ArrayList<>(USERS);
        sorted.sort(SortSpec.of(sortBy, sortOrder).orElseThrow().comparator(ResourceType.USER));
        assertEquals(expectedIds, sorted.stream().map(u -> u.getString("id")).collect(Collectors.joining(" ")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            userName              | sideways | invalidValue
            emails[type eq "w"]   | -        | invalidValue
            shoeSize              | -        | invalidValue
            name                  | -        | invalidValue
            emails[               | -        | invalidPath
            """)
    void rejects(String sortBy, String sortOrder, String scimType) {
        ScimException e = assertThrows(ScimException.class,
                () -> SortSpec.of(sortBy, sortOrder).orElseThrow().comparator(ResourceType.USER));
        assertEquals(scimType, e.scimType().value());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -
            '  '
            """)
    void absentSortByMeansNoSort(String sortBy) {
        assertTrue(SortSpec.of(sortBy, "descending").isEmpty());
    }
}
