package dev.scimbridge.scim.filter;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * An immutable SCIM filter (RFC 7644 §3.4.2.2), as produced by {@link FilterParser#parse(String)}.
 *
 * <p>{@code toString()} prints a filter that parses back to an equal AST, with the fewest parentheses
 * ({@code and} binds tighter than {@code or}). Example:
 * <pre>{@code
 * Filter f = FilterParser.parse("userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]");
 * // And(Comparison(userType eq "Employee"), ValuePath(emails[And(type eq "work", value co "@example.com")]))
 * }</pre>
 */
public sealed interface Filter
        permits Filter.Comparison, Filter.Present, Filter.And, Filter.Or, Filter.Not, Filter.ValuePath {

    /** Dispatches to the visitor method for this node. */
    <R, P> R accept(FilterVisitor<R, P> visitor, P parameter);

    /** Binding strength when printing: {@code or} 1, {@code and} 2, anything else 3. */
    int precedence();

    /** {@code path op value}, e.g. {@code name.familyName co "O'Malley"}; the path may carry a value filter. */
    record Comparison(AttributePath path, ComparisonOperator operator, JsonValue value) implements Filter {
        public Comparison {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R, P> R accept(FilterVisitor<R, P> visitor, P parameter) {
            return visitor.visitComparison(this, parameter);
        }

        @Override
        public int precedence() {
            return 3;
        }

        @Override
        public String toString() {
            return path + " " + operator + " " + literal(value);
        }
    }

    /** {@code path pr}: the attribute has a non-empty value. */
    record Present(AttributePath path) implements Filter {
        public Present {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public <R, P> R accept(FilterVisitor<R, P> visitor, P parameter) {
            return visitor.visitPresent(this, parameter);
        }

        @Override
        public int precedence() {
            return 3;
        }

        @Override
        public String toString() {
            return path + " pr";
        }
    }

    /** {@code left and right}. */
    record And(Filter left, Filter right) implements Filter {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public <R, P> R accept(FilterVisitor<R, P> visitor, P parameter) {
            return visitor.visitAnd(this, parameter);
        }

        @Override
        public int precedence() {
            return 2;
        }

        @Override
        public String toString() {
            return binary(left, "and", right, 2);
        }
    }

    /** {@code left or right}. */
    record Or(Filter left, Filter right) implements Filter {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public <R, P> R accept(FilterVisitor<R, P> visitor, P parameter) {
            return visitor.visitOr(this, parameter);
        }

        @Override
        public int precedence() {
            return 1;
        }

        @Override
        public String toString() {
            return binary(left, "or", right, 1);
        }
    }

    /** {@code not (filter)}. */
    record Not(Filter filter) implements Filter {
        public Not {
            Objects.requireNonNull(filter, "filter");
        }

        @Override
        public <R, P> R accept(FilterVisitor<R, P> visitor, P parameter) {
            return visitor.visitNot(this, parameter);
        }

        @Override
        public int precedence() {
            return 3;
        }

        @Override
        public String toString() {
            return "not (" + filter + ")";
        }
    }

    /**
     * {@code attr[filter]}: some value of the multi-valued complex attribute matches the inner filter, whose
     * attribute paths are relative to that value, e.g. {@code emails[type eq "work" and value co "@example.com"]}.
     */
    record ValuePath(AttributePath path) implements Filter {
        public ValuePath {
            Objects.requireNonNull(path, "path");
            if (path.filter() == null || path.subAttribute() != null) {
                throw new IllegalArgumentException("a value path needs a filter and no sub-attribute: " + path);
            }
        }

        @Override
        public <R, P> R accept(FilterVisitor<R, P> visitor, P parameter) {
            return visitor.visitValuePath(this, parameter);
        }

        @Override
        public int precedence() {
            return 3;
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** Prints a literal as in a filter: JSON strings with escapes, numbers, {@code true}, {@code false}, {@code null}. */
    static String literal(JsonValue value) {
        if (value instanceof JsonString string) {
            return quote(string.getString());
        }
        return switch (value.getValueType()) {
            case TRUE -> "true";
            case FALSE -> "false";
            case NULL -> "null";
            default -> value.toString();
        };
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String binary(Filter left, String op, Filter right, int precedence) {
        String l = left.precedence() < precedence ? "(" + left + ")" : left.toString();
        String r = right.precedence() <= precedence ? "(" + right + ")" : right.toString();
        return l + " " + op + " " + r;
    }
}
