package dev.veil.approval.server.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Interaction payloads as Slack sends them when a user clicks a button or submits a modal. */
public final class SlackPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackPayloads() {
    }

    /**
     * A {@code block_actions} payload: {@code userId} clicked the button {@code actionId} with {@code value} on the
     * message {@code messageTs} in {@code channelId}.
     */
    public static String blockAction(String userId, String actionId, String value, String channelId, String messageTs) {
        ObjectNode payload = JSON.createObjectNode()
                .put("type", "block_actions")
                .put("api_app_id", "A0VEILTEST")
                .put("token", "legacy-verification-token-unused")
                .put("trigger_id", "trigger-" + userId + "-" + messageTs)
                .put("response_url", "https://hooks.slack.invalid/actions/T0VEILTEST/1/unused");
        payload.putObject("team").put("id", SlackStandIn.TEAM_ID).put("domain", "veil-test");
        payload.putObject("user").put("id", userId).put("username", userId.toLowerCase())
                .put("team_id", SlackStandIn.TEAM_ID);
        payload.putObject("container").put("type", "message").put("message_ts", messageTs)
                .put("channel_id", channelId).put("is_ephemeral", false);
        payload.putObject("channel").put("id", channelId).put("name", "veil-approvals");
        payload.putObject("message").put("type", "message").put("ts", messageTs).put("text", "approval request");
        payload.putArray("actions").addObject()
                .put("action_id", actionId)
                .put("block_id", "veil_actions")
                .put("type", "button")
                .put("value", value)
                .put("action_ts", messageTs)
                .putObject("text").put("type", "plain_text").put("text", actionId);
        return payload.toString();
    }

    /**
     * A {@code view_submission} payload: {@code userId} submitted the modal {@code callbackId} whose input
     * {@code blockId}/{@code actionId} holds {@code value}.
     */
    public static String viewSubmission(
            String userId, String callbackId, String privateMetadata, String blockId, String actionId, String value) {
        ObjectNode payload = JSON.createObjectNode()
                .put("type", "view_submission")
                .put("api_app_id", "A0VEILTEST")
                .put("token", "legacy-verification-token-unused")
                .put("trigger_id", "trigger-" + userId + "-submit");
        payload.putObject("team").put("id", SlackStandIn.TEAM_ID).put("domain", "veil-test");
        payload.putObject("user").put("id", userId).put("username", userId.toLowerCase())
                .put("team_id", SlackStandIn.TEAM_ID);
        ObjectNode view = payload.putObject("view")
                .put("id", "V0VEILMODAL")
                .put("team_id", SlackStandIn.TEAM_ID)
                .put("type", "modal")
                .put("callback_id", callbackId)
                .put("private_metadata", privateMetadata)
                .put("app_id", "A0VEILTEST")
                .put("bot_id", "B0VEILBOT");
        view.putObject("state").putObject("values").putObject(blockId).putObject(actionId)
                .put("type", "plain_text_input").put("value", value);
        payload.putArray("response_urls");
        return payload.toString();
    }
}
