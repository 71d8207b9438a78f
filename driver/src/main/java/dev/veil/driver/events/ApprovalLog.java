package dev.veil.driver.events;

import dev.veil.approval.client.Decision;
import dev.veil.approval.client.RequestStatus;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Says, through the JDK's platform logging facade ({@link System.Logger}: {@code java.util.logging} unless the
 * application routes it to SLF4J or Log4j), that a statement waits for a reviewer and what became of it — so that a
 * job waiting for approval does not look hung. It names the request, the rule and where to review; never a value.
 */
public final class ApprovalLog {

    private static final System.Logger LOG = System.getLogger("dev.veil.approval");

    private ApprovalLog() {
    }

    public static void held(RequestStatus pending, String rule, long estimatedRows, URI reviewPage, Duration wait) {
        LOG.log(Level.INFO, () -> "veil: statement held for approval, request " + pending.id() + " (rule: " + rule
                + (estimatedRows >= 0 ? ", about " + estimatedRows + " rows" : "") + "); review it in Slack or at "
                + reviewPage + "; waiting up to " + human(wait));
    }

    public static void decided(Decision decision, String rule) {
        String outcome = decision.outcome().name().toLowerCase(Locale.ROOT);
        Level level = decision.outcome() == Decision.Outcome.APPROVED ? Level.INFO : Level.WARNING;
        LOG.log(level, () -> "veil: approval request " + decision.requestId() + " " + outcome
                + (decision.reviewer() == null ? "" : " by " + decision.reviewer()) + " (rule: " + rule + ")"
                + (decision.outcome() == Decision.Outcome.APPROVED ? "; the statement runs"
                        : "; the statement does not run"));
    }

    public static void ended(String requestId, String rule, String why) {
        LOG.log(Level.WARNING, () -> "veil: approval request " + (requestId == null ? "(none)" : requestId)
                + " ended without a decision (rule: " + rule + "): " + why + "; the statement does not run");
    }

    public static String human(Duration wait) {
        return wait.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
