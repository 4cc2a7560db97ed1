package dev.scimbridge.api.error;

import dev.scimbridge.scim.ScimErrorType;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Malformed JSON in a request body: 400 {@code invalidSyntax} with the line and column. */
@Provider
public class JsonParsingExceptionMapper implements ExceptionMapper<JsonParsingException> {

    @Override
    public Response toResponse(JsonParsingException e) {
        JsonLocation at = e.getLocation();
        String detail = at == null || at.getLineNumber() < 0
                ? "The request body is not valid JSON."
                : "The request body is not valid JSON (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ").";
        return ScimErrors.response(400, ScimErrorType.INVALID_SYNTAX, detail).build();
    }
}
