package dev.veil.approval.server.audit;

import java.util.List;

/**
 * The result of verifying the audit chain.
 *
 * @param records           how many records were read
 * @param lastSeq           the sequence number of the last record, 0 when the log is empty
 * @param lastHash          the hash of the last record: write it down somewhere else (with {@code lastSeq}) to
 *                          detect later truncation with an anchor
 * @param problems          what is wrong, in log order; empty when the chain is intact
 * @param problemsTruncated whether more problems were found than are listed
 */
public record AuditReport(long records, long lastSeq, String lastHash, List<Problem> problems,
                          boolean problemsTruncated) {

    public enum Kind {
        /** A record does not match its hash: content, position or time changed. */
        EDITED,
        /** Sequence numbers are missing: records were deleted. */
        MISSING,
        /** A record does not point at the one before it: records deleted, reordered or replaced. */
        BROKEN_LINK,
        /** The head says the log is longer than it is: records at the end were deleted. */
        TRUNCATED,
        /** The head does not match the last record. */
        HEAD_MISMATCH,
        /** The record an operator wrote down (the anchor) is gone or different. */
        ANCHOR_MISMATCH,
        /** An execution outcome of a request the log does not show approved. */
        UNAPPROVED_OUTCOME,
        /** A request decided (approved, rejected, expired, withdrawn) when it already was, or created twice. */
        DECIDED_TWICE,
        /** A request decided after its statement ran. */
        DECIDED_AFTER_OUTCOME,
        /** The requests table and the log disagree on a request: missing on one side, or another state. */
        STATE_MISMATCH
    }

    /**
     * @param seq     the record concerned
     * @param kind    what is wrong
     * @param message the same in words
     */
    public record Problem(long seq, Kind kind, String message) {
    }

    public AuditReport {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
