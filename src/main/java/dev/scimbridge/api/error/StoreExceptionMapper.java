package dev.scimbridge.api.error;

import java.util.logging.Logger;

import dev.scimbridge.store.StoreUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Redis unreachable or too slow: 503 with {@code Retry-After}; nothing was written. */
@Provider
public class StoreExceptionMapper implements ExceptionMapper<StoreUnavailableException> {
    private static final Logger LOG = Logger.getLogger(StoreExceptionMapper.class.getName());

    @Override
    public Response toResponse(StoreUnavailableException e) {
        LOG.warning("Directory store unavailable: " + (e.getCause() == null ? e.getMessage() : e.getCause().getClass().getSimpleName()));
        return ScimErrors.response(503, null, "The directory store is unavailable; retry later.")
                .header("Retry-After", "5").build();
    }
}
