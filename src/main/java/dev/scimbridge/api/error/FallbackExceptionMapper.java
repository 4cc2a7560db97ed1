package dev.scimbridge.api.error;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Anything unexpected: 500 with a generic detail and a correlation id; the stack trace goes to the log
 * under the same id, never to the client.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        String correlationId = UUID.randomUUID().toString();
        LOG.log(Level.WARNING, "Unexpected error, correlation id " + correlationId, e);
        return ScimErrors.response(500, null,
                "The bridge could not complete the request (correlation id " + correlationId + ").").build();
    }
}
