package dev.scimbridge.service;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Logger;

import dev.scimbridge.session.RecordCodec;
import dev.scimbridge.session.ScimSession;
import dev.scimbridge.store.AccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Creates the account in the store on first unlock: the account record, the built-in
 * "Provision Managers" group and the provision manager in it. Idempotent, and safe when replicas
 * race (the repository writes atomically, first writer wins).
 */
@ApplicationScoped
public class AccountBootstrap {
    private static final Logger LOG = Logger.getLogger(AccountBootstrap.class.getName());
    public static final String MANAGERS_GROUP_NAME = "Provision Managers";

    @Inject
    AccountRepository accounts;

    /** Bootstraps the account of {@code session} if it is not there yet. */
    public AccountRepository.Outcome bootstrap(ScimSession session, RecordCodec codec) {
        AccountRepository.Outcome outcome = accounts.bootstrap(seed(session), codec);
        if (outcome == AccountRepository.Outcome.CREATED) {
            LOG.info("Bootstrapped account " + session.account().id() + " with its built-in \"" + MANAGERS_GROUP_NAME + "\" group");
        }
        return outcome;
    }

    /** The seed of an account; the group id is derived from the account id so every replica agrees on it. */
    public static AccountRepository.AccountSeed seed(ScimSession session) {
        String groupId = UUID.nameUUIDFromBytes((session.account().id() + "/provision-managers").getBytes(StandardCharsets.UTF_8)).toString();
        return new AccountRepository.AccountSeed(session.account().id(), session.account().name(),
                session.manager().id(), session.manager().email(), groupId, MANAGERS_GROUP_NAME);
    }
}
