package dev.veil.approval.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks the audit chain and reports every record that was edited, deleted, reordered or cut off.
 *
 * <p>Beyond integrity it checks completeness ({@link CompletenessCheck}): no outcome without its approval, no
 * decision on a request already decided or already run, and a requests table that agrees with the log.
 *
 * <p>What it can prove, and what it cannot: an edited, inserted, deleted or reordered record breaks the chain and
 * is found. Deleting records at the end leaves a shorter chain that is valid in itself; the head row catches that
 * unless the head was rewritten too. Someone who can write to the store and recompute hashes can rewrite the
 * whole chain consistently; an audit key (HMAC) stops them unless they hold the key, and an anchor (a sequence
 * number and hash written down elsewhere, e.g. from a previous run of the verifier) detects any rewrite or
 * truncation of the records before it.
 */
public final class AuditVerifier {

    private static final int MAX_PROBLEMS = 20;

    /**
     * A record the operator wrote down earlier: {@code seq:hash}.
     *
     * @param seq  its sequence number
     * @param hash its hash
     */
    public record Anchor(long seq, String hash) {

        private static final Pattern FORMAT = Pattern.compile("(\\d+):([0-9a-fA-F]{64})");

        public static Anchor parse(String text) {
            Matcher matcher = FORMAT.matcher(text.trim());
            if (!matcher.matches()) {
                throw new IllegalArgumentException("an anchor is written <seq>:<64 hex digits of the hash>");
            }
            return new Anchor(Long.parseLong(matcher.group(1)), matcher.group(2).toLowerCase(Locale.ROOT));
        }
    }

    private final AuditChain chain;

    public AuditVerifier(AuditChain chain) {
        this.chain = chain;
    }

    /**
     * @param connection a connection to the store, in a repeatable-read transaction (the log and the requests
     *                   table are compared as of one moment)
     * @param anchor     a record known from elsewhere, or {@code null}
     */
    public AuditReport verify(Connection connection, Anchor anchor) throws SQLException {
        List<AuditReport.Problem> problems = new ArrayList<>();
        boolean[] truncated = {false};
        long records = 0;
        long expectedSeq = 1;
        long lastSeq = 0;
        String lastHash = AuditChain.GENESIS;
        boolean anchorSeen = false;
        CompletenessCheck completeness = new CompletenessCheck(problem -> add(problems, truncated, problem));
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, recorded_at, record_type, request_id, actor, payload, prev_hash, hash"
                        + " FROM veil_audit_record ORDER BY seq")) {
            select.setFetchSize(500);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    records++;
                    long seq = rs.getLong(1);
                    String prevHash = rs.getString(7);
                    String hash = rs.getString(8);
                    boolean gap = seq != expectedSeq;
                    if (gap) {
                        add(problems, truncated, new AuditReport.Problem(seq, AuditReport.Kind.MISSING,
                                seq > expectedSeq
                                        ? describeGap(expectedSeq, seq - 1)
                                        : "record " + seq + " is out of sequence"));
                    }
                    String recomputed = chain.hash(seq, rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), prevHash);
                    if (!recomputed.equals(hash)) {
                        add(problems, truncated, new AuditReport.Problem(seq, AuditReport.Kind.EDITED,
                                "record " + seq + " does not match its hash: its content, position or time was"
                                        + " changed"));
                    } else if (!gap && !lastHash.equals(prevHash)) {
                        add(problems, truncated, new AuditReport.Problem(seq, AuditReport.Kind.BROKEN_LINK,
                                "record " + seq + " does not follow record " + (seq - 1) + ": records were"
                                        + " deleted, reordered or replaced"));
                    }
                    if (anchor != null && anchor.seq() == seq) {
                        anchorSeen = true;
                        if (!anchor.hash().equals(hash)) {
                            add(problems, truncated, new AuditReport.Problem(seq, AuditReport.Kind.ANCHOR_MISMATCH,
                                    "record " + seq + " is not the record of the anchor: the log was rewritten"));
                        }
                    }
                    completeness.record(seq, rs.getString(3), rs.getString(4));
                    // continue from the stored hash, so that one edited record is reported once, not from there on
                    lastHash = hash;
                    lastSeq = seq;
                    expectedSeq = seq + 1;
                }
            }
        }
        if (anchor != null && !anchorSeen) {
            add(problems, truncated, new AuditReport.Problem(anchor.seq(), AuditReport.Kind.ANCHOR_MISMATCH,
                    "record " + anchor.seq() + " of the anchor is missing: the log was truncated or rewritten"));
        }
        checkHead(connection, lastSeq, lastHash, problems, truncated);
        completeness.compareWithRequests(connection, lastSeq);
        return new AuditReport(records, lastSeq, lastHash, problems, truncated[0]);
    }

    private static void checkHead(Connection connection, long lastSeq, String lastHash,
                                  List<AuditReport.Problem> problems, boolean[] truncated) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, hash FROM veil_audit_head WHERE id = 1");
             ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                add(problems, truncated, new AuditReport.Problem(lastSeq, AuditReport.Kind.HEAD_MISMATCH,
                        "the head row is missing"));
                return;
            }
            long headSeq = rs.getLong(1);
            String headHash = rs.getString(2);
            if (headSeq > lastSeq) {
                add(problems, truncated, new AuditReport.Problem(lastSeq + 1, AuditReport.Kind.TRUNCATED,
                        "the log ends at record " + lastSeq + " but the head says " + headSeq + ": "
                                + describeGap(lastSeq + 1, headSeq)));
            } else if (headSeq != lastSeq || !headHash.equals(lastHash)) {
                add(problems, truncated, new AuditReport.Problem(lastSeq, AuditReport.Kind.HEAD_MISMATCH,
                        "the head (record " + headSeq + ") does not match the last record (" + lastSeq + ")"));
            }
        }
    }

    private static String describeGap(long from, long to) {
        return from == to ? "record " + from + " is missing (deleted)"
                : "records " + from + " to " + to + " are missing (deleted)";
    }

    private static void add(List<AuditReport.Problem> problems, boolean[] truncated, AuditReport.Problem problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        } else {
            truncated[0] = true;
        }
    }
}
