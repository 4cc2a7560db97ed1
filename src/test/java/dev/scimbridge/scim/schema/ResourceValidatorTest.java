package dev.scimbridge.scim.schema;

import static dev.scimbridge.scim.TestJson.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scimbridge.scim.ScimException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceValidatorTest {
    private static final String U = "'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'";
    private static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private final ResourceValidator validator = new ResourceValidator();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            minimal                 | {#],'userName':'bjensen'}                                   | {#],'userName':'bjensen'}
            canonical case          | {#],'USERNAME':'bjensen','Name':{'GIVENNAME':'B'}}          | {#],'userName':'bjensen','name':{'givenName':'B'}}
            boolean string True     | {#],'userName':'b','active':'True'}                          | {#],'userName':'b','active':true}
            boolean string false    | {#],'userName':'b','active':'false'}                         | {#],'userName':'b','active':false}
            readOnly dropped        | {#],'id':'x','meta':{'version':'1'},'groups':[{'value':'g'}],'userName':'b'} | {#],'userName':'b'}
            nulls are unassigned    | {#],'userName':'b','title':null,'emails':[]}                 | {#],'userName':'b'}
            password accepted       | {#],'userName':'b','password':'s3cret'}                      | {#],'userName':'b','password':'s3cret'}
            single value wrapped    | {#],'userName':'b','emails':{'value':'b@x','type':'work'}}  | {#],'userName':'b','emails':[{'value':'b@x','type':'work'}]}
            one primary             | {#],'userName':'b','emails':[{'value':'a','primary':'True'},{'value':'c','primary':false}]} | {#],'userName':'b','emails':[{'value':'a','primary':true},{'value':'c','primary':false}]}
            schema URN any case     | {'schemas':['URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER'],'userName':'b'} | {#],'userName':'b'}
            enterprise extension    | {#,'@E'],'userName':'b','@E':{'employeeNumber':'7','manager':{'value':'m','displayName':'M'}}} | {#,'@E'],'userName':'b','@E':{'employeeNumber':'7','manager':{'value':'m'}}}
            manager as bare id      | {#,'@E'],'userName':'b','@E':{'manager':'m'}}               | {#,'@E'],'userName':'b','@E':{'manager':{'value':'m'}}}
            URN-qualified core key  | {#],'urn:ietf:params:scim:schemas:core:2.0:User:userName':'b'} | {#],'userName':'b'}
            bridge extension ignored| {#,'urn:scimbridge:params:scim:schemas:extension:bridge:2.0:User'],'userName':'b','urn:scimbridge:params:scim:schemas:extension:bridge:2.0:User':{'state':'active'}} | {#],'userName':'b'}
            listed unused extension | {#,'@E'],'userName':'b'}                                    | {#],'userName':'b'}
            dateTime and binary     | {#],'userName':'b','x509Certificates':[{'value':'TUlJ'}]}   | {#],'userName':'b','x509Certificates':[{'value':'TUlJ'}]}
            """)
    void createNormalises(String name, String body, String expected) {
        assertEquals(obj(expand(expected)), validator.validateCreate(ResourceType.USER, obj(expand(body))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing schemas         | {'userName':'b'}                                             | invalidValue
            core schema not listed  | {'schemas':['@E'],'userName':'b'}                            | invalidValue
            unknown schema URN      | {#,'urn:example:other'],'userName':'b'}                     | invalidValue
            extension not listed    | {#],'userName':'b','@E':{'department':'d'}}                 | invalidValue
            extension not an object | {#,'@E'],'userName':'b','@E':'d'}                           | invalidSyntax
            unknown attribute       | {#],'userName':'b','shoeSize':42}                            | invalidSyntax
            unknown sub-attribute   | {#],'userName':'b','name':{'nick':'x'}}                     | invalidSyntax
            unknown extension attr  | {#,'@E'],'userName':'b','@E':{'shoeSize':'x'}}              | invalidSyntax
            extension attr unqualified | {#],'userName':'b','employeeNumber':'7'}                  | invalidSyntax
            required missing        | {#],'displayName':'B'}                                       | invalidValue
            required empty          | {#],'userName':''}                                           | invalidValue
            required blank          | {#],'userName':'  '}                                         | invalidValue
            string expected         | {#],'userName':42}                                           | invalidValue
            boolean expected        | {#],'userName':'b','active':'yes'}                           | invalidValue
            complex expected        | {#],'userName':'b','name':'Babs'}                            | invalidValue
            two primaries           | {#],'userName':'b','emails':[{'value':'a','primary':true},{'value':'c','primary':'TRUE'}]} | invalidValue
            bad base64              | {#],'userName':'b','x509Certificates':[{'value':'%%%'}]}    | invalidValue
            """)
    void createRejects(String name, String body, String scimType) {
        ScimException e = assertThrows(ScimException.class,
                () -> validator.validateCreate(ResourceType.USER, obj(expand(body))));
        assertEquals(scimType, e.scimType().value());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Entra group URN ignored | {'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group','http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],'displayName':'G','members':[{'value':'u1','$ref':null,'display':'U'}]} | {'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':'G','members':[{'value':'u1'}]}
            """)
    void groupCreate(String name, String body, String expected) {
        assertEquals(obj(expected), validator.validateCreate(ResourceType.GROUP, obj(body)));
    }

    @Test
    void aGroupNeedsANonEmptyDisplayName() {
        ScimException e = assertThrows(ScimException.class, () -> validator.validateCreate(ResourceType.GROUP,
                obj("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':' '}")));
        assertEquals("invalidValue", e.scimType().value());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            id and meta kept      | {#],'id':'other','userName':'new'}           | {#],'id':'1','userName':'old','meta':{'version':'W/1'}} | {#],'id':'1','userName':'new','meta':{'version':'W/1'}}
            groups kept           | {#],'userName':'b'}                          | {#],'id':'1','userName':'b','groups':[{'value':'g'}]}  | {#],'id':'1','userName':'b','groups':[{'value':'g'}]}
            omitted attrs cleared | {#],'userName':'b'}                          | {#],'id':'1','userName':'b','title':'T'}               | {#],'id':'1','userName':'b'}
            bridge state kept     | {#],'userName':'b'}                          | {#,'urn:scimbridge:params:scim:schemas:extension:bridge:2.0:User'],'id':'1','userName':'b','urn:scimbridge:params:scim:schemas:extension:bridge:2.0:User':{'state':'active'}} | {#,'urn:scimbridge:params:scim:schemas:extension:bridge:2.0:User'],'id':'1','userName':'b','urn:scimbridge:params:scim:schemas:extension:bridge:2.0:User':{'state':'active'}}
            """)
    void replaceKeepsReadOnlyValues(String name, String body, String existing, String expected) {
        assertEquals(obj(expand(expected)),
                validator.validateReplace(ResourceType.USER, obj(expand(body)), obj(expand(existing))));
    }

    private static String expand(String json) {
        return json.replace("{#", "{" + U).replace("@E", ENT);
    }
}
