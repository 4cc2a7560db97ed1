package dev.scimbridge.scim.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimbridge.scim.ScimErrorType;
import dev.scimbridge.scim.ScimException;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterParserTest {

    /** Every filter example of RFC 7644 §3.4.2.2, then IdP filters; each printed in canonical form. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            userName eq "bjensen"                                                   | userName eq "bjensen"
            name.familyName co "O'Malley"                                           | name.familyName co "O'Malley"
            userName sw "J"                                                         | userName sw "J"
            urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"              | urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"
            title pr                                                                | title pr
            meta.lastModified gt "2011-05-13T04:42:34Z"                             | meta.lastModified gt "2011-05-13T04:42:34Z"
            meta.lastModified ge "2011-05-13T04:42:34Z"                             | meta.lastModified ge "2011-05-13T04:42:34Z"
            meta.lastModified lt "2011-05-13T04:42:34Z"                             | meta.lastModified lt "2011-05-13T04:42:34Z"
            meta.lastModified le "2011-05-13T04:42:34Z"                             | meta.lastModified le "2011-05-13T04:42:34Z"
            title pr and userType eq "Employee"                                     | title pr and userType eq "Employee"
            title pr or userType eq "Intern"                                        | title pr or userType eq "Intern"
            schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" | schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
            userType eq "Employee" and (emails co "example.com" or emails.value co "example.org") | userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")
            userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org") | userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")
            userType eq "Employee" and (emails.type eq "work")                      | userType eq "Employee" and emails.type eq "work"
            userType eq "Employee" and emails[type eq "work" and value co "@example.com"] | userType eq "Employee" and emails[type eq "work" and value co "@example.com"]
            emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"] | emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]
            externalId eq "00u1abcd"                                                | externalId eq "00u1abcd"
            userName eq "a@b.com" and externalId eq "x"                             | userName eq "a@b.com" and externalId eq "x"
            displayName eq "Sales Team"                                             | displayName eq "Sales Team"
            emails[type eq "work"].value eq "x@example.com"                         | emails[type eq "work"].value eq "x@example.com"
            USERNAME EQ "x"                                                         | USERNAME eq "x"
            userName Eq "x" AND active eQ TRUE                                      | userName eq "x" and active eq true
            NOT(title pr)                                                           | not (title pr)
            ((userName eq "a"))                                                     | userName eq "a"
            userName eq "tab\\tquote\\"slash\\\\u\\u00e9"                           | userName eq "tab\\tquote\\"slash\\\\u\u00e9"
            meta.version eq null                                                    | meta.version eq null
            x509Certificates.value eq "TUlJ"                                        | x509Certificates.value eq "TUlJ"
            a eq -1.5e3                                                             | a eq -1.5E+3
            a eq false                                                              | a eq false
            """)
    void parsesAndPrints(String filter, String printed) {
        Filter parsed = FilterParser.parse(filter);
        assertEquals(printed, parsed.toString());
        assertEquals(parsed, FilterParser.parse(parsed.toString()), "round trip");
    }

    /** {@code and} binds tighter than {@code or}; both are left-associative. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a pr or b pr and c pr              | Or[left=Present[path=a], right=And[left=Present[path=b], right=Present[path=c]]]
            a pr and b pr or c pr              | Or[left=And[left=Present[path=a], right=Present[path=b]], right=Present[path=c]]
            a pr and b pr and c pr             | And[left=And[left=Present[path=a], right=Present[path=b]], right=Present[path=c]]
            a pr or b pr or c pr               | Or[left=Or[left=Present[path=a], right=Present[path=b]], right=Present[path=c]]
            (a pr or b pr) and c pr            | And[left=Or[left=Present[path=a], right=Present[path=b]], right=Present[path=c]]
            a pr and (b pr or c pr)            | And[left=Present[path=a], right=Or[left=Present[path=b], right=Present[path=c]]]
            not (a pr) and b pr                | And[left=Not[filter=Present[path=a]], right=Present[path=b]]
            a pr or not (b pr or c pr) and d pr | Or[left=Present[path=a], right=And[left=Not[filter=Or[left=Present[path=b], right=Present[path=c]]], right=Present[path=d]]]
            """)
    void precedence(String filter, String tree) {
        assertEquals(tree, structure(FilterParser.parse(filter)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a pr and (b pr or c pr)          | a pr and (b pr or c pr)
            a pr or (b pr or c pr)           | a pr or (b pr or c pr)
            (a pr or b pr) or c pr           | a pr or b pr or c pr
            a pr and (b pr and c pr)         | a pr and (b pr and c pr)
            not (a pr and b pr) or c pr      | not (a pr and b pr) or c pr
            """)
    void printsMinimalParentheses(String filter, String printed) {
        Filter parsed = FilterParser.parse(filter);
        assertEquals(printed, parsed.toString());
        assertEquals(parsed, FilterParser.parse(printed));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ``                            | The filter is empty
            userName                      | Expected an operator (eq ne co sw ew gt ge lt le pr) after 'userName' at position 9
            userName eq                   | Expected a value at position 12
            userName xx "a"               | Unknown operator 'xx' at position 10
            userName eq "a                | Unterminated string at position 13
            userName eq "a\\q"            | Invalid escape '\\q' at position 15
            userName eq 'a'               | Expected a value at position 13
            userName eq"a"                | Expected whitespace before the value at position 12
            userName eq bjensen           | Expected a value but found 'bjensen' at position 13
            (userName eq "a"              | Expected ')' before the end at position 17
            userName eq "a")              | Unexpected ')' at position 16
            userName eq "a" and           | Expected an attribute name at position 20
            userName eq "a" or or b pr    | Unknown operator 'b' at position 23
            emails[type eq "work"         | Expected ']' before the end at position 22
            emails[type eq "work"] eq     | Expected a value at position 26
            emails[type[value eq "a"] pr] | Value filters cannot be nested at position 12
            emails.value[type eq "w"]     | A value filter follows the attribute, not its sub-attribute
            userName eq 1x                | Invalid number '1x' at position 13
            userName eq -                 | Invalid number '-' at position 13
            userName eq 1e9999999999      | Number '1e9999999999' is out of range at position 13
            userName eq "a" userName      | Unexpected 'u' at position 17
            userNameeq "a"                | Expected an operator
            "userName" eq "a"             | Expected an attribute name but found '"' at position 1
            1abc eq "a"                   | Invalid attribute name '1abc' at position 1
            urn:ietf:params:scim:schemas:core:2.0:User eq "a" | Expected an attribute name after the schema URN at position 1
            not title pr                  | Unknown operator 'title' at position 5
            userName eq "\\u12"           | Incomplete \\u escape
            """)
    void rejectsMalformedFilters(String filter, String message) {
        ScimException e = assertThrows(ScimException.class, () -> FilterParser.parse(filter == null ? "" : filter));
        assertEquals(ScimErrorType.INVALID_FILTER, e.scimType());
        assertTrue(e.detail().startsWith(message) || e.detail().contains(message), e.detail());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a eq "x"     | "x"
            a eq 42      | 42
            a eq 4.20    | 4.20
            a eq true    | true
            a eq FALSE   | false
            a eq Null    | null
            """)
    void literals(String filter, String json) {
        Filter.Comparison comparison = assertInstanceOf(Filter.Comparison.class, FilterParser.parse(filter));
        JsonValue expected = Json.createReader(new java.io.StringReader(json)).readValue();
        if (expected.getValueType() == JsonValue.ValueType.NUMBER) {
            expected = Json.createValue(new BigDecimal(json));
        }
        assertEquals(expected, comparison.value());
    }

    private static String structure(Filter filter) {
        return filter.accept(new FilterVisitor<String, Void>() {
            @Override
            public String visitComparison(Filter.Comparison f, Void p) {
                return "Comparison[" + f + "]";
            }

            @Override
            public String visitPresent(Filter.Present f, Void p) {
                return "Present[path=" + f.path() + "]";
            }

            @Override
            public String visitAnd(Filter.And f, Void p) {
                return "And[left=" + f.left().accept(this, p) + ", right=" + f.right().accept(this, p) + "]";
            }

            @Override
            public String visitOr(Filter.Or f, Void p) {
                return "Or[left=" + f.left().accept(this, p) + ", right=" + f.right().accept(this, p) + "]";
            }

            @Override
            public String visitNot(Filter.Not f, Void p) {
                return "Not[filter=" + f.filter().accept(this, p) + "]";
            }

            @Override
            public String visitValuePath(Filter.ValuePath f, Void p) {
                return "ValuePath[" + f + "]";
            }
        }, null);
    }
}
