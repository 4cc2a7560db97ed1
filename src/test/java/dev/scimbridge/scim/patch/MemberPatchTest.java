package dev.scimbridge.scim.patch;

import static dev.scimbridge.scim.TestJson.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scimbridge.scim.ScimException;
import dev.scimbridge.scim.schema.ResourceType;
import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemberPatchTest {
    private static final JsonObject GROUP_RECORD = obj(
            "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'id':'g1','displayName':'Sales'}");

    /**
     * Each row: operations; expected added; removed; replacement ({@code -} for none; {@code {}} is the empty set); number of attribute
     * operations; and the member set that results from the current set {@code u1 u2}, which must equal what
     * {@link PatchApplier} computes on the full group.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            RFC add members              | [{'op':'add','path':'members','value':[{'display':'Babs','$ref':'https://x/Users/u3','value':'u3'}]}] | u3 | {}  | -  | 0 | u1 u2 u3
            RFC remove one               | [{'op':'remove','path':'members[value eq \\'u1\\']'}]                         | {}    | u1    | -     | 0 | u2
            RFC remove all               | [{'op':'remove','path':'members'}]                                           | {}    | {}    | {}    | 0 | {}
            RFC remove all then add      | [{'op':'remove','path':'members'},{'op':'add','path':'members','value':[{'value':'u7'}]}] | {} | {} | u7 | 0 | u7
            RFC replace                  | [{'op':'replace','path':'members','value':[{'value':'u5'},{'value':'u6'}]}]   | {}    | {}    | u5 u6 | 0 | u5 u6
            Entra remove by value array  | [{'op':'Remove','path':'members','value':[{'value':'u1'}]}]                  | {}    | u1    | -     | 0 | u2
            Entra add with null $ref     | [{'op':'Add','path':'members','value':[{'$ref':null,'value':'u3'}]}]        | u3    | {}    | -     | 0 | u1 u2 u3
            Entra add two                | [{'op':'Add','path':'members','value':[{'value':'u3'},{'value':'u4'}]}]     | u3 u4 | {}    | -     | 0 | u1 u2 u3 u4
            aadOptscim062020 remove      | [{'op':'remove','path':'members[value eq \\'u2\\']'}]                         | {}    | u2    | -     | 0 | u1
            Okta remove then add         | [{'op':'remove','path':'members[value eq \\'u1\\']'},{'op':'add','path':'members','value':[{'value':'u3','display':'U3'}]}] | u3 | u1 | - | 0 | u2 u3
            Okta replace all             | [{'op':'replace','path':'members','value':[{'value':'u9','display':'U9'}]}]  | {}    | {}    | u9    | 0 | u9
            Okta rename                  | [{'op':'replace','value':{'id':'g1','displayName':'Renamed'}}]               | {}    | {}    | -     | 1 | u1 u2
            rename and members in value  | [{'op':'replace','value':{'displayName':'R','members':[{'value':'u4'}]}}]   | {}    | {}    | u4    | 1 | u4
            add via value object         | [{'op':'add','value':{'members':[{'value':'u4'}]}}]                         | u4    | {}    | -     | 0 | u1 u2 u4
            removed then re-added        | [{'op':'remove','path':'members[value eq \\'u1\\']'},{'op':'add','path':'members','value':[{'value':'u1'}]}] | u1 | {} | - | 0 | u1 u2
            added then removed           | [{'op':'add','path':'members','value':[{'value':'u3'}]},{'op':'remove','path':'members','value':[{'value':'u3'}]}] | {} | u3 | - | 0 | u1 u2
            or of value eq               | [{'op':'remove','path':'members[value eq \\'u1\\' or value eq \\'u2\\']'}]    | {}    | u1 u2 | -     | 0 | {}
            replace then remove          | [{'op':'replace','path':'members','value':[{'value':'u5'},{'value':'u6'}]},{'op':'remove','path':'members[value eq \\'u5\\']'}] | {} | {} | u6 | 0 | u6
            replace with empty array     | [{'op':'replace','path':'members','value':[]}]                               | {}    | {}    | {}    | 0 | {}
            attribute op kept in order   | [{'op':'replace','path':'displayName','value':'X'},{'op':'add','path':'externalId','value':'e'}] | {} | {} | - | 2 | u1 u2
            """)
    void splits(String name, String operations, String added, String removed, String replacement, int attributeOps,
            String finalMembers) {
        List<PatchOperation> ops = ops(operations);
        GroupPatch split = MemberPatch.split(ops);
        assertEquals(set(added), split.members().added());
        assertEquals(set(removed), split.members().removed());
        assertEquals(replacement.equals("-") ? null : set(replacement), split.members().replaceAllWith().orElse(null));
        assertEquals(attributeOps, split.attributeOperations().size());
        assertEquals(added.equals("{}") && removed.equals("{}") && replacement.equals("-"), split.members().isEmpty());
        new PatchApplier().apply(ResourceType.GROUP, GROUP_RECORD, split.attributeOperations());

        Set<String> viaDelta = split.members().applyTo(set("u1 u2"));
        assertEquals(new TreeSet<>(set(finalMembers)), new TreeSet<>(viaDelta));
        JsonObject full = obj("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'id':'g1','displayName':'Sales',"
                + "'members':[{'value':'u1'},{'value':'u2'}]}");
        JsonObject patched = new PatchApplier().apply(ResourceType.GROUP, full, ops);
        Set<String> viaApplier = new TreeSet<>();
        if (patched.containsKey("members")) {
            patched.getJsonArray("members").forEach(m -> viaApplier.add(m.asJsonObject().getString("value")));
        }
        assertEquals(viaApplier, new TreeSet<>(viaDelta));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            filter on type               | [{'op':'remove','path':'members[type eq \\'User\\']'}]                       | invalidFilter
            filter with sw               | [{'op':'remove','path':'members[value sw \\'u\\']'}]                         | invalidFilter
            and of value eq              | [{'op':'remove','path':'members[value eq \\'a\\' and value eq \\'b\\']'}]     | invalidFilter
            replace by filter            | [{'op':'replace','path':'members[value eq \\'u1\\']','value':{'value':'u5'}}] | invalidPath
            member sub-attribute         | [{'op':'replace','path':'members[value eq \\'u1\\'].value','value':'u5'}]   | invalidPath
            members.value                | [{'op':'remove','path':'members.value'}]                                      | invalidPath
            member without value         | [{'op':'add','path':'members','value':[{'display':'x'}]}]                    | invalidValue
            member value not a string    | [{'op':'add','path':'members','value':[{'value':7}]}]                        | invalidValue
            """)
    void rejects(String name, String operations, String scimType) {
        ScimException e = assertThrows(ScimException.class, () -> MemberPatch.split(ops(operations)));
        assertEquals(scimType, e.scimType().value(), e.detail());
    }

    private static Set<String> set(String ids) {
        return ids.equals("{}") ? Set.of() : new LinkedHashSet<>(Arrays.asList(ids.trim().split("\\s+")));
    }

    private static List<PatchOperation> ops(String operations) {
        return PatchRequest.parse(obj("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':"
                + operations.replace("\\'", "\\\"") + "}")).operations();
    }
}
