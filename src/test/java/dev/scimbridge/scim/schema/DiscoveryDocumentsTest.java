package dev.scimbridge.scim.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scimbridge.scim.ScimException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscoveryDocumentsTest {
    private final DiscoveryDocuments docs =
            new DiscoveryDocuments("https://scim.example.com/scim/v2/", ServiceProviderSettings.defaults());

    @Test
    void schemasListEveryRegisteredSchema() {
        JsonObject list = docs.schemas();
        assertEquals(SchemaRegistry.LIST_RESPONSE, list.getJsonArray("schemas").getString(0));
        assertEquals(4, list.getInt("totalResults"));
        assertEquals(SchemaRegistry.schemas().stream().map(SchemaDefinition::id).toList(),
                list.getJsonArray("Resources").stream().map(r -> r.asJsonObject().getString("id")).toList());
    }

    @ParameterizedTest(name = "{0} {1}.{2} = {4}")
    @CsvSource(delimiter = '|', textBlock = """
            urn:ietf:params:scim:schemas:core:2.0:User                    | userName     | -     | uniqueness  | server
            urn:ietf:params:scim:schemas:core:2.0:User                    | userName     | -     | required    | true
            urn:ietf:params:scim:schemas:core:2.0:User                    | password     | -     | returned    | never
            urn:ietf:params:scim:schemas:core:2.0:User                    | password     | -     | mutability  | writeOnly
            urn:ietf:params:scim:schemas:core:2.0:User                    | groups       | -     | mutability  | readOnly
            urn:ietf:params:scim:schemas:core:2.0:User                    | emails       | type  | type        | string
            urn:ietf:params:scim:schemas:core:2.0:User                    | profileUrl   | -     | type        | reference
            urn:ietf:params:scim:schemas:core:2.0:User                    | x509Certificates | value | type    | binary
            urn:ietf:params:scim:schemas:core:2.0:Group                   | members      | value | mutability  | immutable
            urn:ietf:params:scim:schemas:core:2.0:Group                   | members      | -     | multiValued | true
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User    | manager      | $ref  | type        | reference
            urn:scimbridge:params:scim:schemas:extension:bridge:2.0:User  | state        | -     | mutability  | readOnly
            urn:scimbridge:params:scim:schemas:extension:bridge:2.0:User  | confirmedAt  | -     | type        | dateTime
            """)
    void schemaDocumentCarriesCharacteristics(String urn, String attribute, String sub, String key, String expected) {
        JsonObject schema = docs.schema(urn);
        JsonObject attr = find(schema.getJsonArray("attributes").getValuesAs(JsonObject.class), attribute);
        if (!sub.equals("-")) {
            attr = find(attr.getJsonArray("subAttributes").getValuesAs(JsonObject.class), sub);
        }
        JsonValue value = attr.get(key);
        String actual = value.getValueType() == JsonValue.ValueType.STRING ? attr.getString(key) : value.toString();
        assertEquals(expected, actual);
        assertEquals("https://scim.example.com/scim/v2/Schemas/" + urn,
                schema.getJsonObject("meta").getString("location"));
    }

    @Test
    void stateListsItsCanonicalValues() {
        JsonObject state = find(docs.schema(SchemaRegistry.BRIDGE_USER).getJsonArray("attributes")
                .getValuesAs(JsonObject.class), "state");
        assertEquals("[\"invited\",\"active\",\"suspended\"]", state.getJsonArray("canonicalValues").toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            User  | /Users  | urn:ietf:params:scim:schemas:core:2.0:User  | 2
            group | /Groups | urn:ietf:params:scim:schemas:core:2.0:Group | 0
            """)
    void resourceTypes(String id, String endpoint, String schema, int extensions) {
        JsonObject type = docs.resourceType(id);
        assertEquals(endpoint, type.getString("endpoint"));
        assertEquals(schema, type.getString("schema"));
        assertEquals(extensions, type.getJsonArray("schemaExtensions").size());
        assertEquals("https://scim.example.com/scim/v2/ResourceTypes/" + type.getString("id"),
                type.getJsonObject("meta").getString("location"));
        assertEquals(2, docs.resourceTypes().getInt("totalResults"));
    }

    @Test
    void userExtensionsAreOptional() {
        JsonObject user = docs.resourceType("User");
        assertEquals("[{\"schema\":\"" + SchemaRegistry.ENTERPRISE_USER + "\",\"required\":false},{\"schema\":\""
                + SchemaRegistry.BRIDGE_USER + "\",\"required\":false}]", user.getJsonArray("schemaExtensions").toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /patch/supported          | true
            /bulk/supported           | true
            /bulk/maxOperations       | 1000
            /bulk/maxPayloadSize      | 1048576
            /filter/supported         | true
            /filter/maxResults        | 200
            /changePassword/supported | false
            /sort/supported           | true
            /etag/supported           | true
            /authenticationSchemes/0/type | "oauthbearertoken"
            /meta/location            | "https://scim.example.com/scim/v2/ServiceProviderConfig"
            /schemas/0                | "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"
            """)
    void serviceProviderConfig(String pointer, String expected) {
        assertEquals(expected, docs.serviceProviderConfig().getValue(pointer).toString());
    }

    @ParameterizedTest
    @CsvSource({"urn:nope", "Nope"})
    void unknownIdsAre404(String id) {
        assertEquals(404, assertThrows(ScimException.class, () -> docs.schema(id)).status());
        assertEquals(404, assertThrows(ScimException.class, () -> docs.resourceType(id)).status());
    }

    private static JsonObject find(java.util.List<JsonObject> attributes, String name) {
        Optional<JsonObject> found = attributes.stream().filter(a -> a.getString("name").equals(name)).findFirst();
        return found.orElseThrow(() -> new AssertionError("no attribute " + name));
    }
}
