package dev.scimbridge.api;

import dev.scimbridge.scim.Json;
import dev.scimbridge.service.CredentialService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /auth/check}: 200 when the bearer token is right (the filter has already said 401 or 503
 * otherwise). Lets an operator or the status page test a token without touching the directory:
 * {@code curl -H "Authorization: Bearer $TOKEN" https://bridge/auth/check}.
 */
@Path("auth/check")
public class TokenCheckResource {

    @Inject
    CredentialService credentials;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String check() {
        return Json.createObjectBuilder()
                .add("authenticated", true)
                .add("account", credentials.accountId().orElse(""))
                .build().toString();
    }
}
