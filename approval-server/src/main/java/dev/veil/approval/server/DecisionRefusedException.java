package dev.veil.approval.server;

import dev.veil.approval.server.store.StoredRequest;

/** A decision that was not taken, and why. The message is fit to show to the person who tried. */
public final class DecisionRefusedException extends Exception {

    public enum Refusal {
        /** No such request. */
        NOT_FOUND,
        /** Already decided, or expired. */
        NOT_PENDING,
        /** The reviewer is the requester. */
        SELF_APPROVAL,
        /** The reviewer may not decide: not among the approvers, or their identity cannot be established. */
        NOT_AN_APPROVER,
        /** The approval window is longer than the configured maximum, or not positive. */
        INVALID_WINDOW,
        /** A rejection without a reason, or a reason that is too long. */
        INVALID_REASON,
        /** An escalation to a group that does not exist, or to the group the request is already routed to. */
        INVALID_GROUP
    }

    private final Refusal refusal;
    private final transient StoredRequest current;

    public DecisionRefusedException(Refusal refusal, String message, StoredRequest current) {
        super(message);
        this.refusal = refusal;
        this.current = current;
    }

    public Refusal refusal() {
        return refusal;
    }

    /** The request as it stands, when it exists. */
    public StoredRequest current() {
        return current;
    }
}
