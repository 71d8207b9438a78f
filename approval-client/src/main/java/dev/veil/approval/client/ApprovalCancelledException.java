package dev.veil.approval.client;

/**
 * The wait ended before a decision: the statement was cancelled, or the deadline (query timeout or
 * {@code veil.approval.timeout}) passed. The client withdraws the request (unless another driver still waits on
 * it): it can no longer be approved, and a retry of the statement asks anew.
 */
public final class ApprovalCancelledException extends ApprovalException {

    public enum Reason {
        /** {@link CancellationSignal#cancel()} was called or the waiting thread was interrupted. */
        CANCELLED,
        /** The deadline passed. */
        DEADLINE
    }

    private final Reason reason;

    public ApprovalCancelledException(Reason reason, String requestId) {
        super(reason == Reason.CANCELLED
                ? "the wait for approval was cancelled" + forRequest(requestId)
                : "no decision on the approval request before the deadline" + forRequest(requestId),
                requestId, null);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    private static String forRequest(String requestId) {
        return requestId == null ? "" : " (request " + requestId + ")";
    }
}
