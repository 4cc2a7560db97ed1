package dev.scimbridge.api.error;

import dev.scimbridge.scim.ScimErrorType;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS' own errors (404 for an unknown path, 405, 406, 415, bad JSON from a provider) as SCIM
 * Errors with their status kept. The message of the exception is never echoed.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        ScimErrorType type = null;
        String detail = switch (status) {
            case 400 -> {
                type = ScimErrorType.INVALID_SYNTAX;
                yield "The request could not be read.";
            }
            case 404 -> "No such endpoint.";
            case 405 -> "This endpoint does not support that method.";
            case 406 -> "This endpoint produces application/scim+json.";
            case 415 -> "Send application/scim+json or application/json.";
            default -> status >= 500 ? "The bridge could not complete the request." : "The request was refused.";
        };
        Response.ResponseBuilder response = ScimErrors.response(status, type, detail);
        if (e instanceof NotAllowedException && e.getResponse() != null) {
            String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
            if (allow != null) {
                response.header(HttpHeaders.ALLOW, allow);
            }
        }
        return response.build();
    }
}
