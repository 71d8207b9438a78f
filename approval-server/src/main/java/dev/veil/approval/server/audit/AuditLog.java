package dev.veil.approval.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * Appends records to the chain, inside the caller's transaction so that a decision and its record commit together.
 *
 * <p>The head row ({@code veil_audit_head}) holds the last sequence number and hash; locking it serializes appends
 * across every server sharing the store, so the chain never forks.
 */
public final class AuditLog {

    private final AuditChain chain;
    private final Clock clock;

    public AuditLog(AuditChain chain, Clock clock) {
        this.chain = chain;
        this.clock = clock;
    }

    public void append(Connection connection, List<AuditEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        long seq;
        String hash;
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT seq, hash FROM veil_audit_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = head.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the audit head row is missing: the audit log has been tampered with");
            }
            seq = rs.getLong(1);
            hash = rs.getString(2);
        }
        long now = clock.millis();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO veil_audit_record (seq, recorded_at, record_type, request_id, actor, payload,"
                        + " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditEntry entry : entries) {
                long next = seq + 1;
                String nextHash = chain.hash(next, now, entry.type().name(), entry.requestId(), entry.actor(),
                        entry.payload(), hash);
                insert.setLong(1, next);
                insert.setLong(2, now);
                insert.setString(3, entry.type().name());
                insert.setString(4, entry.requestId());
                insert.setString(5, entry.actor());
                insert.setString(6, entry.payload());
                insert.setString(7, hash);
                insert.setString(8, nextHash);
                insert.addBatch();
                seq = next;
                hash = nextHash;
            }
            insert.executeBatch();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE veil_audit_head SET seq = ?, hash = ? WHERE id = 1")) {
            update.setLong(1, seq);
            update.setString(2, hash);
            update.executeUpdate();
        }
    }
}
