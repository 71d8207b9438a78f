package dev.veil.mcp;

import dev.veil.approval.client.ApprovalClient;
import dev.veil.approval.client.ApprovalRequest;
import dev.veil.approval.client.CancellationSignal;
import dev.veil.approval.client.Decision;
import dev.veil.approval.client.Requester;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Who closes an open circuit breaker: a reviewer approving the agent's resumption on the approval server (rule
 * {@code agent.rateLimit}). Without an approval server the breaker stays open until the MCP server restarts.
 */
final class BreakerReview implements AutoCloseable {

    static final String RULE = "agent.rateLimit";

    private final Optional<ApprovalClient> approvals;
    private final Duration wait;
    private final ExecutorService waiting = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "veil-mcp-breaker-review");
        t.setDaemon(true);
        return t;
    });

    BreakerReview(Optional<ApprovalClient> approvals, Duration wait) {
        this.approvals = approvals;
        this.wait = wait;
    }

    /** Where the human does it, for the refusal's message. */
    String where() {
        return approvals.isPresent() ? "(a reviewer approves the request of rule " + RULE
                + " in Slack or on the approval server)" : "(no approval server is configured: restart veil mcp)";
    }

    /** Asks a reviewer to resume {@code agent}; runs {@code resume} once one approves. */
    void ask(AgentProfile agent, String why, Runnable resume) {
        if (approvals.isEmpty()) {
            return;
        }
        ApprovalRequest request = new ApprovalRequest(new Requester(agent.statementRequester(), null, "veil mcp",
                null), null, fingerprint(agent.name() + "\n" + Instant.now()), "(resume agent " + agent.name()
                + ": " + why + ")", "AGENT", List.of(), List.of(), null, RULE);
        waiting.submit(() -> {
            while (true) {
                try {
                    Decision decision = approvals.get().requestAndAwait(request, Instant.now().plus(wait),
                            new CancellationSignal());
                    if (decision.outcome() == Decision.Outcome.APPROVED) {
                        resume.run();
                        return;
                    }
                    return;
                } catch (dev.veil.approval.client.ApprovalCancelledException e) {
                    return;
                } catch (dev.veil.approval.client.ApprovalUnavailableException e) {
                    // the breaker stays open; ask again after a pause
                    try {
                        Thread.sleep(wait.toMillis() / 10 + 1000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        });
    }

    private static String fingerprint(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        waiting.shutdownNow();
    }
}
