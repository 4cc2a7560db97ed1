package dev.scimbridge.store;

import dev.scimbridge.session.RecordCodec;

/**
 * The account's own records: the account itself, the built-in "Provision Managers" group and the
 * provision manager user in it. None of them is visible to or changeable by SCIM clients.
 */
public interface AccountRepository {

    /** The account as the bootstrap writes it; ids come from the scimsession, the group id is derived. */
    record AccountSeed(String accountId, String accountName, String managerUserId, String managerEmail,
                       String managersGroupId, String managersGroupName) {
    }

    /** What {@link #bootstrap} found. */
    enum Outcome {
        /** This call wrote the account. */
        CREATED,
        /** The account was there already (an earlier start, or another replica that won the race). */
        ALREADY_PRESENT
    }

    /**
     * Writes the account record, the built-in group and the manager user, each record sealed with
     * {@code codec} under its own key, in one atomic step; does nothing if the account exists.
     */
    Outcome bootstrap(AccountSeed seed, RecordCodec codec);
}
