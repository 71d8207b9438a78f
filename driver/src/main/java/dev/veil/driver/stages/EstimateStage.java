package dev.veil.driver.stages;

import dev.veil.analyzer.Analysis;
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
 * above {@code approvals.writeRows}. A query whose LIMIT is within the threshold needs no estimate. The runtime guard
 * stops a result that streams past the threshold anyway.
 */
public final class EstimateStage implements Stage {

    /** The writes whose rows are estimated. */
    private static final Set<StatementType> WRITES = EnumSet.of(StatementType.UPDATE, StatementType.DELETE,
            StatementType.MERGE, StatementType.INSERT, StatementType.REPLACE);

    @Override
    public void plan(Session session, StatementPlan.Builder plan) throws SQLException {
        ApprovalSettings approvals = session.policy().approvals();
        Optional<Analysis> analysis = plan.analysis();
        if (analysis.isEmpty() || analysis.get().isUnknown() || analysis.get().statements().size() != 1
                || plan.approval().isPresent() || session.engine().isEmpty()) {
            return;
        }
        StatementAnalysis s = analysis.get().statements().get(0);
        if (s.kind() == StatementKind.QUERY && approvals.exportRows() > 0
                && !(s.rowBound().isPresent() && s.rowBound().getAsLong() <= approvals.exportRows())) {
            OptionalLong rows = estimate(session, plan, analysis.get(), s.tablesRead());
            if (rows.isPresent() && rows.getAsLong() > approvals.exportRows()) {
                plan.approval(new StatementPlan.Approval("approvals.exportRows", rows.getAsLong()));
            }
        } else if (s.kind() == StatementKind.DML && WRITES.contains(s.statementType()) && approvals.writeRows() > 0
                && (!insertsRows(s) || !s.tablesRead().isEmpty())) {
            // an INSERT writes what it reads; the others, rows of the table they write
            Collection<TableName> tables = s.statementType() == StatementType.INSERT ? s.tablesRead()
                    : s.tablesWritten();
            OptionalLong rows = estimate(session, plan, analysis.get(), tables);
            if (rows.isPresent() && rows.getAsLong() > approvals.writeRows()) {
                plan.approval(new StatementPlan.Approval("approvals.writeRows", rows.getAsLong()));
            }
        }
    }

    /** INSERT and REPLACE write the rows they are given: only those that read a table write many. */
    private static boolean insertsRows(StatementAnalysis s) {
        return s.statementType() == StatementType.INSERT || s.statementType() == StatementType.REPLACE;
    }

    private static OptionalLong estimate(Session session, StatementPlan.Builder plan, Analysis analysis,
                                         Collection<TableName> tables) throws SQLException {
        boolean parameters = plan.entry() == Entry.PREPARE || plan.entry() == Entry.PREPARE_CALL;
        return session.database().estimate(analysis.fingerprint().hash() + (parameters ? "?" : ""),
                session.tracker().catalog().database().identity(), session.tracker().catalog().version(),
                () -> session.engine().orElseThrow().estimateRows(session.vendor(), plan.sql(), parameters,
                        tables));
    }
}
