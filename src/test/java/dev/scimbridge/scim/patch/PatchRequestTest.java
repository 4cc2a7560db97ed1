package dev.scimbridge.scim.patch;

import static dev.scimbridge.scim.TestJson.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scimbridge.scim.ScimException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatchRequestTest {
    private static final String P = "'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp']";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", quoteCharacter = '`', textBlock = """
            {#,'Operations':[{'op':'add','path':'title','value':'x'}]}               | ADD     | title                  | 'x'
            {#,'Operations':[{'op':'Replace','path':'active','value':'False'}]}     | REPLACE | active                 | 'False'
            {#,'Operations':[{'op':'REMOVE','path':'members[value eq \\'u1\\']'}]}  | REMOVE  | members[value eq 'u1'] | -
            {#,'operations':[{'OP':'remove','PATH':'title'}]}                        | REMOVE  | title                  | -
            {'schemas':['URN:IETF:PARAMS:SCIM:API:MESSAGES:2.0:PATCHOP'],'Operations':[{'op':'replace','value':{'active':false}}]} | REPLACE | - | {'active':false}
            """)
    void parses(String body, String op, String path, String value) {
        PatchOperation operation = PatchRequest.parse(obj(expand(body))).operations().get(0);
        assertEquals(PatchOperation.Op.valueOf(op), operation.op());
        assertEquals(path == null ? null : path.replace('\'', '"'),
                operation.path() == null ? null : operation.path().toString());
        assertEquals(value == null ? null : obj("{'v':" + value + "}").get("v"), operation.value());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {'Operations':[{'op':'add','path':'a','value':'x'}]}                               | invalidSyntax
            {'schemas':['urn:ietf:params:scim:api:messages:2.0:ListResponse'],'Operations':[{'op':'add','path':'a','value':'x'}]} | invalidSyntax
            {#}                                                                                 | invalidSyntax
            {#,'Operations':[]}                                                                 | invalidSyntax
            {#,'Operations':{'op':'add'}}                                                       | invalidSyntax
            {#,'Operations':['add']}                                                            | invalidSyntax
            {#,'Operations':[{'path':'a','value':'x'}]}                                         | invalidSyntax
            {#,'Operations':[{'op':'move','path':'a','value':'x'}]}                             | invalidSyntax
            {#,'Operations':[{'op':'add','path':'a'}]}                                          | invalidValue
            {#,'Operations':[{'op':'replace','path':'a'}]}                                      | invalidValue
            {#,'Operations':[{'op':'remove','path':42}]}                                        | invalidPath
            {#,'Operations':[{'op':'remove','path':'emails[type eq'}]}                          | invalidPath
            {#,'Operations':[{'op':'remove','path':''}]}                                        | invalidPath
            """)
    void rejects(String body, String scimType) {
        ScimException e = assertThrows(ScimException.class, () -> PatchRequest.parse(obj(expand(body))));
        assertEquals(scimType, e.scimType().value(), e.detail());
    }

    private static String expand(String body) {
        return body.replace("{#", "{" + P).replace("\\'", "\\\"");
    }
}
