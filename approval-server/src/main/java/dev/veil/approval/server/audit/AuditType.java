package dev.veil.approval.server.audit;

/** What an audit record tells. */
public enum AuditType {
    /** A driver asked for approval; the payload is the request as the reviewer sees it. */
    REQUEST_CREATED,
    /** A reviewer approved, or an open approval window approved the request at once. */
    REQUEST_APPROVED,
    /** A reviewer rejected, with a reason. */
    REQUEST_REJECTED,
    /** Nobody decided within the TTL. */
    REQUEST_EXPIRED,
    /** Every driver that waited on the request stopped waiting (timeout, cancel, lease lapsed). */
    REQUEST_WITHDRAWN,
    /** A reviewer routed the pending request to another approver group, which alone may decide it now. */
    REQUEST_ESCALATED,
    /** Someone tried to decide and was refused: self-approval, not an approver, identity unknown. */
    DECISION_REFUSED,
    /** The driver reported what happened when the approved statement ran. */
    EXECUTION_OUTCOME,
    /** One of the driver's usage events. */
    USAGE_EVENT
}
