package dev.veil.approval.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.approval.client.ApprovalJson;
import dev.veil.approval.client.ApprovalRequest;
import dev.veil.approval.client.ApprovalState;
import dev.veil.approval.server.audit.AuditEntry;
import dev.veil.approval.server.audit.AuditLog;
import dev.veil.approval.server.store.StoredRequest.Waiter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
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

    /** A waiter of the request in the statement holds a lease past the time bound to the next parameter. */
    private static final String LIVE_WAITER = "EXISTS (SELECT 1 FROM veil_request_waiter w"
            + " WHERE w.request_id = veil_approval_request.id AND w.lease_until > ?)";

    private final Database database;
    private final AuditLog audit;
    private final ObjectMapper json = ApprovalJson.mapper(false);

    public ApprovalStore(Database database, AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    /**
     * Records a new request with its audit records, durably. A pending request holds its binding's pending key
     * (so a second pending request with the same binding is a {@link StoreConflictException}) and, when given, its
     * first waiter's lease.
     *
     * @param waiter the driver's waiter (its lease keeps the request alive), or {@code null}
     * @param key    the idempotency key of the call that created it, or {@code null}
     */
    public void insert(StoredRequest request, Waiter waiter, String key, List<AuditEntry> records) {
        database.durably(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO veil_approval_request (" + COLUMNS + ", pending_key)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
                insert.setString(17, request.pending() ? pendingKey(request) : null);
                insert.executeUpdate();
            }
            if (waiter != null && request.pending()) {
                insertWaiter(connection, request.id(), waiter);
            }
            insertKey(connection, request.client(), key, request.id(), request.createdAt());
            audit.append(connection, records);
            return null;
        });
    }

    /**
     * A driver waits on a pending request too (it asked for the same thing). Durable; empty when the request is
     * no longer pending, and then nothing is recorded.
     */
    public Optional<StoredRequest> join(String id, Waiter waiter, String client, String key, Instant now) {
        return database.durably(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT state FROM veil_approval_request WHERE id = ? FOR UPDATE")) {
                lock.setString(1, id);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next() || !ApprovalState.PENDING.name().equals(rs.getString(1))) {
                        return Optional.empty();
                    }
                }
            }
            if (waiter != null && !renewWaiter(connection, id, waiter)) {
                insertWaiter(connection, id, waiter);
            }
            insertKey(connection, client, key, id, now);
            return find(connection, id);
        });
    }

    /** The request an earlier call with this idempotency key created or joined, if any. */
    public Optional<String> requestOfKey(String client, String key) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT request_id FROM veil_idempotency_key WHERE client = ? AND idem_key = ?")) {
                select.setString(1, client);
                select.setString(2, key);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1) == null ? "" : rs.getString(1))
                            : Optional.empty();
                }
            }
        });
    }

    /**
     * Extends a waiter's lease on a pending request (registering the waiter if it is new). Not forced to disk: a
     * renewal lost in a crash only shortens the lease, and the driver renews again when the server is back.
     */
    public void renewLease(String id, Waiter waiter) {
        try {
            database.transaction(connection -> {
                if (!renewWaiter(connection, id, waiter)) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO veil_request_waiter (request_id, waiter, lease_until) SELECT id, ?, ?"
                                    + " FROM veil_approval_request WHERE id = ? AND state = ?")) {
                        insert.setString(1, waiter.id());
                        insert.setLong(2, waiter.leaseUntil().toEpochMilli());
                        insert.setString(3, id);
                        insert.setString(4, ApprovalState.PENDING.name());
                        insert.executeUpdate();
                    }
                }
                return null;
            });
        } catch (StoreConflictException e) {
            // the same waiter renewed at the same moment through another call: its lease is fresh either way
        }
    }

    /**
     * Withdraws a pending request nobody waits on any more. {@code leaving}, when given, is a waiter that stops
     * waiting now (its lease is dropped even when others still wait). Durable; empty when the request stays (it
     * is decided, or another waiter's lease is live).
     */
    public Optional<StoredRequest> withdraw(String id, String leaving, Instant now, String reason, AuditEntry record) {
        return database.durably(connection -> {
            if (leaving != null) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM veil_request_waiter WHERE request_id = ? AND waiter = ?")) {
                    delete.setString(1, id);
                    delete.setString(2, leaving);
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE veil_approval_request SET state = ?, decided_at = ?, reason = ?, pending_key = NULL"
                            + " WHERE id = ? AND state = ? AND expires_at > ? AND NOT " + LIVE_WAITER)) {
                update.setString(1, ApprovalState.WITHDRAWN.name());
                update.setLong(2, now.toEpochMilli());
                update.setString(3, reason);
                update.setString(4, id);
                update.setString(5, ApprovalState.PENDING.name());
                update.setLong(6, now.toEpochMilli());
                update.setLong(7, now.toEpochMilli());
                if (update.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            deleteWaiters(connection, id);
            audit.append(connection, List.of(record));
            return find(connection, id);
        });
    }

    /** Ids of pending requests within their TTL whose every waiter's lease has lapsed. */
    public List<String> abandoned(Instant now, int limit) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM veil_approval_request WHERE state = ? AND expires_at > ? AND NOT " + LIVE_WAITER
                            + " ORDER BY created_at LIMIT ?")) {
                select.setString(1, ApprovalState.PENDING.name());
                select.setLong(2, now.toEpochMilli());
                select.setLong(3, now.toEpochMilli());
                select.setInt(4, limit);
                return ids(select);
            }
        });
    }

    /**
     * Appends records once per idempotency key, durably: {@code false} when a call with this key was recorded
     * before (a driver's retry), and then nothing is appended.
     */
    public boolean appendOnce(String client, String key, String requestId, Instant now, List<AuditEntry> records) {
        if (key != null && requestOfKey(client, key).isPresent()) {
            return false;
        }
        try {
            database.durably(connection -> {
                insertKey(connection, client, key, requestId, now);
                audit.append(connection, records);
                return null;
            });
            return true;
        } catch (StoreConflictException e) {
            if (key != null && requestOfKey(client, key).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    /** Remembers a Slack request's signature; {@code false} when it was received before (a replay). Durable. */
    public boolean firstReceipt(String signature, Instant now) {
        try {
            return database.durably(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO veil_slack_request (signature, received_at) SELECT ?, ? WHERE NOT EXISTS"
                                + " (SELECT 1 FROM veil_slack_request WHERE signature = ?)")) {
                    insert.setString(1, signature);
                    insert.setLong(2, now.toEpochMilli());
                    insert.setString(3, signature);
                    return insert.executeUpdate() == 1;
                }
            });
        } catch (StoreConflictException e) {
            return false;
        }
    }

    /** Forgets idempotency keys and Slack signatures older than their horizons; a retry is never that late. */
    public void prune(Instant keysBefore, Instant signaturesBefore) {
        database.transaction(connection -> {
            try (PreparedStatement keys = connection.prepareStatement(
                    "DELETE FROM veil_idempotency_key WHERE created_at < ?");
                 PreparedStatement signatures = connection.prepareStatement(
                         "DELETE FROM veil_slack_request WHERE received_at < ?")) {
                keys.setLong(1, keysBefore.toEpochMilli());
                keys.executeUpdate();
                signatures.setLong(1, signaturesBefore.toEpochMilli());
                signatures.executeUpdate();
            }
            return null;
        });
    }

    private static void insertWaiter(Connection connection, String id, Waiter waiter) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO veil_request_waiter (request_id, waiter, lease_until) VALUES (?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, waiter.id());
            insert.setLong(3, waiter.leaseUntil().toEpochMilli());
            insert.executeUpdate();
        }
    }

    private static boolean renewWaiter(Connection connection, String id, Waiter waiter) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE veil_request_waiter SET lease_until = ? WHERE request_id = ? AND waiter = ?"
                        + " AND lease_until < ?")) {
            update.setLong(1, waiter.leaseUntil().toEpochMilli());
            update.setString(2, id);
            update.setString(3, waiter.id());
            update.setLong(4, waiter.leaseUntil().toEpochMilli());
            if (update.executeUpdate() == 1) {
                return true;
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM veil_request_waiter WHERE request_id = ? AND waiter = ?")) {
            select.setString(1, id);
            select.setString(2, waiter.id());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void deleteWaiters(Connection connection, String id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM veil_request_waiter WHERE request_id = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
        }
    }

    private static void insertKey(Connection connection, String client, String key, String requestId,
                                  Instant now) throws SQLException {
        if (key == null) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO veil_idempotency_key (client, idem_key, request_id, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, client);
            insert.setString(2, key);
            insert.setString(3, requestId);
            insert.setLong(4, now.toEpochMilli());
            insert.executeUpdate();
        }
    }

    private static List<String> ids(PreparedStatement select) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
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

    /**
     * The approval given by a reviewer for a window that is still open for this binding and covers the new request's
     * row limit, if any.
     */
    public Optional<StoredRequest> findOpenWindow(String bindingKey, ApprovalRequest later, Instant now) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM veil_approval_request WHERE binding_key = ? AND state = ?"
                            + " AND approved_under IS NULL AND approved_until > ? ORDER BY approved_until DESC")) {
                select.setString(1, bindingKey);
                select.setString(2, ApprovalState.APPROVED.name());
                select.setLong(3, now.toEpochMilli());
                return readAll(select).stream().filter(window -> window.request().rowLimitCovers(later)).findFirst();
            }
        });
    }

    /**
     * The pending request of this binding that covers the new request's row limit, if any (past its TTL too, until
     * it is expired): a retry joins it instead of asking again. The smallest covering one is chosen; requests of one
     * binding and one row limit are at most one (the pending key is unique).
     */
    public Optional<StoredRequest> findPending(String bindingKey, ApprovalRequest later) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM veil_approval_request WHERE binding_key = ?"
                            + " AND pending_key IS NOT NULL")) {
                select.setString(1, bindingKey);
                return readAll(select).stream()
                        .filter(pending -> pending.request().rowLimitCovers(later))
                        .min(Comparator.comparing(pending -> pending.request().rowLimit() == null
                                ? Long.MAX_VALUE : pending.request().rowLimit()));
            }
        });
    }

    /**
     * What makes two pending requests one: their binding and the rows they ask for. A request without a row limit
     * keeps the binding itself (as stored by earlier versions).
     */
    static String pendingKey(StoredRequest request) {
        Long rowLimit = request.request().rowLimit();
        if (rowLimit == null) {
            return request.bindingKey();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((request.bindingKey() + "/" + rowLimit).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
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
     * Decides a pending request that has not expired and on which a driver still waits (a live lease). Returns the
     * decided request, or empty when it was not pending any more (someone else decided first, it expired) or its
     * drivers are gone. Durable.
     */
    public Optional<StoredRequest> decide(String id, ApprovalState state, String reviewer, String reason,
                                          Instant decidedAt, Instant approvedUntil, AuditEntry record,
                                          Route route) {
        return database.durably(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE veil_approval_request SET state = ?, reviewer = ?, reason = ?, decided_at = ?,"
                            + " approved_until = ?, pending_key = NULL WHERE id = ? AND state = ?"
                            + " AND expires_at > ? AND " + LIVE_WAITER
                            + " AND COALESCE((SELECT r.approver_group FROM veil_request_route r"
                            + " WHERE r.request_id = ?), ?) = ?")) {
                update.setString(1, state.name());
                update.setString(2, reviewer);
                update.setString(3, reason);
                update.setLong(4, decidedAt.toEpochMilli());
                setInstant(update, 5, approvedUntil);
                update.setString(6, id);
                update.setString(7, ApprovalState.PENDING.name());
                update.setLong(8, decidedAt.toEpochMilli());
                update.setLong(9, decidedAt.toEpochMilli());
                update.setString(10, id);
                update.setString(11, route.initial());
                update.setString(12, route.group());
                if (update.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            deleteWaiters(connection, id);
            audit.append(connection, List.of(record));
            return find(connection, id);
        });
    }

    /** Expires a pending request whose TTL has passed; empty when it was not pending or not due. */
    public Optional<StoredRequest> expire(String id, Instant now, String reason, AuditEntry record) {
        return database.durably(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE veil_approval_request SET state = ?, decided_at = ?, reason = ?, pending_key = NULL"
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
            deleteWaiters(connection, id);
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
        database.durably(connection -> {
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

    /**
     * The approver group a decider was found to belong to, and the group of requests never escalated: a decision
     * is taken only while the request is still with that group (not escalated meanwhile).
     */
    public record Route(String group, String initial) {
    }

    /** The approver group a request was escalated to; empty when it never was (it is with the first group). */
    public Optional<String> groupOf(String id) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT approver_group FROM veil_request_route WHERE request_id = ?")) {
                select.setString(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /**
     * Routes a request that is still pending to {@code group}, if it is still with {@code from}; {@code false}
     * when it was decided or escalated by someone else meanwhile. Durable, audited in the same transaction.
     */
    public boolean escalate(String id, String from, String group, boolean fromFirst, AuditEntry record) {
        return database.durably(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT state FROM veil_approval_request WHERE id = ? FOR UPDATE")) {
                lock.setString(1, id);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next() || !ApprovalState.PENDING.name().equals(rs.getString(1))) {
                        return false;
                    }
                }
            }
            int changed;
            if (fromFirst) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO veil_request_route (request_id, approver_group) SELECT ?, ? WHERE NOT EXISTS"
                                + " (SELECT 1 FROM veil_request_route WHERE request_id = ?)")) {
                    insert.setString(1, id);
                    insert.setString(2, group);
                    insert.setString(3, id);
                    changed = insert.executeUpdate();
                }
            } else {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE veil_request_route SET approver_group = ? WHERE request_id = ?"
                                + " AND approver_group = ?")) {
                    update.setString(1, group);
                    update.setString(2, id);
                    update.setString(3, from);
                    changed = update.executeUpdate();
                }
            }
            if (changed != 1) {
                return false;
            }
            audit.append(connection, List.of(record));
            return true;
        });
    }

    /** The audit records of one request, oldest first: its history as reviewers see it. */
    public List<RequestEvent> history(String id) {
        return database.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT recorded_at, record_type, actor, payload FROM veil_audit_record WHERE request_id = ?"
                            + " ORDER BY seq")) {
                select.setString(1, id);
                List<RequestEvent> events = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        events.add(new RequestEvent(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2),
                                rs.getString(3), rs.getString(4)));
                    }
                }
                return events;
            }
        });
    }

    /** Appends records that change no request (refusals), durably. */
    public void appendAudit(List<AuditEntry> records) {
        database.durably(connection -> {
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
