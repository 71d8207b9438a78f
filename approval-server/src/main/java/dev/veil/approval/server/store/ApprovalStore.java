package dev.veil.approval.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.approval.client.ApprovalJson;
import dev.veil.approval.client.ApprovalRequest;
import dev.veil.approval.client.ApprovalState;
import dev.veil.approval.server.audit.AuditEntry;
import dev.veil.approval.server.audit.AuditLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Approval requests in the database. Every change of state is a conditional update (only a pending request can be
 * decided or expire, only once) committed together with its audit record, so that several servers on one store
 * never decide a request twice and the audit log never misses a decision.
 */
public final class ApprovalStore {

    private static final String COLUMNS = "id, binding_key, client, principal, fingerprint, request_json, state,"
            + " created_at, expires_at, decided_at, reviewer, reason, approved_until, approved_under, slack_channel,"
            + " slack_ts";

    private final Database database;
    private final AuditLog audit;
    private final ObjectMapper json = ApprovalJson.mapper(false);

    public ApprovalStore(Database database, AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    public void insert(StoredRequest request, List<AuditEntry> records) {
        database.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO veil_approval_request (" + COLUMNS + ")"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, request.id());
                insert.setString(2, request.bindingKey());
                insert.setString(3, request.client());
                insert.setString(4, request.request().requester().principal());
                insert.setString(5, request.request().fingerprint());
                insert.setString(6, write(request.request()));
                insert.setString(7, request.state().name());
                setInstant(insert, 8, request.createdAt());
                setInstant(insert, 9, request.expiresAt());
                setInstant(insert, 10, request.decidedAt());
                insert.setString(11, request.reviewer());
                insert.setString(12, request.reason());
                setInstant(insert, 13, request.approvedUntil());
                insert.setString(14, request.approvedUnder());
                insert.setString(15, request.slackChannel());
                insert.setString(16, request.slackTs());
                insert.executeUpdate();
            }
            audit.append(connection, records);
            return null;
        });
    }

    public Optional<StoredRequest> find(String id) {
        return database.transaction(connection -> find(connection, id));
    }

    public List<StoredRequest> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> list = List.copyOf(ids);
        return database.transaction(connection -> {
            List<StoredRequest> found = new ArrayList<>(list.size());
            // bounded IN lists: a server has few waiters, but keep each statement small
            for (int from = 0; from < list.size(); from += 100) {
                List<String> chunk = list.subList(from, Math.min(list.size(), from + 100));
                String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM veil_approval_request WHERE id IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 1, chunk.get(i));
                    }
                    found.addAll(readAll(select));
                }
            }
            return found;
        });
    }

    /** The approval given by a reviewer for a window that is still open for this binding, if any. */
    public Optional<StoredRequest> findOpenWindow(String bindingKey, Instant now) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM veil_approval_request WHERE binding_key = ? AND state = ?"
                            + " AND approved_under IS NULL AND approved_until > ? ORDER BY approved_until DESC"
                            + " LIMIT 1")) {
                select.setString(1, bindingKey);
                select.setString(2, ApprovalState.APPROVED.name());
                select.setLong(3, now.toEpochMilli());
                return readAll(select).stream().findFirst();
            }
        });
    }

    /** The oldest request still pending for this binding, if any: a retry joins it instead of asking again. */
    public Optional<StoredRequest> findPending(String bindingKey, Instant now) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM veil_approval_request WHERE binding_key = ? AND state = ?"
                            + " AND expires_at > ? ORDER BY created_at LIMIT 1")) {
                select.setString(1, bindingKey);
                select.setString(2, ApprovalState.PENDING.name());
                select.setLong(3, now.toEpochMilli());
                return readAll(select).stream().findFirst();
            }
        });
    }

    /** Requests, newest first, optionally of one state. */
    public List<StoredRequest> list(ApprovalState state, int limit) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM veil_approval_request"
                            + (state == null ? "" : " WHERE state = ?") + " ORDER BY created_at DESC LIMIT ?")) {
                int i = 1;
                if (state != null) {
                    select.setString(i++, state.name());
                }
                select.setInt(i, limit);
                return readAll(select);
            }
        });
    }

    /**
     * Decides a pending request that has not expired. Returns the decided request, or empty when it was not
     * pending any more (someone else decided first, or it expired).
     */
    public Optional<StoredRequest> decide(String id, ApprovalState state, String reviewer, String reason,
                                          Instant decidedAt, Instant approvedUntil, AuditEntry record) {
        return database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE veil_approval_request SET state = ?, reviewer = ?, reason = ?, decided_at = ?,"
                            + " approved_until = ? WHERE id = ? AND state = ? AND expires_at > ?")) {
                update.setString(1, state.name());
                update.setString(2, reviewer);
                update.setString(3, reason);
                update.setLong(4, decidedAt.toEpochMilli());
                setInstant(update, 5, approvedUntil);
                update.setString(6, id);
                update.setString(7, ApprovalState.PENDING.name());
                update.setLong(8, decidedAt.toEpochMilli());
                if (update.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            audit.append(connection, List.of(record));
            return find(connection, id);
        });
    }

    /** Expires a pending request whose TTL has passed; empty when it was not pending or not due. */
    public Optional<StoredRequest> expire(String id, Instant now, String reason, AuditEntry record) {
        return database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE veil_approval_request SET state = ?, decided_at = ?, reason = ?"
                            + " WHERE id = ? AND state = ? AND expires_at <= ?")) {
                update.setString(1, ApprovalState.EXPIRED.name());
                update.setLong(2, now.toEpochMilli());
                update.setString(3, reason);
                update.setString(4, id);
                update.setString(5, ApprovalState.PENDING.name());
                update.setLong(6, now.toEpochMilli());
                if (update.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            audit.append(connection, List.of(record));
            return find(connection, id);
        });
    }

    /** Ids of pending requests whose TTL has passed. */
    public List<String> dueForExpiry(Instant now, int limit) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM veil_approval_request WHERE state = ? AND expires_at <= ? ORDER BY expires_at"
                            + " LIMIT ?")) {
                select.setString(1, ApprovalState.PENDING.name());
                select.setLong(2, now.toEpochMilli());
                select.setInt(3, limit);
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                return ids;
            }
        });
    }

    /** Remembers where the request's Slack card is, so that any server can update it. */
    public void recordSlackMessage(String id, String channel, String ts) {
        database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE veil_approval_request SET slack_channel = ?, slack_ts = ? WHERE id = ?")) {
                update.setString(1, channel);
                update.setString(2, ts);
                update.setString(3, id);
                update.executeUpdate();
            }
            return null;
        });
    }

    /** Appends records that change no request: refusals, outcomes, usage events. */
    public void appendAudit(List<AuditEntry> records) {
        database.transaction(connection -> {
            audit.append(connection, records);
            return null;
        });
    }

    private Optional<StoredRequest> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM veil_approval_request WHERE id = ?")) {
            select.setString(1, id);
            return readAll(select).stream().findFirst();
        }
    }

    private List<StoredRequest> readAll(PreparedStatement select) throws SQLException {
        List<StoredRequest> rows = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(new StoredRequest(
                        rs.getString("id"),
                        rs.getString("binding_key"),
                        rs.getString("client"),
                        read(rs.getString("request_json")),
                        ApprovalState.valueOf(rs.getString("state")),
                        instant(rs, "created_at"),
                        instant(rs, "expires_at"),
                        instant(rs, "decided_at"),
                        rs.getString("reviewer"),
                        rs.getString("reason"),
                        instant(rs, "approved_until"),
                        rs.getString("approved_under"),
                        rs.getString("slack_channel"),
                        rs.getString("slack_ts")));
            }
        }
        return rows;
    }

    private String write(ApprovalRequest request) throws SQLException {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot write the request as JSON", e);
        }
    }

    private ApprovalRequest read(String text) throws SQLException {
        try {
            return json.readValue(text, ApprovalRequest.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored request is not readable", e);
        }
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value.toEpochMilli());
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
