package dev.scimbridge.api.error;

import java.util.logging.Level;
import java.util.logging.Logger;

import dev.scimbridge.scim.ScimException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link ScimException} to its SCIM Error; 4xx logged at FINE, 5xx at WARNING. */
@Provider
public class ScimExceptionMapper implements ExceptionMapper<ScimException> {
    private static final Logger LOG = Logger.getLogger(ScimExceptionMapper.class.getName());

    @Override
    public Response toResponse(ScimException e) {
        LOG.log(e.status() >= 500 ? Level.WARNING : Level.FINE, "SCIM error {0} {1}: {2}",
                new Object[] {e.status(), e.scimType() == null ? "-" : e.scimType().value(), e.detail()});
        Response.ResponseBuilder response = ScimErrors.response(e.status(), e.scimType(), e.detail());
        if (e.status() == 503) {
            response.header("Retry-After", "5");
        }
        if (e.status() == 401) {
            response.header("WWW-Authenticate", "Bearer realm=\"SCIM\"");
        }
        return response.build();
    }
}
