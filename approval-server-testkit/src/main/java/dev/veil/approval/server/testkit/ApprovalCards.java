package dev.veil.approval.server.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * Veil's approval cards as the Slack stand-in received them, and the interactions a reviewer performs on them:
 * what an end-to-end test needs to approve or reject a statement "in Slack".
 *
 * <pre>{@code
 * ApprovalCards.Card card = ApprovalCards.awaitCard(slack, 0, Duration.ofSeconds(20));
 * signer.postInteraction(server.slackEventsUrl(), ApprovalCards.approve("U0BOB", card));
 * }</pre>
 */
public final class ApprovalCards {

    /** The button of a plain approval. */
    public static final String APPROVE = "veil_approve";
    /** The button of an approval for the configured window. */
    public static final String APPROVE_WINDOW = "veil_approve_window";
    /** The button that opens the rejection modal. */
    public static final String REJECT = "veil_reject";
    /** The rejection modal's callback id, input block and input action. */
    public static final String REJECT_MODAL = "veil_reject_reason";
    public static final String REASON_BLOCK = "reason";
    public static final String REASON_INPUT = "reason_input";

    /**
     * A posted card.
     *
     * @param requestId the approval request it is for (the value of its buttons)
     * @param channel   where it was posted
     * @param ts        its message timestamp, as Slack answered
     * @param blocks    its Block Kit blocks
     */
    public record Card(String requestId, String channel, String ts, JsonNode blocks) {
    }

    private ApprovalCards() {
    }

    /** Waits for the {@code index}-th card (0 is the first) posted to the stand-in. */
    public static Card awaitCard(SlackStandIn slack, int index, Duration timeout) throws InterruptedException {
        slack.awaitCall("chat.postMessage", call -> slack.calls("chat.postMessage").size() > index, timeout);
        SlackStandIn.Call post = slack.calls("chat.postMessage").get(index);
        JsonNode blocks = post.json("blocks");
        String requestId = null;
        for (JsonNode block : blocks) {
            if (block.path("type").asText().equals("actions")) {
                requestId = block.path("elements").get(0).path("value").asText();
            }
        }
        if (requestId == null) {
            throw new AssertionError("message " + index + " is not an approval card: " + blocks);
        }
        return new Card(requestId, post.param("channel"), post.response().path("ts").asText(), blocks);
    }

    /** The {@code block_actions} payload of {@code userId} clicking Approve. */
    public static String approve(String userId, Card card) {
        return SlackPayloads.blockAction(userId, APPROVE, card.requestId(), card.channel(), card.ts());
    }

    /** The {@code block_actions} payload of {@code userId} clicking "Approve for ...". */
    public static String approveForWindow(String userId, Card card) {
        return SlackPayloads.blockAction(userId, APPROVE_WINDOW, card.requestId(), card.channel(), card.ts());
    }

    /** The {@code block_actions} payload of {@code userId} clicking Reject (which opens the reason modal). */
    public static String reject(String userId, Card card) {
        return SlackPayloads.blockAction(userId, REJECT, card.requestId(), card.channel(), card.ts());
    }

    /** The {@code view_submission} payload of {@code userId} submitting the reason modal. */
    public static String submitRejection(String userId, Card card, String reason) {
        return SlackPayloads.viewSubmission(userId, REJECT_MODAL, card.requestId(), REASON_BLOCK, REASON_INPUT,
                reason);
    }
}
