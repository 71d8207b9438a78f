package dev.veil.approval.client;

/** Where an approval request stands. Every state but {@link #PENDING} is final. */
public enum ApprovalState {
    PENDING,
    APPROVED,
    REJECTED,
    EXPIRED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
