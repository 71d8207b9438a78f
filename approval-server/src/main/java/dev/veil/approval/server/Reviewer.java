package dev.veil.approval.server;

import java.util.Objects;

/**
 * Someone deciding on a request.
 *
 * @param identity    who they are: the identity bound to their API token, or their Slack e-mail address
 * @param via         how they decide: {@code api} or {@code slack}
 * @param slackUserId their Slack user ID, when deciding from Slack
 */
public record Reviewer(String identity, String via, String slackUserId) {

    public Reviewer {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(via, "via");
    }

    public static Reviewer api(String identity) {
        return new Reviewer(identity, "api", null);
    }

    public static Reviewer slack(String email, String userId) {
        return new Reviewer(email, "slack", userId);
    }
}
