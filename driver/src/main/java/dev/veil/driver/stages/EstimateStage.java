package dev.veil.driver.stages;

import dev.veil.analyzer.Analysis;
import dev.veil.analyzer.PartitionRange;
import dev.veil.analyzer.StatementAnalysis;
import dev.veil.analyzer.StatementKind;
import dev.veil.analyzer.StatementType;
import dev.veil.analyzer.TableName;
import dev.veil.driver.pipeline.Entry;
import dev.veil.driver.pipeline.Session;
import dev.veil.driver.pipeline.Stage;
import dev.veil.driver.pipeline.StatementPlan;
import dev.veil.policy.ApprovalSettings;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Holds large exports and large writes for approval, from the database's own row estimate (cached per statement
 * shape, so steady state costs no round trip): a query estimated above {@code approvals.exportRows}, DML estimated
 * above {@code approvals.writeRows}. A query whose LIMIT is within the threshold, or whose WHERE is false whatever the
 * rows ({@code 1=0}, {@code LIMIT 0}), needs no estimate, nor does one whose select list is literals only (Spark's
 * count, {@code SELECT 1 FROM …}): it tells how many rows match, as {@code SELECT COUNT(*)} does, and no value. A held
 * partition of a read ({@link PartitionRange}) is held for the rows of the whole read. Every hold — this stage's or a
 * rule's — is for up to a number of rows ({@link StatementPlan.Approval#forRows}): the reviewer sees it, and the
 * runtime guard stops an approved execution that streams past it.
 */
public final class EstimateStage implements Stage {

    @Override
    public Phase phase() {
        return Phase.PLANNING;
    }

    /** The writes whose rows are estimated. */
    private static final Set<StatementType> WRITES = EnumSet.of(StatementType.UPDATE, StatementType.DELETE,
            StatementType.MERGE, StatementType.INSERT, StatementType.REPLACE);

    @Override
    public void plan(Session session, StatementPlan.Builder plan) throws SQLException {
        ApprovalSettings approvals = session.policy().approvals();
        Optional<Analysis> analysis = plan.analysis();
        Optional<StatementPlan.Approval> held = plan.approval();
        if (analysis.isEmpty() || analysis.get().isUnknown() || analysis.get().statements().size() != 1
                || session.engine().isEmpty()) {
            held.ifPresent(h -> plan.approval(StatementPlan.Approval.forRows(h.rule(), null,
                    approvals.exportRows())));
            return;
        }
        StatementAnalysis s = analysis.get().statements().get(0);
        if (held.isPresent()) {
            // held by a rule (DDL, an export, a write without WHERE): approved for the rows it is estimated to move
            OptionalLong rows = wholeRead(session, plan, analysis.get(), s, estimated(session, plan, analysis.get(),
                    s));
            plan.approval(StatementPlan.Approval.forRows(held.get().rule(),
                    rows.isPresent() ? rows.getAsLong() : null, approvals.exportRows()));
            return;
        }
        if (s.kind() == StatementKind.QUERY && approvals.exportRows() > 0 && !s.rowsOnly()
                && !(s.rowBound().isPresent() && s.rowBound().getAsLong() <= approvals.exportRows())) {
            // whether to hold is the statement's own affair; what a held partition asks for is the whole read
            OptionalLong rows = estimated(session, plan, analysis.get(), s);
            if (rows.isPresent() && rows.getAsLong() > approvals.exportRows()) {
                plan.approval(StatementPlan.Approval.forRows("approvals.exportRows",
                        wholeRead(session, plan, analysis.get(), s, rows).getAsLong(), approvals.exportRows()));
            }
        } else if (s.kind() == StatementKind.DML && approvals.writeRows() > 0) {
            OptionalLong rows = estimated(session, plan, analysis.get(), s);
            if (rows.isPresent() && rows.getAsLong() > approvals.writeRows()) {
                plan.approval(StatementPlan.Approval.forRows("approvals.writeRows", rows.getAsLong(),
                        approvals.exportRows()));
            }
        }
    }

    /**
     * The rows a query returns or a write changes, as the database estimates them — for a query no more than its
     * LIMIT (the estimate is shared by statements of one shape, whatever their LIMIT) — empty for other statements.
     */
    private static OptionalLong estimated(Session session, StatementPlan.Builder plan, Analysis analysis,
                                          StatementAnalysis s) throws SQLException {
        if (s.kind() == StatementKind.QUERY) {
            OptionalLong rows = estimate(session, plan, analysis, s.tablesRead());
            if (rows.isPresent() && s.rowBound().isPresent()) {
                return OptionalLong.of(Math.min(rows.getAsLong(), s.rowBound().getAsLong()));
            }
            return rows;
        }
        if (s.kind() == StatementKind.DML && WRITES.contains(s.statementType())
                && (!insertsRows(s) || !s.tablesRead().isEmpty())) {
            // an INSERT writes what it reads; the others, rows of the table they write
            return estimate(session, plan, analysis, s.statementType() == StatementType.INSERT ? s.tablesRead()
                    : s.tablesWritten());
        }
        return OptionalLong.empty();
    }

    /**
     * For one partition of a read (a query with a {@link PartitionRange}), the estimate of the whole read — the
     * statement without its partition predicate — and never less than the partition's own: every partition and retry
     * of the read asks for the same approval, the one the reviewer sees. {@code own} for other statements.
     */
    private static OptionalLong wholeRead(Session session, StatementPlan.Builder plan, Analysis analysis,
                                          StatementAnalysis s, OptionalLong own) throws SQLException {
        Optional<PartitionRange> range = s.partitionRange();
        if (range.isEmpty() || s.kind() != StatementKind.QUERY) {
            return own;
        }
        boolean prepared = plan.entry() == Entry.PREPARE || plan.entry() == Entry.PREPARE_CALL;
        boolean parameters = prepared && analysis.hasParameters();
        OptionalLong whole = session.database().estimate(range.get().unpartitioned().hash() + (parameters ? "?" : ""),
                session.tracker().catalog().database().identity(), session.tracker().catalog().version(),
                () -> session.engine().orElseThrow().estimateRows(session.vendor(), range.get().unpartitionedSql(),
                        parameters, s.tablesRead()));
        if (whole.isEmpty()) {
            return own;
        }
        return own.isPresent() && own.getAsLong() > whole.getAsLong() ? own : whole;
    }

    /** INSERT and REPLACE write the rows they are given: only those that read a table write many. */
    private static boolean insertsRows(StatementAnalysis s) {
        return s.statementType() == StatementType.INSERT || s.statementType() == StatementType.REPLACE;
    }

    /**
     * The database's estimate: its EXPLAIN of the statement, as for any plain statement, unless the statement is
     * prepared with parameter markers — EXPLAIN cannot see their values, so the tables' statistics are used.
     */
    private static OptionalLong estimate(Session session, StatementPlan.Builder plan, Analysis analysis,
                                         Collection<TableName> tables) throws SQLException {
        boolean prepared = plan.entry() == Entry.PREPARE || plan.entry() == Entry.PREPARE_CALL;
        boolean parameters = prepared && analysis.hasParameters();
        return session.database().estimate(analysis.fingerprint().hash() + (parameters ? "?" : ""),
                session.tracker().catalog().database().identity(), session.tracker().catalog().version(),
                () -> session.engine().orElseThrow().estimateRows(session.vendor(), plan.sql(), parameters,
                        tables));
    }
}
