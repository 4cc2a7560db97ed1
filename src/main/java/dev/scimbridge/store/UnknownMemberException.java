package dev.scimbridge.store;

/** A group member named by a write is not an existing user. */
public final class UnknownMemberException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String memberId;

    public UnknownMemberException(String memberId) {
        super("unknown member", null, false, false);
        this.memberId = memberId;
    }

    public String memberId() {
        return memberId;
    }
}
