package dev.veil.approval.client;

/**
 * The approval service could not give an answer: unreachable, an error on its side, the driver's token refused, or
 * a response that makes no sense. The statement must not run.
 */
public final class ApprovalUnavailableException extends ApprovalException {

    public ApprovalUnavailableException(String message, String requestId, Throwable cause) {
        super(message, requestId, cause);
    }
}
