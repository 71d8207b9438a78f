package dev.veil.approval.server;

import dev.veil.approval.server.store.StoredRequest;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each request the server receives and each decision on it: who asks, under which rule, who decided. */
final class RequestLog implements ApprovalService.Listener {

    private static final Logger LOG = LoggerFactory.getLogger("dev.veil.approval.requests");

    @Override
    public void created(StoredRequest stored) {
        var request = stored.request();
        LOG.info("request {} from {} (rule: {}, {}, tables: {}, estimate: {}) waits for a reviewer until {}",
                stored.id(), request.requester().principal(), request.rule(), request.kind(),
                String.join(", ", request.tables()),
                request.estimatedRows() == null ? "unknown" : request.estimatedRows() + " rows", stored.expiresAt());
    }

    @Override
    public void decided(StoredRequest stored) {
        LOG.info("request {} {}{}{}", stored.id(), stored.state().name().toLowerCase(Locale.ROOT),
                stored.reviewer() == null ? "" : " by " + stored.reviewer(),
                stored.approvedUntil() == null ? "" : " (window until " + stored.approvedUntil() + ")");
    }
}
