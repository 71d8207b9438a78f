package dev.veil.approval.server;

import java.util.Objects;

/**
 * Someone deciding on a request.
 *
 * @param identity    who they are: the identity bound to their API token, or their Slack e-mail address
 * @param via         how they decide: {@code api}, {@code web} or {@code slack}
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

    /** A reviewer signed in to the web page (OpenID Connect or reviewer token). */
    public static Reviewer web(String identity) {
        return new Reviewer(identity, "web", null);
    }

    public static Reviewer slack(String email, String userId) {
        return new Reviewer(email, "slack", userId);
    }
}
