package dev.scimbridge.scim.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaRegistryTest {

    /**
     * A canonical name, answered from the resolved table, resolves as the same name in another case, which is
     * searched, for every attribute of every schema under every URN a resource type takes, and for none.
     */
    @ParameterizedTest
    @EnumSource(ResourceType.class)
    void resolvesCanonicalNamesAsAnyOtherCase(ResourceType type) {
        List<String> urns = new ArrayList<>(Arrays.asList(null, type.coreSchema(), "urn:nosuch"));
        type.extensions().forEach(extension -> urns.add(extension.schema()));
        List<String> names = new ArrayList<>(List.of("nosuch", "members", "groups"));
        SchemaRegistry.commonAttributes().forEach(attribute -> names.add(attribute.name()));
        SchemaRegistry.schemas().forEach(schema -> schema.attributes().forEach(attribute -> names.add(attribute.name())));
        int found = 0;
        for (String urn : urns) {
            for (String name : names) {
                Optional<ResolvedAttribute> canonical = SchemaRegistry.resolve(type, urn, name);
                assertEquals(SchemaRegistry.resolve(type, urn, name.toUpperCase(Locale.ROOT)), canonical, urn + " " + name);
                found += canonical.isPresent() ? 1 : 0;
            }
        }
        assertTrue(found > 10, "resolved " + found);
        assertEquals(Optional.empty(), SchemaRegistry.resolve(type, type.coreSchema(), "employeeNumber"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            USER  | userName                                                                 | userName     | STRING    | false | READ_WRITE | DEFAULT | SERVER
            USER  | USERNAME                                                                 | userName     | STRING    | false | READ_WRITE | DEFAULT | SERVER
            USER  | urn:ietf:params:scim:schemas:core:2.0:User:userName                      | userName     | STRING    | false | READ_WRITE | DEFAULT | SERVER
            USER  | URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:username                      | userName     | STRING    | false | READ_WRITE | DEFAULT | SERVER
            USER  | id                                                                       | id           | STRING    | true  | READ_ONLY  | ALWAYS  | SERVER
            USER  | externalId                                                               | externalId   | STRING    | true  | READ_WRITE | DEFAULT | NONE
            USER  | meta.lastModified                                                        | lastModified | DATE_TIME | false | READ_ONLY  | DEFAULT | NONE
            USER  | name.givenname                                                           | givenName    | STRING    | false | READ_WRITE | DEFAULT | NONE
            USER  | password                                                                 | password     | STRING    | false | WRITE_ONLY | NEVER   | NONE
            USER  | active                                                                   | active       | BOOLEAN   | false | READ_WRITE | DEFAULT | NONE
            USER  | emails.primary                                                           | primary      | BOOLEAN   | false | READ_WRITE | DEFAULT | NONE
            USER  | groups                                                                   | groups       | COMPLEX   | false | READ_ONLY  | DEFAULT | NONE
            USER  | x509Certificates.value                                                   | value        | BINARY    | true  | READ_WRITE | DEFAULT | NONE
            USER  | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber | employeeNumber | STRING | false | READ_WRITE | DEFAULT | NONE
            USER  | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value | value        | STRING    | false | READ_WRITE | DEFAULT | NONE
            USER  | employeeNumber                                                           | employeeNumber | STRING  | false | READ_WRITE | DEFAULT | NONE
            USER  | urn:scimbridge:params:scim:schemas:extension:bridge:2.0:User:state       | state        | STRING    | false | READ_ONLY  | DEFAULT | NONE
            USER  | urn:scimbridge:params:scim:schemas:extension:bridge:2.0:User:confirmedAt | confirmedAt  | DATE_TIME | false | READ_ONLY  | DEFAULT | NONE
            GROUP | displayName                                                              | displayName  | STRING    | false | READ_WRITE | DEFAULT | SERVER
            GROUP | members.value                                                            | value        | STRING    | false | IMMUTABLE  | DEFAULT | NONE
            GROUP | members.$ref                                                             | $ref         | REFERENCE | false | IMMUTABLE  | DEFAULT | NONE
            """)
    void findsAttributesCaseInsensitively(ResourceType type, String path, String name, AttributeType attributeType,
            boolean caseExact, Mutability mutability, Returned returned, Uniqueness uniqueness) {
        AttributeDefinition found = SchemaRegistry.findAttribute(type, path).orElseThrow();
        assertEquals(name, found.name());
        assertEquals(attributeType, found.type());
        assertEquals(caseExact, found.caseExact());
        assertEquals(mutability, found.mutability());
        assertEquals(returned, found.returned());
        assertEquals(uniqueness, found.uniqueness());
    }

    @ParameterizedTest(name = "{0} {1} is unknown")
    @CsvSource(delimiter = '|', textBlock = """
            USER  | nosuch
            USER  | name.nosuch
            USER  | members
            GROUP | userName
            GROUP | employeeNumber
            USER  | urn:ietf:params:scim:schemas:core:2.0:User:employeeNumber
            USER  | urn:ietf:params:scim:schemas:core:2.0:Group:displayName
            USER  | urn:example:unknown:attr
            """)
    void unknownAttributesAreEmpty(ResourceType type, String path) {
        assertTrue(SchemaRegistry.findAttribute(type, path).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            userName                                                               | NULL                                                        | userName
            name.givenName                                                         | NULL                                                        | name.givenName
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User | manager.value
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User             | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User  | ''
            urn:example:custom:2.0:thing                                           | urn:example:custom:2.0                                      | thing
            """)
    void splitsUrnPrefixes(String path, String urn, String rest) {
        String[] split = SchemaRegistry.splitUrn(path);
        assertEquals(urn, split[0]);
        assertEquals(rest == null ? "" : rest, split[1]);
    }
}
