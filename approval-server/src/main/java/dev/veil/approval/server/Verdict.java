package dev.veil.approval.server;

import java.time.Duration;

/** What a reviewer decides. */
public sealed interface Verdict {

    /**
     * Let the statement run.
     *
     * @param window  {@code null} to approve this request only; otherwise also approve, until the window closes,
     *                every new request with the same fingerprint from the same requester, database and driver token
     * @param comment an optional note for the audit log and the requester
     */
    record Approve(Duration window, String comment) implements Verdict {
    }

    /**
     * Refuse the statement.
     *
     * @param reason why; required, and shown to the requester in the SQLException
     */
    record Reject(String reason) implements Verdict {
    }
}
