package dev.veil.approval.server.store;

import dev.veil.approval.client.ApprovalRequest;
import dev.veil.approval.client.ApprovalState;
import dev.veil.approval.client.RequestStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * One approval request as the store keeps it.
 *
 * @param id            the request id
 * @param bindingKey    hash of what an approval is bound to: driver token, requester, database, fingerprint
 * @param client        the name of the driver token that created it
 * @param request       what the driver sent
 * @param state         where it stands
 * @param createdAt     when it was created
 * @param expiresAt     when it expires if still pending
 * @param decidedAt     when it was decided or expired
 * @param reviewer      who decided
 * @param reason        the reviewer's reason (always present for a rejection)
 * @param approvedUntil the end of the approval window, for an approval given for a window
 * @param approvedUnder the request whose approval window approved this one
 * @param slackChannel  the channel of its Slack card
 * @param slackTs       the timestamp (id) of its Slack card
 */
public record StoredRequest(
        String id,
        String bindingKey,
        String client,
        ApprovalRequest request,
        ApprovalState state,
        Instant createdAt,
        Instant expiresAt,
        Instant decidedAt,
        String reviewer,
        String reason,
        Instant approvedUntil,
        String approvedUnder,
        String slackChannel,
        String slackTs) {

    public StoredRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(state, "state");
    }

    public RequestStatus status() {
        return new RequestStatus(id, state, createdAt, expiresAt, reviewer, reason, decidedAt, approvedUntil,
                approvedUnder);
    }

    /**
     * A driver waiting on a request, and until when its lease keeps the request alive.
     *
     * @param id         the waiter's id (the idempotency key of the driver's create call), unique per wait
     * @param leaseUntil when the lease lapses unless renewed
     */
    public record Waiter(String id, Instant leaseUntil) {
    }

    public boolean pending() {
        return state == ApprovalState.PENDING;
    }
}
