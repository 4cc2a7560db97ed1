package dev.scimbridge.scim.filter;

import dev.scimbridge.scim.Json;
import dev.scimbridge.scim.ScimException;
import dev.scimbridge.scim.schema.SchemaRegistry;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * A recursive-descent parser for the filter grammar of RFC 7644 §3.4.2.2 (ABNF in Figure 1), producing an
 * immutable {@link Filter}.
 *
 * <pre>
 * filter    = or
 * or        = and *("or" and)                 ; and binds tighter than or
 * and       = unary *("and" unary)
 * unary     = "not" "(" filter ")" / "(" filter ")" / attrExp
 * attrExp   = path "pr" / path compareOp compValue / attr "[" valFilter "]"
 * path      = [URN ":"] attr ["." sub] / attr "[" valFilter "]" "." sub
 * compValue = false / null / true / number / string   ; JSON syntax, keywords in any case
 * </pre>
 *
 * <p>Operators and keywords are case-insensitive. Errors are {@code invalidFilter} and name the 1-based position,
 * e.g. {@code FilterParser.parse("userName eq")} fails with "Expected a value at position 12".
 */
public final class FilterParser {
    private final String text;
    private final Function<String, ScimException> error;
    private int pos;
    private int depth;

    FilterParser(String text, Function<String, ScimException> error) {
        this.text = text;
        this.error = error;
    }

    /** Parses a filter; throws {@code invalidFilter} on malformed input. */
    public static Filter parse(String filter) {
        if (filter == null || filter.isBlank()) {
            throw ScimException.invalidFilter("The filter is empty");
        }
        FilterParser parser = new FilterParser(filter, ScimException::invalidFilter);
        Filter result = parser.parseOr();
        parser.skipWhitespace();
        if (parser.pos < parser.text.length()) {
            throw parser.fail("Unexpected '" + parser.text.charAt(parser.pos) + "'");
        }
        return result;
    }

    AttributePath parseWholePath() {
        int start = pos;
        String token = attributeToken();
        String[] split = SchemaRegistry.splitUrn(token);
        if (split[0] != null && split[1].isEmpty() && pos == text.length()) {
            return new AttributePath(split[0], null, null, null);
        }
        pos = start;
        AttributePath path = parsePath();
        if (pos < text.length()) {
            throw fail("Unexpected '" + text.charAt(pos) + "'");
        }
        return path;
    }

    private Filter parseOr() {
        Filter left = parseAnd();
        while (keyword("or")) {
            left = new Filter.Or(left, parseAnd());
        }
        return left;
    }

    private Filter parseAnd() {
        Filter left = parseUnary();
        while (keyword("and")) {
            left = new Filter.And(left, parseUnary());
        }
        return left;
    }

    private Filter parseUnary() {
        skipWhitespace();
        if (peek() == '(') {
            pos++;
            Filter inner = parseOr();
            expect(')');
            return inner;
        }
        int start = pos;
        if (keyword("not")) {
            skipWhitespace();
            if (peek() == '(') {
                pos++;
                Filter inner = parseOr();
                expect(')');
                return new Filter.Not(inner);
            }
            pos = start;
        }
        return parseAttributeExpression();
    }

    private Filter parseAttributeExpression() {
        AttributePath path = parsePath();
        int beforeOperator = pos;
        skipWhitespace();
        int operatorStart = pos;
        String word = word();
        if (path.filter() != null && path.subAttribute() == null
                && (word.isEmpty() || !(word.equalsIgnoreCase("pr") || ComparisonOperator.of(word).isPresent()))) {
            pos = beforeOperator;
            return new Filter.ValuePath(path);
        }
        if (word.isEmpty()) {
            throw failAt(operatorStart, "Expected an operator (eq ne co sw ew gt ge lt le pr) after '" + path + "'");
        }
        if (operatorStart == beforeOperator) {
            throw failAt(operatorStart, "Expected whitespace before the operator");
        }
        if (word.equalsIgnoreCase("pr")) {
            return new Filter.Present(path);
        }
        ComparisonOperator operator = ComparisonOperator.of(word)
                .orElseThrow(() -> failAt(operatorStart, "Unknown operator '" + word + "'"));
        int beforeValue = pos;
        skipWhitespace();
        if (pos == beforeValue && (peek() == '"' || Character.isLetterOrDigit(peek()) || peek() == '-')) {
            throw fail("Expected whitespace before the value");
        }
        return new Filter.Comparison(path, operator, value());
    }

