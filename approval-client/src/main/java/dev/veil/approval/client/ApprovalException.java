package dev.veil.approval.client;

/** A wait for approval that ended without a decision. */
public abstract sealed class ApprovalException extends Exception
        permits ApprovalCancelledException, ApprovalUnavailableException {

    private final String requestId;

    ApprovalException(String message, String requestId, Throwable cause) {
        super(message, cause);
        this.requestId = requestId;
    }

    /** The request the wait was for, or {@code null} if the server never created one. */
    public String requestId() {
        return requestId;
    }
}
