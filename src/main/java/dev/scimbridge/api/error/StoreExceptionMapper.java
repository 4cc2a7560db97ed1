package dev.scimbridge.api.error;

import java.util.logging.Logger;

import dev.scimbridge.store.StoreUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Redis unreachable or too slow: 503 with {@code Retry-After}; nothing was written. When no Redis is
 * configured at all the detail says so (an IdP's provisioning log then names the fix).
 */
@Provider
public class StoreExceptionMapper implements ExceptionMapper<StoreUnavailableException> {
    private static final Logger LOG = Logger.getLogger(StoreExceptionMapper.class.getName());

    @Override
    public Response toResponse(StoreUnavailableException e) {
        LOG.warning("Directory store unavailable: " + (e.getCause() == null ? e.getMessage() : e.getCause().getClass().getSimpleName()));
        return ScimErrors.response(503, null, detail(e)).header("Retry-After", "5").build();
    }

    /** The error's detail: the configuration to fix when there is no store at all, else a retry later. */
    static String detail(StoreUnavailableException e) {
        return e.getCause() == null ? "The directory store is unavailable: " + e.getMessage() + "."
                : "The directory store is unavailable; retry later.";
    }
}
