package dev.scimbridge.store;

import java.util.Objects;

import dev.scimbridge.session.RecordCodec;

/**
 * The unlocked account a repository call works on: its id (the Redis hash tag) and the codec that
 * seals records and computes blind indexes with the account's keys.
 */
public record Tenant(String accountId, RecordCodec codec) {
    public Tenant {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(codec, "codec");
    }
}
