package dev.scimbridge.scim.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scimbridge.scim.ScimErrorType;
import dev.scimbridge.scim.ScimException;
import dev.scimbridge.scim.schema.ResourceType;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FilterPlannerTest {

    /** Expected lookups as {@code attribute=normalisedValue}, joined by {@code ;}, or {@code SCAN}. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            USER  | userName eq "BJensen"                                              | userName=bjensen
            USER  | USERNAME EQ "BJensen"                                              | userName=bjensen
            USER  | urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a"         | userName=a
            USER  | externalId eq "Ext-1"                                              | externalId=Ext-1
            USER  | id eq "2819c223"                                                   | id=2819c223
            USER  | emails.value eq "A@Example.com"                                    | emails.value=a@example.com
            USER  | emails eq "a@example.com"                                          | emails.value=a@example.com
            USER  | emails[value eq "a@example.com"]                                   | emails.value=a@example.com
            USER  | emails[type eq "work" and value eq "a@example.com"]                | emails.value=a@example.com
            USER  | emails[type eq "work"].value eq "a@example.com"                    | emails.value=a@example.com
            USER  | userName eq "a" and active eq true                                 | userName=a
            USER  | active eq true and externalId eq "x"                               | externalId=x
            USER  | userName eq "a" and externalId eq "x"                              | userName=a
            USER  | userName eq "a" or externalId eq "x"                               | userName=a;externalId=x
            USER  | userName eq "a" or userName eq "a"                                 | userName=a
            USER  | (userName eq "a" or userName eq "b") and externalId eq "x"         | externalId=x
            USER  | (userName eq "a" or userName eq "b") and title pr                  | userName=a;userName=b
            USER  | userName eq "a" or title pr                                        | SCAN
            USER  | userName sw "a"                                                    | SCAN
            USER  | userName ne "a"                                                    | SCAN
            USER  | not (userName eq "a")                                              | SCAN
            USER  | title eq "a"                                                       | SCAN
            USER  | emails.type eq "work"                                              | SCAN
            USER  | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "7" | SCAN
            USER  | userName pr                                                        | SCAN
            USER  | userName eq null                                                   | SCAN
            USER  | meta.lastModified gt "2011-05-13T04:42:34Z"                        | SCAN
            GROUP | displayName eq "Sales"                                             | displayName=sales
            GROUP | externalId eq "G-1"                                                | externalId=G-1
            GROUP | id eq "g1"                                                         | id=g1
            GROUP | displayName eq "a" and externalId eq "b"                           | displayName=a
            GROUP | displayName eq "a" or id eq "b"                                    | displayName=a;id=b
            GROUP | members[value eq "u1"]                                             | SCAN
            GROUP | displayName co "Sales"                                             | SCAN
            """)
    void plans(ResourceType type, String filter, String expected) {
        FilterPlan plan = FilterPlanner.plan(FilterParser.parse(filter), type);
        String actual = plan.isScan() ? "SCAN" : plan.lookups().stream()
                .map(l -> l.attribute() + "=" + l.normalisedValue()).collect(Collectors.joining(";"));
        assertEquals(expected, actual);
        assertEquals(FilterParser.parse(filter), plan.filter());
    }

    /** Whether the lookup's hits are the answer, with no candidate evaluated: one comparison on the attribute probed. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            USER  | userName eq "BJensen"                                              | true
            USER  | USERNAME EQ "BJensen"                                              | true
            USER  | urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a"         | true
            USER  | externalId eq "Ext-1"                                              | true
            USER  | id eq "2819c223"                                                   | true
            USER  | emails.value eq "A@Example.com"                                    | true
            USER  | emails eq "a@example.com"                                          | false
            USER  | emails[value eq "a@example.com"]                                   | false
            USER  | emails[type eq "work"].value eq "a@example.com"                    | false
            USER  | userName eq "a" and active eq true                                 | false
            USER  | userName eq "a" and externalId eq "x"                              | false
            USER  | userName eq "a" or externalId eq "x"                               | false
            USER  | userName eq "a" or userName eq "a"                                 | false
            USER  | (userName eq "a")                                                  | true
            USER  | userName sw "a"                                                    | false
            USER  | not (userName eq "a")                                              | false
            USER  | title eq "a"                                                       | false
            GROUP | displayName eq "Sales"                                             | true
            GROUP | id eq "g1"                                                         | true
            GROUP | members[value eq "u1"]                                             | false
            """)
    void answersExactly(ResourceType type, String filter, boolean exact) {
        assertEquals(exact, FilterPlanner.plan(FilterParser.parse(filter), type).isExact());
    }

    /** What Entra ID and Okta send: eq and and on indexed attributes; none may scan. */
    static Stream<Arguments> idpFilters() {
        return Stream.of(
                Arguments.of(ResourceType.USER, "userName eq \"alice@contoso.com\""),
                Arguments.of(ResourceType.USER, "externalId eq \"a5b3c1d2-0000-4000-8000-000000000001\""),
                Arguments.of(ResourceType.USER, "userName eq \"alice@contoso.com\" and externalId eq \"x\""),
                Arguments.of(ResourceType.USER, "emails[type eq \"work\" and value eq \"alice@contoso.com\"]"),
                Arguments.of(ResourceType.USER, "id eq \"u1\" and active eq true"),
                Arguments.of(ResourceType.USER, "userName eq \"a\" and name.givenName eq \"A\" and active eq true"),
                Arguments.of(ResourceType.GROUP, "displayName eq \"Sales\""),
                Arguments.of(ResourceType.GROUP, "externalId eq \"00g1\""),
                Arguments.of(ResourceType.GROUP, "id eq \"g1\" and displayName eq \"Sales\""));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("idpFilters")
    void identityProviderFiltersNeverScan(ResourceType type, String filter) {
        assertFalse(FilterPlanner.plan(FilterParser.parse(filter), type).isScan());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            USER  | userName eq "a" and active gt true
            USER  | userName eq "a" and shoeSize eq "9"
            GROUP | userName eq "a"
            """)
    void validatesBeforePlanning(ResourceType type, String filter) {
        ScimException e = assertThrows(ScimException.class, () -> FilterPlanner.plan(FilterParser.parse(filter), type));
        assertEquals(ScimErrorType.INVALID_FILTER, e.scimType());
    }
}
