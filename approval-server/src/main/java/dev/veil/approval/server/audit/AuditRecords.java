package dev.veil.approval.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the audit log's records, oldest first, for people and reports ({@code veil audit list|show|export},
 * {@code veil usage report}). What the JSON details say (requester, tables) is for the caller to read.
 */
public final class AuditRecords {

    /** One record of the chain. */
    public record Record(long seq, Instant recordedAt, AuditType type, String requestId, String actor,
                         String payload) {
    }

    /**
     * Which records to read; null fields do not filter.
     *
     * @param since     records at or after this time
     * @param until     records before this time
     * @param types     record types to keep; empty keeps every type
     * @param requestId the records of one request
     * @param actor     who acted, exactly
     */
    public record Filter(Instant since, Instant until, Set<AuditType> types, String requestId, String actor) {

        public Filter {
            types = Set.copyOf(types);
        }

        public static Filter all() {
            return new Filter(null, null, Set.of(), null, null);
        }
    }

    private AuditRecords() {
    }

    public static List<Record> read(Connection connection, Filter filter) throws SQLException {
        Objects.requireNonNull(filter, "filter");
        StringBuilder sql = new StringBuilder("SELECT seq, recorded_at, record_type, request_id, actor, payload"
                + " FROM veil_audit_record WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (filter.since() != null) {
            sql.append(" AND recorded_at >= ?");
            parameters.add(filter.since().toEpochMilli());
        }
        if (filter.until() != null) {
            sql.append(" AND recorded_at < ?");
            parameters.add(filter.until().toEpochMilli());
        }
        if (!filter.types().isEmpty()) {
            sql.append(" AND record_type IN (").append(String.join(", ", filter.types().stream().map(t -> "?")
                    .toList())).append(')');
            filter.types().stream().map(AuditType::name).sorted().forEach(parameters::add);
        }
        if (filter.requestId() != null) {
            sql.append(" AND request_id = ?");
            parameters.add(filter.requestId());
        }
        if (filter.actor() != null) {
            sql.append(" AND actor = ?");
            parameters.add(filter.actor());
        }
        sql.append(" ORDER BY seq");
        List<Record> records = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    records.add(new Record(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                            AuditType.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
        }
        return records;
    }
}
