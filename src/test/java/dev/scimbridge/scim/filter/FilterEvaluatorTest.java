package dev.scimbridge.scim.filter;

import static dev.scimbridge.scim.TestJson.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scimbridge.scim.ScimErrorType;
import dev.scimbridge.scim.ScimException;
import dev.scimbridge.scim.schema.ResourceType;
import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterEvaluatorTest {
    private static final JsonObject USER = obj("""
            {'schemas':['urn:ietf:params:scim:schemas:core:2.0:User','urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
             'id':'2819c223','externalId':'Ext-1','userName':'BJensen','title':'','userType':'Employee','active':true,
             'name':{'familyName':'O\\u0027Malley','givenName':'Barbara'},
             'emails':[{'value':'bjensen@example.com','type':'work','primary':true},{'value':'babs@jensen.org','type':'home'}],
             'ims':[{'value':'someaimhandle','type':'aim'}],
             'x509Certificates':[{'value':'TUlJ'}],
             'meta':{'resourceType':'User','created':'2010-01-23T04:56:22Z','lastModified':'2011-05-13T04:42:34Z','version':'W/\\u00223694e05e9dff591\\u0022'},
             'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':{'employeeNumber':'701984','manager':{'value':'26118915'}}}
            """);
    private final FilterEvaluator evaluator = new FilterEvaluator();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            userName eq "bjensen"                                                   | true
            userName eq "BJENSEN"                                                   | true
            userName ne "bjensen"                                                   | false
            name.familyName co "O'Malley"                                           | true
            name.familyName co "o'malley"                                           | true
            userName sw "J"                                                         | false
            userName sw "bj"                                                        | true
            userName ew "SEN"                                                       | true
            urn:ietf:params:scim:schemas:core:2.0:User:userName sw "B"              | true
            title pr                                                                | false
            userType pr                                                             | true
            nickName pr                                                             | false
            emails pr                                                               | true
            phoneNumbers pr                                                         | false
            meta.lastModified gt "2011-05-13T04:42:34Z"                             | false
            meta.lastModified ge "2011-05-13T04:42:34Z"                             | true
            meta.lastModified lt "2011-05-13T04:42:34Z"                             | false
            meta.lastModified le "2011-05-13T04:42:34Z"                             | true
            meta.lastModified eq "2011-05-13T06:42:34+02:00"                        | true
            meta.lastModified gt "2011-05-13T04:42:33.999Z"                         | true
            meta.created lt "2011-05-13T04:42:34Z"                                  | true
            title pr and userType eq "Employee"                                     | false
            title pr or userType eq "Employee"                                      | true
            schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" | true
            schemas eq "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER" | true
            userType eq "Employee" and (emails co "example.com" or emails.value co "example.org") | true
            userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org") | false
            not (emails co "example.com" or emails.value co "example.org")          | false
            not (emails co "nowhere.test")                                          | true
            userType eq "Employee" and (emails.type eq "work")                      | true
            userType eq "Employee" and emails[type eq "work" and value co "@example.com"] | true
            emails[type eq "home" and value co "@example.com"]                      | false
            emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"] | true
            ims[type eq "xmpp"]                                                     | false
            emails[type eq "work"].value eq "bjensen@example.com"                   | true
            emails[type eq "home"].value eq "bjensen@example.com"                   | false
            emails[primary eq true].value ew "@example.com"                         | true
            emails.value eq "babs@jensen.org"                                       | true
            emails.primary eq "True"                                                | true
            active eq true                                                          | true
            active eq false                                                         | false
            active ne false                                                         | true
            externalId eq "Ext-1"                                                   | true
            externalId eq "ext-1"                                                   | false
            id eq "2819C223"                                                        | false
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "701984" | true
            employeeNumber sw "70"                                                  | true
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "26118915" | true
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager eq "26118915" | true
            urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department pr | false
            nickName eq null                                                        | true
            userName eq null                                                        | false
            userName ne null                                                        | true
            nickName ne "x"                                                         | true
            x509Certificates.value eq "TUlJ"                                        | true
            x509Certificates.value eq "tulj"                                        | false
            userName gt "A"                                                         | true
            userName lt "a"                                                         | false
            meta.version eq "W/\\"3694e05e9dff591\\""                               | true
            """)
    void evaluatesAgainstUser(String filter, boolean expected) {
        assertEquals(expected, evaluator.matches(FilterParser.parse(filter), USER, ResourceType.USER));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            active gt true                           | 'gt' is not allowed on the boolean attribute 'active'
            active le false                          | 'le' is not allowed on the boolean attribute 'active'
            emails.primary lt true                   | 'lt' is not allowed on the boolean attribute 'primary'
            active co "t"                            | 'co' is not allowed on the boolean attribute 'active'
            active eq "yes"                          | 'active' compares with true or false
            x509Certificates.value gt "A"            | 'gt' is not allowed on the binary attribute 'value'
            meta.lastModified gt "yesterday"         | 'lastModified' compares with a dateTime string
            meta.lastModified gt 5                   | 'lastModified' compares with a dateTime string
            userName eq 5                            | 'userName' compares with a string
            userName gt null                         | Only eq and ne compare with null
            shoeSize eq "9"                          | Unknown attribute 'shoeSize'
            name.nick eq "x"                         | Unknown sub-attribute 'nick' of 'name'
            emails[kind eq "work"]                   | Unknown sub-attribute 'kind' of 'emails'
            name[givenName eq "x"]                   | 'name' is not a multi-valued complex attribute
            name eq "x"                              | 'name' is complex: compare one of its sub-attributes
            addresses eq "x"                         | 'addresses' is complex: compare one of its sub-attributes
            urn:ietf:params:scim:schemas:core:2.0:Group:displayName eq "x" | Unknown attribute
            members pr                               | Unknown attribute 'members'
            """)
    void rejectsFiltersThatDoNotFitTheSchema(String filter, String message) {
        ScimException e = assertThrows(ScimException.class,
                () -> evaluator.matches(FilterParser.parse(filter), USER, ResourceType.USER));
        assertEquals(ScimErrorType.INVALID_FILTER, e.scimType());
        assertEquals(true, e.detail().contains(message), e.detail());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            displayName eq "sales"                  | true
            displayName eq "Sales" and members pr   | true
            members[value eq "u1"]                  | true
            members[value eq "U1"]                  | true
            members.value eq "u3"                   | false
            members[type eq "User" and value eq "u2"] | true
            """)
    void evaluatesAgainstGroup(String filter, boolean expected) {
        JsonObject group = obj("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'id':'g1','displayName':'Sales',"
                + "'members':[{'value':'u1'},{'value':'u2','type':'User'}]}");
        assertEquals(expected, evaluator.matches(FilterParser.parse(filter), group, ResourceType.GROUP));
    }
}
