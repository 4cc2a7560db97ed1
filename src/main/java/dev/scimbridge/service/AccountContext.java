package dev.scimbridge.service;

import dev.scimbridge.scim.ScimException;
import dev.scimbridge.store.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The account the bridge serves, for the repositories: its id (the Redis hash tag) and the record codec
 * over the unlocked keys. Requests reach services only after the bearer-token filter has unlocked the
 * scimsession; if it is locked anyway (background work before the first request), this is a 503.
 */
@ApplicationScoped
public class AccountContext {

    @Inject
    CredentialService credentials;

    /** The unlocked account. @throws ScimException 503 while the scimsession is locked or unusable */
    public Tenant tenant() {
        return credentials.codec()
                .flatMap(codec -> credentials.accountId().map(id -> new Tenant(id, codec)))
                .orElseThrow(() -> ScimException.unavailable("The account is locked: no valid bearer token has been presented yet."));
    }

    /** Whether the account is unlocked (background work waits until it is). */
    public boolean unlocked() {
        return credentials.codec().isPresent();
    }
}
