package dev.scimbridge.scim.schema;

/**
 * A schema extension a resource type admits (RFC 7643 §6, {@code schemaExtensions}).
 *
 * <p>Example: {@code new SchemaExtension(SchemaRegistry.ENTERPRISE_USER, false)}.
 *
 * @param schema   the extension's schema URN
 * @param required whether every resource of the type must carry the extension
 */
public record SchemaExtension(String schema, boolean required) {
}
