package dev.scimbridge.scim.patch;

import static dev.scimbridge.scim.TestJson.obj;
import static dev.scimbridge.scim.TestJson.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimbridge.scim.ScimException;
import dev.scimbridge.scim.schema.ResourceType;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One row per RFC 7644 §3.5.2 example and per identity-provider request shape. Expectations are
 * {@code pointer=json} pairs separated by {@code ;}, with {@code ABSENT} for a missing member; {@code @E} stands
 * for the enterprise extension URN and {@code @B} for the bridge extension URN.
 */
class PatchApplierTest {
    private static final String E = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String B = "urn:scimbridge:params:scim:schemas:extension:bridge:2.0:User";
    private static final JsonObject USER = obj(expand("""
            {'schemas':['urn:ietf:params:scim:schemas:core:2.0:User','@E','@B'],'id':'u1','userName':'bjensen','active':true,
             'name':{'givenName':'Barbara','familyName':'Jensen'},
             'emails':[{'value':'bjensen@example.com','type':'work','primary':true},{'value':'babs@jensen.org','type':'home'}],
             'addresses':[{'type':'work','streetAddress':'100 Universal City Plaza','locality':'Hollywood'}],
             'meta':{'resourceType':'User','version':'W/1'},
             '@E':{'employeeNumber':'701984','manager':{'value':'m1'}},'@B':{'state':'active'}}
            """));
    private static final JsonObject PLAIN_USER = obj("""
            {'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'id':'u9','userName':'plain'}
            """);
    private static final JsonObject GROUP = obj("""
            {'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'id':'g1','displayName':'Sales',
             'members':[{'value':'u1'},{'value':'u2'}]}
            """);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            RFC add without path (no duplicate email)           | USER  | [{'op':'add','value':{'emails':[{'value':'babs@jensen.org','type':'home'}],'nickname':'Babs'}}] | /nickName='Babs';/emails/1/value='babs@jensen.org';/emails/2=ABSENT
            RFC add members                                     | GROUP | [{'op':'add','path':'members','value':[{'display':'Babs Jensen','$ref':'https://example.com/v2/Users/2819c223','value':'2819c223'}]}] | /members/2/value='2819c223';/members/2/$ref='https://example.com/v2/Users/2819c223';/members/2/display=ABSENT
            RFC remove one member                               | GROUP | [{'op':'remove','path':'members[value eq \\'u1\\']'}] | /members/0/value='u2';/members/1=ABSENT
            RFC remove all members                              | GROUP | [{'op':'remove','path':'members'}] | /members=ABSENT;/displayName='Sales'
            RFC remove filtered email                           | USER  | [{'op':'remove','path':'emails[type eq \\'work\\' and value ew \\'example.com\\']'}] | /emails/0/value='babs@jensen.org';/emails/1=ABSENT
            RFC remove all members then add                     | GROUP | [{'op':'remove','path':'members'},{'op':'add','path':'members','value':[{'value':'u7'},{'value':'u8'}]}] | /members/0/value='u7';/members/1/value='u8';/members/2=ABSENT
            RFC replace members                                 | GROUP | [{'op':'replace','path':'members','value':[{'display':'Babs','value':'u5'},{'value':'u6'}]}] | /members/0/value='u5';/members/1/value='u6';/members/2=ABSENT
            RFC replace filtered complex value                  | USER  | [{'op':'replace','path':'addresses[type eq \\'work\\']','value':{'type':'work','streetAddress':'911 Universal City Plaza','locality':'Hollywood','region':'CA','postalCode':'91608','country':'US','formatted':'911 Universal City Plaza Hollywood, CA 91608 US','primary':true}}] | /addresses/0/streetAddress='911 Universal City Plaza';/addresses/0/primary=true;/addresses/1=ABSENT
            RFC replace filtered sub-attribute                  | USER  | [{'op':'replace','path':'addresses[type eq \\'work\\'].streetAddress','value':'1010 Broadway Ave'}] | /addresses/0/streetAddress='1010 Broadway Ave';/addresses/0/locality='Hollywood'
            RFC replace without path                            | USER  | [{'op':'replace','value':{'emails':[{'value':'bjensen@example.com','type':'work','primary':true},{'value':'babs@jensen.org','type':'home'}],'nickname':'Babs'}}] | /emails/1/type='home';/emails/2=ABSENT;/nickName='Babs'
            add appends new email                               | USER  | [{'op':'add','path':'emails','value':[{'value':'new@x.org','type':'other'}]}] | /emails/2/value='new@x.org';/emails/0/primary=true
            add new primary clears the old                      | USER  | [{'op':'add','path':'emails','value':[{'value':'new@x.org','primary':true}]}] | /emails/2/primary=true;/emails/0/primary=false
            add same email merges                               | USER  | [{'op':'add','path':'emails','value':{'value':'BABS@jensen.org','display':'Babs'}}] | /emails/1/display='Babs';/emails/1/type='home';/emails/2=ABSENT
            replace primary by filter keeps one primary         | USER  | [{'op':'replace','path':'emails[type eq \\'home\\'].primary','value':true}] | /emails/1/primary=true;/emails/0/primary=false
            remove with no match is a no-op                     | USER  | [{'op':'remove','path':'emails[type eq \\'other\\']'}] | /emails/1/value='babs@jensen.org'
            add by filter with no match creates the value       | USER  | [{'op':'add','path':'emails[type eq \\'other\\'].value','value':'o@x.org'}] | /emails/2/type='other';/emails/2/value='o@x.org'
            add singular complex merges                         | USER  | [{'op':'add','path':'name','value':{'middleName':'Q'}}] | /name/middleName='Q';/name/givenName='Barbara'
            replace singular complex merges                     | USER  | [{'op':'replace','path':'name','value':{'givenName':'Babs'}}] | /name/givenName='Babs';/name/familyName='Jensen'
            add sub-attribute                                   | USER  | [{'op':'add','path':'name.middleName','value':'Q'}] | /name/middleName='Q'
            remove sub-attribute                                | USER  | [{'op':'remove','path':'name.givenName'}] | /name/givenName=ABSENT;/name/familyName='Jensen'
            remove complex attribute                            | USER  | [{'op':'remove','path':'name'}] | /name=ABSENT
            remove sub-attribute of every value                 | USER  | [{'op':'remove','path':'emails.type'}] | /emails/0/type=ABSENT;/emails/1/value='babs@jensen.org'
            replace missing attribute adds it                   | USER  | [{'op':'replace','path':'title','value':'Tour Guide'}] | /title='Tour Guide'
            remove whole extension                              | USER  | [{'op':'remove','path':'@E'}] | /@E=ABSENT;/schemas/1='@B'
            replace extension object                            | USER  | [{'op':'replace','path':'@E','value':{'department':'D'}}] | /@E/department='D';/@E/employeeNumber='701984'
            add extension attribute on a plain user             | PLAIN | [{'op':'add','path':'@E:department','value':'D'}] | /@E/department='D';/schemas/1='@E'
            attribute names are case-insensitive                | USER  | [{'op':'replace','path':'NAME.GIVENNAME','value':'B'},{'op':'replace','path':'Emails[TYPE EQ \\'WORK\\'].VALUE','value':'w@x.org'}] | /name/givenName='B';/emails/0/value='w@x.org'
            Entra Replace active "False"                        | USER  | [{'op':'Replace','path':'active','value':'False'}] | /active=false
            Entra Replace active "TRUE"                         | USER  | [{'op':'Replace','path':'active','value':'TRUE'}] | /active=true
            Entra Replace work email                            | USER  | [{'op':'Replace','path':'emails[type eq \\'work\\'].value','value':'new@contoso.com'}] | /emails/0/value='new@contoso.com';/emails/0/primary=true
            Entra Replace name.givenName                        | USER  | [{'op':'Replace','path':'name.givenName','value':'Barb'}] | /name/givenName='Barb'
            Entra Replace enterprise employeeNumber             | USER  | [{'op':'Replace','path':'@E:employeeNumber','value':'42'}] | /@E/employeeNumber='42'
            Entra Add manager as bare id                        | USER  | [{'op':'Add','path':'@E:manager','value':'m2'}] | /@E/manager/value='m2'
            Entra Add manager on a plain user                   | PLAIN | [{'op':'Add','path':'@E:manager','value':'m2'}] | /@E/manager/value='m2';/schemas/1='@E'
            Entra Add phone by filter                           | USER  | [{'op':'Add','path':'phoneNumbers[type eq \\'mobile\\'].value','value':'+1 555'}] | /phoneNumbers/0/type='mobile';/phoneNumbers/0/value='+1 555'
            Entra several capitalised ops                       | USER  | [{'op':'Replace','path':'displayName','value':'B J'},{'op':'Add','path':'title','value':'CEO'},{'op':'Remove','path':'name.familyName'}] | /displayName='B J';/title='CEO';/name/familyName=ABSENT
            Entra Remove members by value array                 | GROUP | [{'op':'Remove','path':'members','value':[{'value':'u1'}]}] | /members/0/value='u2';/members/1=ABSENT
            Entra Remove absent member is a no-op               | GROUP | [{'op':'Remove','path':'members','value':[{'value':'zz'}]}] | /members/1/value='u2'
            Entra Add members with null $ref                    | GROUP | [{'op':'Add','path':'members','value':[{'$ref':null,'value':'u3'}]}] | /members/2/value='u3';/members/2/$ref=ABSENT
            Entra Add existing member is not duplicated         | GROUP | [{'op':'Add','path':'members','value':[{'value':'u1'}]}] | /members/2=ABSENT
            Entra aadOptscim062020 no-path replace              | USER  | [{'op':'replace','value':{'name.givenName':'A','@E:department':'B','active':false}}] | /name/givenName='A';/name/familyName='Jensen';/@E/department='B';/active=false
            Entra aadOptscim062020 real boolean                 | USER  | [{'op':'replace','path':'active','value':false}] | /active=false
            Entra aadOptscim062020 remove member by filter      | GROUP | [{'op':'remove','path':'members[value eq \\'u2\\']'}] | /members/0/value='u1';/members/1=ABSENT
            Okta deactivate                                     | USER  | [{'op':'replace','value':{'active':false}}] | /active=false
            Okta group rename with unchanged id                 | GROUP | [{'op':'replace','value':{'id':'g1','displayName':'Renamed'}}] | /displayName='Renamed';/id='g1'
            Okta remove and add members in one request          | GROUP | [{'op':'remove','path':'members[value eq \\'u1\\']'},{'op':'add','path':'members','value':[{'value':'u3','display':'U3'}]}] | /members/0/value='u2';/members/1/value='u3';/members/1/display=ABSENT
            Okta full replace of members                        | GROUP | [{'op':'replace','path':'members','value':[{'value':'u9','display':'U9'}]}] | /members/0/value='u9';/members/1=ABSENT
            Entra group schema URN in a value is ignored        | GROUP | [{'op':'replace','value':{'schemas':['http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],'displayName':'X'}}] | /displayName='X'
            readOnly bridge state stays                         | USER  | [{'op':'replace','path':'title','value':'T'}] | /@B/state='active';/id='u1';/meta/version='W/1'
            """)
    void applies(String name, String fixture, String operations, String expectations) {
        JsonObject result = new PatchApplier().apply(type(fixture), fixture(fixture), ops(operations));
        for (String expectation : expectations.split(";")) {
            String[] parts = expectation.split("=", 2);
            String pointer = expand(parts[0]);
            if (parts[1].equals("ABSENT")) {
                assertTrue(!exists(result, pointer), pointer + " in " + result);
            } else {
                assertTrue(exists(result, pointer), pointer + " missing in " + result);
                assertEquals(value(expand(parts[1])), result.getValue(pointer), pointer + " in " + result);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            remove without path                         | USER  | [{'op':'remove'}]                                                              | noTarget
            replace by filter with no match             | USER  | [{'op':'replace','path':'emails[type eq \\'other\\'].value','value':'x'}]      | noTarget
            replace whole value by filter with no match | USER  | [{'op':'replace','path':'emails[type eq \\'other\\']','value':{'value':'x'}}]  | noTarget
            add by filter that cannot seed a value      | USER  | [{'op':'add','path':'emails[value co \\'zzz\\'].type','value':'work'}]           | noTarget
            replace id                                  | USER  | [{'op':'replace','path':'id','value':'u2'}]                                    | mutability
            remove meta                                 | USER  | [{'op':'remove','path':'meta'}]                                                | mutability
            add groups                                  | USER  | [{'op':'add','path':'groups','value':[{'value':'g1'}]}]                       | mutability
            replace bridge state                        | USER  | [{'op':'replace','path':'@B:state','value':'suspended'}]                       | mutability
            no-path replace with a different id         | GROUP | [{'op':'replace','value':{'id':'other','displayName':'X'}}]                    | mutability
            change an immutable member value            | GROUP | [{'op':'replace','path':'members[value eq \\'u1\\'].value','value':'u5'}]      | mutability
            replace a readOnly sub-attribute            | USER  | [{'op':'replace','path':'meta.version','value':'x'}]                           | mutability
            unknown attribute                           | USER  | [{'op':'replace','path':'shoeSize','value':'9'}]                               | invalidPath
            unknown sub-attribute                       | USER  | [{'op':'replace','path':'name.nick','value':'x'}]                              | invalidPath
            sub-attribute of a simple attribute         | USER  | [{'op':'replace','path':'userName.first','value':'x'}]                         | invalidPath
            filter on a singular attribute              | USER  | [{'op':'replace','path':'name[givenName eq \\'x\\']','value':{}}]              | invalidPath
            multi-valued sub-attribute without filter   | USER  | [{'op':'replace','path':'emails.value','value':'x'}]                           | invalidPath
            unknown key in a no-path value              | USER  | [{'op':'replace','value':{'shoeSize':'9'}}]                                    | invalidPath
            core attribute under the wrong URN          | USER  | [{'op':'replace','path':'urn:ietf:params:scim:schemas:core:2.0:Group:displayName','value':'x'}] | invalidPath
            string for a boolean                        | USER  | [{'op':'replace','path':'active','value':'maybe'}]                             | invalidValue
            number for a string                         | USER  | [{'op':'replace','path':'userName','value':42}]                                | invalidValue
            remove a required attribute                 | USER  | [{'op':'remove','path':'userName'}]                                            | invalidValue
            two primaries added                         | USER  | [{'op':'add','path':'emails','value':[{'value':'a@x','primary':true},{'value':'b@x','primary':true}]}] | invalidValue
            no-path value that is not an object         | USER  | [{'op':'replace','value':'x'}]                                                 | invalidValue
            add with null value                         | USER  | [{'op':'add','path':'title','value':null}]                                     | invalidValue
            unknown filter attribute in a path          | USER  | [{'op':'remove','path':'emails[kind eq \\'x\\']'}]                             | invalidFilter
            second operation fails: nothing applies     | USER  | [{'op':'replace','path':'title','value':'T'},{'op':'replace','path':'id','value':'x'}] | mutability
            """)
    void rejects(String name, String fixture, String operations, String scimType) {
        JsonObject before = fixture(fixture);
        ScimException e = assertThrows(ScimException.class,
                () -> new PatchApplier().apply(type(fixture), before, ops(operations)));
        assertEquals(scimType, e.scimType().value(), e.detail());
        assertEquals(fixture(fixture), before);
    }

    private static boolean exists(JsonObject object, String pointer) {
        try {
            object.getValue(pointer);
            return true;
        } catch (jakarta.json.JsonException e) {
            return false;
        }
    }

    private static List<PatchOperation> ops(String operations) {
        JsonObject body = obj("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':"
                + expand(operations).replace("\\'", "\\\"") + "}");
        return PatchRequest.parse(body).operations();
    }

    private static JsonObject fixture(String name) {
        return switch (name) {
            case "USER" -> USER;
            case "PLAIN" -> PLAIN_USER;
            default -> GROUP;
        };
    }

    private static ResourceType type(String fixture) {
        return fixture.equals("GROUP") ? ResourceType.GROUP : ResourceType.USER;
    }

    private static String expand(String text) {
        return text.replace("@E", E).replace("@B", B);
    }
}
