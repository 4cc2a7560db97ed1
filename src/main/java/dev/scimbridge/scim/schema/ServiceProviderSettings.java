package dev.scimbridge.scim.schema;

import java.util.List;

/**
 * What the {@code /ServiceProviderConfig} document advertises (RFC 7643 §5).
 *
 * <p>Example: {@code ServiceProviderSettings.defaults()} advertises PATCH, bulk (1000 operations, 1 MiB),
 * filtering (200 results), sorting and ETags, no password change, and one OAuth bearer token scheme.
 *
 * @param patchSupported          PATCH (RFC 7644 §3.5.2)
 * @param bulkSupported           Bulk (RFC 7644 §3.7)
 * @param bulkMaxOperations       the most operations in one bulk request
 * @param bulkMaxPayloadSize      the largest bulk payload in bytes
 * @param filterSupported         filtering (RFC 7644 §3.4.2.2)
 * @param filterMaxResults        the most resources one filtered query returns
 * @param changePasswordSupported changing {@code password}
 * @param sortSupported           sorting (RFC 7644 §3.4.2.3)
 * @param etagSupported           ETags (RFC 7644 §3.14)
 * @param documentationUri        help for this service provider, or {@code null}
 * @param authenticationSchemes   the supported authentication schemes
 */
public record ServiceProviderSettings(
        boolean patchSupported,
        boolean bulkSupported,
        int bulkMaxOperations,
        int bulkMaxPayloadSize,
        boolean filterSupported,
        int filterMaxResults,
        boolean changePasswordSupported,
        boolean sortSupported,
        boolean etagSupported,
        String documentationUri,
        List<AuthenticationScheme> authenticationSchemes) {

    public ServiceProviderSettings {
        authenticationSchemes = List.copyOf(authenticationSchemes);
    }

    /** The bridge's defaults. */
    public static ServiceProviderSettings defaults() {
        return new ServiceProviderSettings(true, true, 1000, 1_048_576, true, 200, false, true, true, null,
                List.of(AuthenticationScheme.bearerToken()));
    }

    /**
     * One {@code authenticationSchemes} entry (RFC 7643 §5).
     *
     * @param type             e.g. {@code oauthbearertoken}
     * @param name             display name
     * @param description      description
     * @param specUri          the specification, or {@code null}
     * @param documentationUri help, or {@code null}
     * @param primary          whether this is the preferred scheme
     */
    public record AuthenticationScheme(String type, String name, String description, String specUri,
            String documentationUri, boolean primary) {

        /** The bearer token (RFC 6750) the bridge's setup command issues. */
        public static AuthenticationScheme bearerToken() {
            return new AuthenticationScheme("oauthbearertoken", "OAuth Bearer Token",
                    "Authentication with the bearer token issued by the bridge's setup command.",
                    "https://www.rfc-editor.org/info/rfc6750", null, true);
        }
    }
}
