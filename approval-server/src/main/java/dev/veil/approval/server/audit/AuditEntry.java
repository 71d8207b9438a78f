package dev.veil.approval.server.audit;

import java.util.Objects;

/**
 * An audit record before it joins the chain.
 *
 * @param type      what it tells
 * @param requestId the approval request it is about, or {@code null}
 * @param actor     who acted: the driver token's name, the reviewer's identity, or {@code server}
 * @param payload   the details, a JSON object
 */
public record AuditEntry(AuditType type, String requestId, String actor, String payload) {

    public AuditEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }
}
