package dev.scimbridge.scim.schema;

/**
 * An attribute found by {@link SchemaRegistry#resolve}: its definition and the schema it lives in.
 *
 * <p>Example: resolving {@code employeeNumber} on {@code User} gives the enterprise extension URN, so
 * the value sits under {@code resource["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]}
 * (RFC 7643 §3.3).
 *
 * @param schema     the URN of the schema that defines the attribute
 * @param extension  whether that schema is an extension (the value is nested under the URN key)
 * @param definition the attribute's definition
 */
public record ResolvedAttribute(String schema, boolean extension, AttributeDefinition definition) {
}
