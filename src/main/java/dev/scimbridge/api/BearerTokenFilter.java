package dev.scimbridge.api;

import java.security.Principal;
import java.util.List;

import dev.scimbridge.api.error.ScimErrors;
import dev.scimbridge.service.CredentialService;
import dev.scimbridge.session.AuthResult;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Authenticates every JAX-RS request except {@code GET /ping} with {@code Authorization: Bearer <token>}
 * (RFC 6750). The health endpoints are served by mpHealth outside JAX-RS and never reach this filter.
 *
 * <ul>
 *   <li>unusable scimsession: 503 SCIM error with {@code Retry-After}, whatever the header;</li>
 *   <li>no header, another scheme, a malformed or wrong token: 401 SCIM error with
 *       {@code WWW-Authenticate: Bearer realm="SCIM"} (plus {@code error="invalid_token"} when a
 *       bearer token was sent);</li>
 *   <li>a source in back-off before unlock: 401 with {@code Retry-After}, no KDF run;</li>
 *   <li>the right token: the request proceeds as the provision manager.</li>
 * </ul>
 * The token never appears in a response, a log line or an exception.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {
    static final String CHALLENGE = "Bearer realm=\"SCIM\"";
    static final String INVALID_TOKEN_CHALLENGE = "Bearer realm=\"SCIM\", error=\"invalid_token\"";

    @Inject
    CredentialService credentials;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (isExempt(request.getUriInfo().getPath())) {
            return;
        }
        List<String> headers = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        String token = null;
        String problem = null;
        if (headers == null || headers.isEmpty()) {
            problem = "Authentication required: send Authorization: Bearer <token>.";
        } else if (headers.size() > 1) {
            problem = "Send exactly one Authorization header.";
        } else {
            token = bearerCredentials(headers.get(0));
            if (token == null) {
                problem = "The Authorization header must use the Bearer scheme.";
            }
        }
        AuthResult result = credentials.authenticate(token, source());
        switch (result.outcome()) {
            case OK -> request.setSecurityContext(new ManagerSecurityContext(request.getSecurityContext()));
            case UNAVAILABLE, BUSY -> request.abortWith(ScimErrors.response(503, null, result.detail())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, result.retryAfterSeconds()))).build());
            case UNAUTHORIZED, THROTTLED -> {
                Response.ResponseBuilder r = ScimErrors.response(401, null, problem != null ? problem : result.detail())
                        .header(HttpHeaders.WWW_AUTHENTICATE, token == null ? CHALLENGE : INVALID_TOKEN_CHALLENGE);
                if (result.outcome() == AuthResult.Outcome.THROTTLED) {
                    r.header(HttpHeaders.RETRY_AFTER, Long.toString(result.retryAfterSeconds()));
                }
                request.abortWith(r.build());
            }
        }
    }

    /** Only {@code /ping} is public. */
    static boolean isExempt(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.equals("ping");
    }

    /** The token of {@code Bearer <token>} (scheme case-insensitive), or null for another scheme. */
    static String bearerCredentials(String header) {
        String h = header.strip();
        if (h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String t = h.substring(7).strip();
        return t.isEmpty() ? null : t;
    }

    private String source() {
        try {
            String addr = servletRequest == null ? null : servletRequest.getRemoteAddr();
            return addr == null ? "unknown" : addr;
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    /** The authenticated caller: the account's provision manager. */
    static final class ManagerSecurityContext implements SecurityContext {
        private static final Principal MANAGER = () -> "provision-manager";
        private final SecurityContext delegate;

        ManagerSecurityContext(SecurityContext delegate) {
            this.delegate = delegate;
        }

        @Override
        public Principal getUserPrincipal() {
            return MANAGER;
        }

        @Override
        public boolean isUserInRole(String role) {
            return "provision-manager".equals(role);
        }

        @Override
        public boolean isSecure() {
            return delegate != null && delegate.isSecure();
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
