package dev.scimbridge.scim.patch;

import dev.scimbridge.scim.filter.AttributePath;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One PATCH operation (RFC 7644 §3.5.2): {@code op}, optional {@code path}, optional {@code value}.
 *
 * <p>Example: Entra ID's {@code {"op":"Replace","path":"active","value":"False"}} is
 * {@code new PatchOperation(Op.REPLACE, AttributePath.parse("active"), Json.createValue("False"))}.
 *
 * @param op    the operation
 * @param path  the target, or {@code null} (then {@code value} is an object of attribute values)
 * @param value the value, or {@code null} (only for {@code remove})
 */
public record PatchOperation(Op op, AttributePath path, JsonValue value) {

    public PatchOperation {
        Objects.requireNonNull(op, "op");
    }

    /** The three operations of RFC 7644 §3.5.2, read case-insensitively ({@code "Add"}, {@code "add"}). */
    public enum Op {
        ADD, REPLACE, REMOVE;

        /** The operation for a wire name in any case, or empty. */
        public static Optional<Op> of(String name) {
            for (Op op : values()) {
                if (op.name().equalsIgnoreCase(name)) {
                    return Optional.of(op);
                }
            }
            return Optional.empty();
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
