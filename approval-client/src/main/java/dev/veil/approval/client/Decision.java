package dev.veil.approval.client;

import java.time.Instant;
import java.util.Objects;

/**
 * The final answer to an approval request.
 *
 * @param requestId     the request the answer is for
 * @param outcome       approved, rejected or expired
 * @param reviewer      who decided ({@code null} when the request expired)
 * @param reason        the reviewer's reason; always present for a rejection
 * @param decidedAt     when the decision was taken
 * @param approvedUntil for an approval given for a window, when the window closes; {@code null} otherwise
 */
public record Decision(
        String requestId, Outcome outcome, String reviewer, String reason, Instant decidedAt, Instant approvedUntil) {

    public enum Outcome { APPROVED, REJECTED, EXPIRED }

    public Decision {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(outcome, "outcome");
    }

    public boolean approved() {
        return outcome == Outcome.APPROVED;
    }
}
