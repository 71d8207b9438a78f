package dev.veil.approval.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's view of one request, as the create and wait endpoints return it.
 *
 * @param id            the request id
 * @param state         where it stands
 * @param createdAt     when it was created
 * @param expiresAt     when a pending request expires
 * @param reviewer      who decided, once decided
 * @param reason        the reviewer's reason, if any
 * @param decidedAt     when it was decided
 * @param approvedUntil when the approval window closes, for an approval given for a window
 * @param approvedUnder the request whose approval window approved this one, if it was approved that way
 */
public record RequestStatus(
        String id,
        ApprovalState state,
        Instant createdAt,
        Instant expiresAt,
        String reviewer,
        String reason,
        Instant decidedAt,
        Instant approvedUntil,
        String approvedUnder) {

    public RequestStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
    }

    /**
     * The decision, once a reviewer decided or the request expired. A withdrawn request has none: nobody waits for
     * it, and nothing may run on it.
     */
    public Optional<Decision> decision() {
        return switch (state) {
            case PENDING, WITHDRAWN -> Optional.empty();
            case APPROVED -> Optional.of(
                    new Decision(id, Decision.Outcome.APPROVED, reviewer, reason, decidedAt, approvedUntil));
            case REJECTED -> Optional.of(
                    new Decision(id, Decision.Outcome.REJECTED, reviewer, reason, decidedAt, null));
            case EXPIRED -> Optional.of(new Decision(id, Decision.Outcome.EXPIRED, null, reason, decidedAt, null));
        };
    }
}
