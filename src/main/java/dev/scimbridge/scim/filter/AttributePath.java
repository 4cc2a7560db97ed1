package dev.scimbridge.scim.filter;

import dev.scimbridge.scim.ScimException;

/**
 * An attribute path (RFC 7644 §3.10 and the PATCH {@code path} grammar of §3.5.2):
 * {@code attr}, {@code attr.sub}, {@code urn:...:attr}, {@code urn:...:attr.sub}, {@code attr[filter]},
 * {@code attr[filter].sub}, or just a schema URN (a PATCH target naming a whole extension).
 *
 * <p>Example: {@code AttributePath.parse("emails[type eq \"work\"].value")} has attribute {@code emails}, filter
 * {@code type eq "work"} and sub-attribute {@code value}; {@code toString()} prints it back.
 *
 * @param urn          the schema URN prefix, or {@code null}
 * @param attribute    the attribute name as written, or {@code null} when the path is only a schema URN
 * @param filter       the value filter, or {@code null}
 * @param subAttribute the sub-attribute, or {@code null}
 */
public record AttributePath(String urn, String attribute, Filter filter, String subAttribute) {

    public AttributePath {
        if (attribute == null && (urn == null || filter != null || subAttribute != null)) {
            throw new IllegalArgumentException("a path without attribute is a bare schema URN");
        }
    }

    /** Parses a PATCH path; errors are {@code invalidPath} with the position of the problem. */
    public static AttributePath parse(String path) {
        if (path == null || path.isBlank()) {
            throw ScimException.invalidPath("The path is empty");
        }
        return new FilterParser(path.trim(), ScimException::invalidPath).parseWholePath();
    }

    /** Whether the path names a whole schema extension, e.g. {@code urn:...:enterprise:2.0:User}. */
    public boolean isSchemaOnly() {
        return attribute == null;
    }

    @Override
    public String toString() {
        if (attribute == null) {
            return urn;
        }
        StringBuilder out = new StringBuilder();
        if (urn != null) {
            out.append(urn).append(':');
        }
        out.append(attribute);
        if (filter != null) {
            out.append('[').append(filter).append(']');
        }
        if (subAttribute != null) {
            out.append('.').append(subAttribute);
        }
        return out.toString();
    }
}
