package dev.veil.approval.client;

/** Where an approval request stands. Every state but {@link #PENDING} is final. */
public enum ApprovalState {
    PENDING,
    APPROVED,
    REJECTED,
    EXPIRED,
    /** Every driver that waited on it stopped waiting (timeout, cancel, gone): it can never be approved. */
    WITHDRAWN;

    public boolean isFinal() {
        return this != PENDING;
    }
}
