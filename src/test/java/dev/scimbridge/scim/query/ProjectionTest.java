package dev.scimbridge.scim.query;

import static dev.scimbridge.scim.TestJson.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scimbridge.scim.schema.ResourceType;
import jakarta.json.JsonObject;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectionTest {
    private static final String E = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final JsonObject USER = obj(("""
            {'schemas':['urn:ietf:params:scim:schemas:core:2.0:User','@E'],'id':'u1','externalId':'x1','userName':'bjensen',
             'password':'secret','name':{'givenName':'Barbara','familyName':'Jensen'},
             'emails':[{'value':'b@example.com','type':'work'},{'value':'babs@jensen.org','type':'home'}],
             'meta':{'resourceType':'User','version':'W/1'},
             '@E':{'employeeNumber':'7','department':'Tour'}}
            """).replace("@E", E));

    /** Expected: the leaf paths present after projection, as {@code a.b} (extension attributes as {@code E:attr}). */
    @ParameterizedTest(name = "attributes={0} excluded={1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -                          | -                  | schemas id externalId userName name.givenName name.familyName emails.value emails.type meta.resourceType meta.version E:employeeNumber E:department
            userName                   | -                  | schemas id userName
            USERNAME,name.givenName    | -                  | schemas id userName name.givenName
            emails.value               | -                  | schemas id emails.value
            password                   | -                  | schemas id
            @E:employeeNumber          | -                  | schemas id E:employeeNumber
            employeeNumber             | -                  | schemas id E:employeeNumber
            @E                         | -                  | schemas id E:employeeNumber E:department
            urn:ietf:params:scim:schemas:core:2.0:User:userName | - | schemas id userName
            nosuch                     | -                  | schemas id
            userName                   | userName           | schemas id userName
            -                          | emails,meta        | schemas id externalId userName name.givenName name.familyName E:employeeNumber E:department
            -                          | name.familyName    | schemas id externalId userName name.givenName emails.value emails.type meta.resourceType meta.version E:employeeNumber E:department
            -                          | emails.type        | schemas id externalId userName name.givenName name.familyName emails.value meta.resourceType meta.version E:employeeNumber E:department
            -                          | id,schemas         | schemas id externalId userName name.givenName name.familyName emails.value emails.type meta.resourceType meta.version E:employeeNumber E:department
            -                          | @E                 | schemas id externalId userName name.givenName name.familyName emails.value emails.type meta.resourceType meta.version
            -                          | @E:department      | schemas id externalId userName name.givenName name.familyName emails.value emails.type meta.resourceType meta.version E:employeeNumber
            """)
    void projects(String attributes, String excluded, String expected) {
        Projection projection = Projection.of(expand(attributes), expand(excluded));
        JsonObject result = projection.apply(ResourceType.USER, USER);
        assertEquals(new TreeSet<>(Set.of(expected.split(" "))), leaves(result));
    }

    /**
     * The default projection returns a resource it keeps whole as it is, without a copy, and copies one it
     * changes; either way the attributes are those the projection keeps.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            'userName':'b','name':{'givenName':'B'},'emails':[{'value':'b@x','type':'work'}],'meta':{'resourceType':'User'} | true  | schemas id userName name.givenName emails.value emails.type meta.resourceType
            'userName':'b','@E':{'department':'Tour'},'active':true,'groups':[{'value':'g1'}]                           | true  | schemas id userName E:department active groups.value
            'userName':'b','password':'secret'                                                                         | false | schemas id userName
            'userName':'b','nosuch':1                                                                                  | false | schemas id userName
            'userName':'b','@E':{}                                                                                     | false | schemas id userName
            'userName':'b','@E':{'nosuch':'x'}                                                                         | false | schemas id userName
            'userName':'b','@E':{'nosuch':'x','department':'Tour'}                                                     | false | schemas id userName E:department
            """)
    void theDefaultProjectionReturnsAResourceItKeepsWhole(String attributes, boolean same, String expected) {
        JsonObject user = obj(("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'id':'u1'," + attributes + "}")
                .replace("@E", E));
        JsonObject result = Projection.of(null, null).apply(ResourceType.USER, user);
        assertEquals(same, result == user);
        assertEquals(new TreeSet<>(Set.of(expected.split(" "))), leaves(result));
    }

    @ParameterizedTest(name = "attributes={0} excluded={1} wants {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -                     | -                  | members  | true
            -                     | members            | members  | false
            -                     | MEMBERS            | members  | false
            -                     | urn:ietf:params:scim:schemas:core:2.0:Group:members | members | false
            -                     | members.display    | members  | true
            displayName           | -                  | members  | false
            displayName,members   | -                  | members  | true
            members.value         | -                  | members  | true
            displayName           | -                  | id       | true
            -                     | -                  | password | false
            -                     | groups             | groups   | false
            """)
    void wants(String attributes, String excluded, String attribute, boolean expected) {
        assertEquals(expected, Projection.of(attributes, excluded).wants(attribute));
    }

    @ParameterizedTest(name = "attributes={0} excluded={1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -            | members     | schemas id displayName
            -            | displayName | schemas id members.value
            displayName  | -           | schemas id displayName
            """)
    void groupMembersCanBeExcluded(String attributes, String excluded, String expected) {
        JsonObject group = obj("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'id':'g1','displayName':'S',"
                + "'members':[{'value':'u1'}]}");
        assertEquals(new TreeSet<>(Set.of(expected.split(" "))),
                leaves(Projection.of(attributes, excluded).apply(ResourceType.GROUP, group)));
    }

    /** A streamed member is projected as the member of a group projected whole would be. */
    @ParameterizedTest(name = "attributes={0} excluded={1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -                       | -                  | value $ref type
            members.value           | -                  | value
            MEMBERS.VALUE,members.type | -               | value type
            members                 | -                  | value $ref type
            displayName,members     | -                  | value $ref type
            -                       | members.$ref       | value type
            -                       | members.$ref,members.type | value
            members.display         | -                  | -
            -                       | members            | -
            displayName             | -                  | -
            """)
    void aStreamedMemberIsProjectedAsInAWholeGroup(String attributes, String excluded, String expected) {
        JsonObject member = obj("{'value':'u1','$ref':'https://scim.example.com/scim/v2/Users/u1','type':'User'}");
        Projection projection = Projection.of(attributes, excluded);
        java.util.Optional<jakarta.json.JsonValue> streamed = projection.forValuesOf(ResourceType.GROUP, "members").apply(member);
        assertEquals(expected == null ? Set.of() : new TreeSet<>(Set.of(expected.split(" "))),
                streamed.map(v -> new TreeSet<>(v.asJsonObject().keySet())).orElse(new TreeSet<>()));
        JsonObject whole = projection.apply(ResourceType.GROUP, obj("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],"
                + "'id':'g1','displayName':'S','members':[" + member + "]}"));
        assertEquals(whole.containsKey("members") ? java.util.Optional.of(whole.getJsonArray("members").get(0)) : java.util.Optional.empty(),
                streamed);
    }

    private static String expand(String text) {
        return text == null ? null : text.replace("@E", E);
    }

    private static Set<String> leaves(JsonObject result) {
        Set<String> leaves = new TreeSet<>();
        result.forEach((key, value) -> {
            if (key.equals(E)) {
                value.asJsonObject().keySet().forEach(k -> leaves.add("E:" + k));
            } else if (value instanceof JsonObject object) {
                object.keySet().forEach(k -> leaves.add(key + "." + k));
            } else if (value instanceof jakarta.json.JsonArray array && !array.isEmpty()
                    && array.get(0) instanceof JsonObject) {
                array.forEach(item -> item.asJsonObject().keySet().forEach(k -> leaves.add(key + "." + k)));
            } else {
                leaves.add(key);
            }
        });
        return leaves;
    }
}
