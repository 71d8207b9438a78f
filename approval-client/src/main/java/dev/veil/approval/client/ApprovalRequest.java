package dev.veil.approval.client;

import java.util.List;
import java.util.Objects;

/**
 * What a reviewer is asked to approve: one statement, as the driver understood it.
 *
 * <p>The statement text must have its literals redacted before it gets here; nothing in a request may carry a data
 * value. An approval is bound to {@code fingerprint}, the requester's {@code principal} and {@code jdbcUser}, the
 * {@code database} and the driver token that created it: it never lets a different statement run.
 *
 * @param requester     who asks
 * @param database      where the statement would run (the vendor URL without credentials), may be {@code null}
 * @param fingerprint   the analyzer's hash of the normalized statement
 * @param statement     the statement text with literals redacted
 * @param kind          what the statement is, e.g. {@code DROP}, {@code SELECT}, {@code UPDATE}, {@code COPY}
 * @param tables        the tables it touches
 * @param columns       the columns it touches, with their classes
 * @param estimatedRows the database's estimate of rows read or written, {@code null} when unknown
 * @param rule          the policy rule that asked for approval, e.g. {@code ddl.drop}, {@code exportRows}
 * @param rowLimit      the most rows an execution approved for this request may return (the estimate with the
 *                      driver's margin); the driver stops one that streams past it, and an approval window covers a
 *                      later request only up to it. {@code null}: no limit
 * @param partitionColumn the column the read is partitioned on, when the statement is one partition of a read (an
 *                      engine's range predicate on that column removed from {@code statement} and
 *                      {@code fingerprint}, {@code estimatedRows} the whole read's): approving it also approves the
 *                      read's other partitions and task retries for the server's read window. {@code null}: not a
 *                      partition
 */
public record ApprovalRequest(
        Requester requester,
        String database,
        String fingerprint,
        String statement,
        String kind,
        List<String> tables,
        List<TouchedColumn> columns,
        Long estimatedRows,
        String rule,
        Long rowLimit,
        String partitionColumn) {

    /** A request that is not a partition of a read. */
    public ApprovalRequest(Requester requester, String database, String fingerprint, String statement, String kind,
                           List<String> tables, List<TouchedColumn> columns, Long estimatedRows, String rule,
                           Long rowLimit) {
        this(requester, database, fingerprint, statement, kind, tables, columns, estimatedRows, rule, rowLimit, null);
    }

    /** A request without a row limit. */
    public ApprovalRequest(Requester requester, String database, String fingerprint, String statement, String kind,
                           List<String> tables, List<TouchedColumn> columns, Long estimatedRows, String rule) {
        this(requester, database, fingerprint, statement, kind, tables, columns, estimatedRows, rule, null, null);
    }

    /** Whether an approval of this request covers {@code later}: it may not let more rows through. */
    public boolean rowLimitCovers(ApprovalRequest later) {
        return rowLimit == null || later.rowLimit != null && later.rowLimit <= rowLimit;
    }

    public ApprovalRequest {
        Objects.requireNonNull(requester, "requester");
        requireText(fingerprint, "fingerprint");
        requireText(statement, "statement");
        requireText(kind, "kind");
        requireText(rule, "rule");
        tables = tables == null ? List.of() : List.copyOf(tables);
        columns = columns == null ? List.of() : List.copyOf(columns);
        if (estimatedRows != null && estimatedRows < 0) {
            throw new IllegalArgumentException("estimatedRows must not be negative");
        }
        if (partitionColumn != null && partitionColumn.isBlank()) {
            partitionColumn = null;
        }
        if (rowLimit != null && rowLimit < 0) {
            throw new IllegalArgumentException("rowLimit must not be negative");
        }
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
