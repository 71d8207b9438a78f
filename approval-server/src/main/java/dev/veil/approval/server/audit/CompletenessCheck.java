package dev.veil.approval.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the chain says happened to each request, checked for completeness: every request is created before it is
 * decided, decided at most once (approval, rejection, expiry and withdrawal are each final), never decided after it
 * ran, and runs only when approved; and the requests table agrees with the chain. An acknowledged approval lost in
 * a crash (the statement ran, the approval is gone) shows up here although every record's hash is right.
 */
final class CompletenessCheck {

    /** What the chain says about one request. */
    private static final class Seen {
        private String state = "PENDING";
        private boolean ran;
    }

    private final Map<String, Seen> requests = new HashMap<>();
    private final Consumer<AuditReport.Problem> problems;

    CompletenessCheck(Consumer<AuditReport.Problem> problems) {
        this.problems = problems;
    }

    /** One record of the chain, in order. */
    void record(long seq, String type, String requestId) {
        if (requestId == null) {
            return;
        }
        AuditType kind;
        try {
            kind = AuditType.valueOf(type);
        } catch (IllegalArgumentException e) {
            return;
        }
        switch (kind) {
            case REQUEST_CREATED -> {
                if (requests.putIfAbsent(requestId, new Seen()) != null) {
                    problems.accept(new AuditReport.Problem(seq, AuditReport.Kind.DECIDED_TWICE,
                            "record " + seq + " creates request " + requestId + " a second time"));
                }
            }
            case REQUEST_APPROVED -> decided(seq, requestId, "APPROVED");
            case REQUEST_REJECTED -> decided(seq, requestId, "REJECTED");
            case REQUEST_EXPIRED -> decided(seq, requestId, "EXPIRED");
            case REQUEST_WITHDRAWN -> decided(seq, requestId, "WITHDRAWN");
            case EXECUTION_OUTCOME -> {
                Seen seen = requests.get(requestId);
                if (seen == null || !seen.state.equals("APPROVED")) {
                    problems.accept(new AuditReport.Problem(seq, AuditReport.Kind.UNAPPROVED_OUTCOME,
                            "record " + seq + " reports request " + requestId + " ran, but the log holds no"
                                    + " approval of it (" + (seen == null ? "not even its creation" : "it is "
                                    + seen.state) + ")"));
                }
                if (seen != null) {
                    seen.ran = true;
                }
            }
            default -> {
            }
        }
    }

    private void decided(long seq, String requestId, String state) {
        Seen seen = requests.get(requestId);
        if (seen == null) {
            problems.accept(new AuditReport.Problem(seq, AuditReport.Kind.STATE_MISMATCH,
                    "record " + seq + " decides request " + requestId + ", whose creation is not in the log"));
            seen = new Seen();
            requests.put(requestId, seen);
        } else if (seen.ran) {
            problems.accept(new AuditReport.Problem(seq, AuditReport.Kind.DECIDED_AFTER_OUTCOME,
                    "record " + seq + " decides request " + requestId + " (" + state + ") after it ran"));
        } else if (!seen.state.equals("PENDING")) {
            problems.accept(new AuditReport.Problem(seq, AuditReport.Kind.DECIDED_TWICE,
                    "record " + seq + " decides request " + requestId + " (" + state + ") although it was "
                            + seen.state + " already"));
        }
        seen.state = state;
    }

    /** Compares the requests table with the chain: the same requests, each in the state the chain left it. */
    void compareWithRequests(Connection connection, long lastSeq) throws SQLException {
        Set<String> inTable = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, state FROM veil_approval_request")) {
            select.setFetchSize(500);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    String state = rs.getString(2);
                    inTable.add(id);
                    Seen seen = requests.get(id);
                    if (seen == null) {
                        problems.accept(new AuditReport.Problem(lastSeq, AuditReport.Kind.STATE_MISMATCH,
                                "request " + id + " (" + state + ") is not in the log"));
                    } else if (!seen.state.equals(state)) {
                        problems.accept(new AuditReport.Problem(lastSeq, AuditReport.Kind.STATE_MISMATCH,
                                "request " + id + " is " + state + " but the log says " + seen.state));
                    }
                }
            }
        }
        for (String id : requests.keySet()) {
            if (!inTable.contains(id)) {
                problems.accept(new AuditReport.Problem(lastSeq, AuditReport.Kind.STATE_MISMATCH,
                        "request " + id + " is in the log but not in the requests table"));
            }
        }
    }
}