    private AttributePath parsePath() {
        int start = pos;
        String token = attributeToken();
        if (token.isEmpty()) {
            throw failAt(start, pos < text.length() ? "Expected an attribute name but found '" + text.charAt(pos) + "'"
                    : "Expected an attribute name");
        }
        String[] split = SchemaRegistry.splitUrn(token);
        String rest = split[1];
        if (rest.isEmpty()) {
            throw failAt(start, "Expected an attribute name after the schema URN");
        }
        int dot = rest.indexOf('.');
        String attribute = dot < 0 ? rest : rest.substring(0, dot);
        String sub = dot < 0 ? null : rest.substring(dot + 1);
        checkName(attribute, start);
        if (sub != null) {
            checkName(sub, start);
        }
        Filter valueFilter = null;
        if (peek() == '[') {
            if (sub != null) {
                throw fail("A value filter follows the attribute, not its sub-attribute");
            }
            if (depth > 0) {
                throw fail("Value filters cannot be nested");
            }
            pos++;
            depth++;
            valueFilter = parseOr();
            depth--;
            expect(']');
            if (peek() == '.') {
                pos++;
                int subStart = pos;
                sub = attributeToken();
                checkName(sub, subStart);
            }
        }
        return new AttributePath(split[0], attribute, valueFilter, sub);
    }

    private void checkName(String name, int at) {
        if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '$')) {
            throw failAt(at, "Invalid attribute name '" + name + "'");
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '$')) {
                throw failAt(at, "Invalid attribute name '" + name + "'");
            }
        }
    }

    private String attributeToken() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '$' || c == ':' || c == '.') {
                pos++;
            } else {
                break;
            }
        }
        return text.substring(start, pos);
    }

    private JsonValue value() {
        char c = peek();
        int start = pos;
        if (c == '"') {
            return Json.createValue(string());
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
        }
        String word = word();
        if (word.equalsIgnoreCase("true")) {
            return JsonValue.TRUE;
        }
        if (word.equalsIgnoreCase("false")) {
            return JsonValue.FALSE;
        }
        if (word.equalsIgnoreCase("null")) {
            return JsonValue.NULL;
        }
        throw failAt(start, word.isEmpty() ? "Expected a value" : "Expected a value but found '" + word + "'");
    }

    private String string() {
        int start = pos;
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char escaped = text.charAt(pos++);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw failAt(pos - 2, "Incomplete \\u escape");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException e) {
                        throw failAt(pos - 2, "Invalid \\u escape");
                    }
                    pos += 4;
                }
                default -> throw failAt(pos - 2, "Invalid escape '\\" + escaped + "'");
            }
        }
        throw failAt(start, "Unterminated string");
    }

    private JsonValue number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int digits = digits();
        if (peek() == '.') {
            pos++;
            digits = digits() == 0 ? 0 : digits;
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits = digits() == 0 ? 0 : digits;
        }
        if (digits == 0 || Character.isLetter(peek())) {
            throw failAt(start, "Invalid number '" + text.substring(start, Math.min(text.length(), pos + 1)) + "'");
        }
        try {
            return Json.createValue(new BigDecimal(text.substring(start, pos)));
        } catch (NumberFormatException e) {
            throw failAt(start, "Number '" + text.substring(start, pos) + "' is out of range");
        }
    }

    private int digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos - start;
    }

    private String word() {
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** Consumes {@code word} (any case) if it comes next as a whole word. */
    private boolean keyword(String word) {
        int start = pos;
        skipWhitespace();
        if (text.regionMatches(true, pos, word, 0, word.length())) {
            int end = pos + word.length();
            if (end == text.length() || !Character.isLetterOrDigit(text.charAt(end))
                    && text.charAt(end) != '.' && text.charAt(end) != ':' && text.charAt(end) != '_') {
                pos = end;
                return true;
            }
        }
        pos = start;
        return false;
    }

    private void expect(char c) {
        skipWhitespace();
        if (peek() != c) {
            throw fail(pos < text.length() ? "Expected '" + c + "' but found '" + text.charAt(pos) + "'"
                    : "Expected '" + c + "' before the end");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private ScimException fail(String message) {
        return failAt(pos, message);
    }

    private ScimException failAt(int at, String message) {
        return error.apply(message + " at position " + (at + 1) + " of: " + text);
    }
}
