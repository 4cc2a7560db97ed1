package dev.scimbridge.scim;

/**
 * The {@code scimType} values of RFC 7644 §3.12, each with the description the RFC gives it.
 *
 * <p>Example: {@code ScimErrorType.INVALID_FILTER.value()} is {@code "invalidFilter"}.
 */
public enum ScimErrorType {
    /** 400: the filter syntax was invalid, or the operator or value was unsupported. */
    INVALID_FILTER("invalidFilter", "The specified filter syntax was invalid or the specified attribute and filter comparison combination is not supported."),
    /** 400: the filter yields more results than the server will process. */
    TOO_MANY("tooMany", "The specified filter yields many more results than the server is willing to calculate or process."),
    /** 409: a unique attribute value is already in use. */
    UNIQUENESS("uniqueness", "One or more of the attribute values are already in use or are reserved."),
    /** 400: the change is incompatible with the attribute's mutability. */
    MUTABILITY("mutability", "The attempted modification is not compatible with the target attribute's mutability or current state."),
    /** 400: the request body could not be parsed or violates the schema. */
    INVALID_SYNTAX("invalidSyntax", "The request body message structure was invalid or did not conform to the request schema."),
    /** 400: the PATCH path was invalid or unsupported. */
    INVALID_PATH("invalidPath", "The \"path\" attribute was invalid or malformed."),
    /** 400: the PATCH path's filter matched nothing. */
    NO_TARGET("noTarget", "The specified \"path\" did not yield an attribute or attribute value that could be operated on."),
    /** 400: a value was missing, of the wrong type, or otherwise unusable. */
    INVALID_VALUE("invalidValue", "A required value was missing, or the value specified was not compatible with the operation or attribute type, or resource schema."),
    /** 400: the SCIM protocol version is not supported. */
    INVALID_VERS("invalidVers", "The specified SCIM protocol version is not supported."),
    /** 403: the request cannot be completed because it would disclose sensitive data. */
    SENSITIVE("sensitive", "The specified request cannot be completed, due to the passing of sensitive information in a request URI.");

    private final String value;
    private final String description;

    ScimErrorType(String value, String description) {
        this.value = value;
        this.description = description;
    }

    /** The wire value, e.g. {@code invalidFilter}. */
    public String value() {
        return value;
    }

    /** The RFC 7644 §3.12 description. */
    public String description() {
        return description;
    }
}
