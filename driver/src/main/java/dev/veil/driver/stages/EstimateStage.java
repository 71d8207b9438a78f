package dev.veil.driver.stages;

import dev.veil.analyzer.Analysis;
import dev.veil.analyzer.PartitionRange;
import dev.veil.analyzer.PinnedColumns;
import dev.veil.analyzer.Relation;
import dev.veil.analyzer.StatementAnalysis;
import dev.veil.analyzer.StatementKind;
import dev.veil.analyzer.StatementType;
import dev.veil.analyzer.TableName;
import dev.veil.driver.catalog.DatabaseCatalog;
import dev.veil.driver.catalog.KeyLookup;
import dev.veil.driver.catalog.SessionCatalog;
import dev.veil.driver.engine.CatalogReader;
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
import java.util.stream.Collectors;

/**
 * Holds large exports and large writes for approval, from the database's own row estimate (cached by what it depends
 * on: an EXPLAIN by the SQL text with its literals, table statistics by the tables): a query estimated above {@code
 * approvals.exportRows}, DML estimated above {@code approvals.writeRows}. A query whose LIMIT is within the threshold,
 * or whose WHERE is false whatever the rows ({@code 1=0}, {@code LIMIT 0}), needs no estimate, nor does one whose
 * select list is literals only (Spark's count, {@code SELECT 1 FROM …}): it tells how many rows match, as {@code SELECT
 * COUNT(*)} does, and no value. One whose WHERE pins a unique key of its one table is estimated at one row from the
 * catalog ({@link KeyLookup}), without asking the database. A held partition of a read ({@link PartitionRange}) is held
 * for the rows of the whole read. Every hold — this stage's or a rule's — is for up to a number of rows ({@link
 * StatementPlan.Approval#forRows}): the reviewer sees it, and the runtime guard stops an approved execution that
 * streams past it.
 */
public final class EstimateStage implements Stage {

    @Override
    public Phase phase() {
        return Phase.PLANNING;
    }

    /** The writes that change rows of the table they write, whatever rows they are given. */
    private static final Set<StatementType> CHANGES_ROWS = EnumSet.of(StatementType.UPDATE, StatementType.DELETE,
            StatementType.MERGE);

    @Override
    public void plan(Session session, StatementPlan.Builder plan) throws SQLException {
        ApprovalSettings approvals = session.policy().approvals();
        Optional<Analysis> analysis = plan.analysis();
        Optional<StatementPlan.Approval> held = plan.approval();
        if (analysis.isEmpty() || analysis.get().isUnknown() || session.engine().isEmpty()) {
            held.ifPresent(h -> plan.approval(unestimated(h.rule(), approvals)));
            return;
        }
        if (analysis.get().statements().size() != 1) {
            planSeveral(session, plan, analysis.get());
            return;
        }
        StatementAnalysis s = analysis.get().statements().get(0);
        if (held.isPresent()) {
            // held by a rule (DDL, an export, a write without WHERE): approved for the rows it is estimated to move
            OptionalLong rows = wholeRead(session, plan.entry(), analysis.get(), s,
                    estimated(session, plan.entry(), plan.sql(), analysis.get(), s));
            plan.approval(StatementPlan.Approval.forRows(held.get().rule(),
                    rows.isPresent() ? rows.getAsLong() : null, approvals.exportRows()));
            return;
        }
        if (estimates(approvals, s)) {
            plan.rowsEstimated();
            rowHold(session, plan.entry(), plan.sql(), analysis.get(), s).ifPresent(plan::approval);
        }
    }

    /**
     * A text of several statements, each estimated on its own text: the first whose estimate calls for a hold holds
     * the text (a large write after {@code SELECT 1;} is still a large write). Such a text has no shape, so no other
     * text reuses the plan.
     */
    private static void planSeveral(Session session, StatementPlan.Builder plan, Analysis analysis)
            throws SQLException {
        ApprovalSettings approvals = session.policy().approvals();
        Optional<StatementPlan.Approval> held = plan.approval();
        if (held.isPresent()) {
            plan.approval(unestimated(held.get().rule(), approvals));
            return;
        }
        for (StatementAnalysis each : analysis.statements()) {
            if (estimates(approvals, each)) {
                Optional<StatementPlan.Approval> hold = rowHold(session, plan.entry(), each.text(), analysis, each);
                if (hold.isPresent()) {
                    plan.approval(hold.get());
                    return;
                }
            }
        }
    }

    /**
     * A plan made for another text of the statement's shape holds for this one unless its estimate, asked again for
     * this text, would now hold it: estimates read literals ({@code id < 5} is not {@code id < 5000000}).
     */
    @Override
    public boolean holdsFor(Session session, StatementPlan plan) throws SQLException {
        if (!plan.rowsEstimated()) {
            return true;
        }
        if (plan.approval().isPresent() || plan.analysis().isEmpty() || session.engine().isEmpty()) {
            return false;
        }
        Analysis analysis = plan.analysis().get();
        return rowHold(session, plan.entry(), plan.sql(), analysis, analysis.statements().get(0)).isEmpty();
    }

    /** Whether the statement's rows are estimated to decide whether it is held. */
    private static boolean estimates(ApprovalSettings approvals, StatementAnalysis s) {
        if (s.kind() == StatementKind.QUERY) {
            return approvals.exportRows() > 0 && !s.rowsOnly()
                    && !(s.rowBound().isPresent() && s.rowBound().getAsLong() <= approvals.exportRows());
        }
        return s.kind() == StatementKind.DML && approvals.writeRows() > 0;
    }

    /** The hold the statement's estimate calls for: an export or a write above its threshold. */
    private static Optional<StatementPlan.Approval> rowHold(Session session, Entry entry, String sql,
                                                           Analysis analysis, StatementAnalysis s)
            throws SQLException {
        ApprovalSettings approvals = session.policy().approvals();
        if (s.kind() == StatementKind.DML && s.recursive()) {
            // rows made by a recursive CTE, which no database estimates (they guess a few): as many as it likes, so
            // held, without asking — a write has no row guard to stop it on the way
            return Optional.of(unestimated("approvals.writeRows", approvals));
        }
        OptionalLong rows = estimated(session, entry, sql, analysis, s);
        if (rows.isEmpty() && s.kind() == StatementKind.DML && insertsRows(s) && s.tablesRead().isEmpty()
                && s.insertsFromQuery()) {
            // rows made by a query over no table (generate_series, SYSTEM_RANGE) where the engine cannot estimate
            // them: held as above
            return Optional.of(unestimated("approvals.writeRows", approvals));
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (s.kind() == StatementKind.QUERY && rows.getAsLong() > approvals.exportRows()) {
            // whether to hold is the statement's own affair; what a held partition asks for is the whole read
            return Optional.of(StatementPlan.Approval.forRows("approvals.exportRows",
                    wholeRead(session, entry, analysis, s, rows).getAsLong(), approvals.exportRows()));
        }
        if (s.kind() == StatementKind.DML && rows.getAsLong() > approvals.writeRows()) {
            return Optional.of(StatementPlan.Approval.forRows("approvals.writeRows", rows.getAsLong(),
                    approvals.exportRows()));
        }
        return Optional.empty();
    }

    /**
     * The rows a query returns or a write changes, as the database estimates them — for a query no more than its
     * LIMIT — empty for other statements.
     */
    private static OptionalLong estimated(Session session, Entry entry, String sql, Analysis analysis,
                                          StatementAnalysis s) throws SQLException {
        if (s.kind() == StatementKind.QUERY) {
            if (keyLookup(session, s)) {
                return OptionalLong.of(1);
            }
            OptionalLong rows = estimate(session, entry, sql, analysis, s.tablesRead());
            if (rows.isPresent() && s.rowBound().isPresent()) {
                return OptionalLong.of(Math.min(rows.getAsLong(), s.rowBound().getAsLong()));
            }
            return rows;
        }
        if (s.kind() == StatementKind.DML && !insertsRows(s) && keyLookup(session, s)) {
            // an UPDATE or DELETE of one table by a unique key changes at most one row
            return OptionalLong.of(1);
        }
        if (s.kind() == StatementKind.DML && s.statementType().writes()
                && (!insertsRows(s) || !s.tablesRead().isEmpty() || s.insertsFromQuery())) {
            // an INSERT, REPLACE or upsert writes what it reads; the others, rows of the table they write
            return estimate(session, entry, sql, analysis, insertsRows(s) ? s.tablesRead() : s.tablesWritten());
        }
        return OptionalLong.empty();
    }

    /**
     * For one partition of a read (a query with a {@link PartitionRange}), the estimate of the whole read — the
     * statement without its partition predicate — and never less than the partition's own: every partition and retry
     * of the read asks for the same approval, the one the reviewer sees. {@code own} for other statements.
     */
    private static OptionalLong wholeRead(Session session, Entry entry, Analysis analysis, StatementAnalysis s,
                                          OptionalLong own) throws SQLException {
        Optional<PartitionRange> range = s.partitionRange();
        if (range.isEmpty() || s.kind() != StatementKind.QUERY) {
            return own;
        }
        OptionalLong whole = estimate(session, entry, range.get().unpartitionedSql(), analysis, s.tablesRead());
        if (whole.isEmpty()) {
            return own;
        }
        return own.isPresent() && own.getAsLong() > whole.getAsLong() ? own : whole;
    }

    /**
     * Whether the query, UPDATE or DELETE pins a unique key of its table ({@link KeyLookup}): at most one row, proven
     * from the catalog (read once per table and catalog version), whatever its literals.
     */
    private static boolean keyLookup(Session session, StatementAnalysis s) throws SQLException {
        Optional<PinnedColumns> pins = s.pinnedColumns();
        if (pins.isEmpty()) {
            return false;
        }
        CatalogReader engine = session.engine().orElseThrow().catalog();
        if (!engine.seesTemporaryTables() && session.tracker().changedSchema()) {
            // a temporary table it created may hide the table whose keys the catalog reads
            return false;
        }
        TableName table = pins.get().table();
        SessionCatalog catalog = session.tracker().catalog();
        try {
            Optional<Relation> relation = catalog.relation(table.catalog(), table.schema(), table.name());
            return relation.isPresent() && KeyLookup.atMostOneRow(pins.get(), relation.get(),
                    catalog.uniqueKeys(table), engine);
        } catch (DatabaseCatalog.CatalogException e) {
            // keys that cannot be read prove nothing: the database's estimate decides, as for any other query
            return false;
        }
    }

    /** A hold under {@code rule} whose rows are not estimated: the row limit is the policy's exportRows. */
    private static StatementPlan.Approval unestimated(String rule, ApprovalSettings approvals) {
        return StatementPlan.Approval.forRows(rule, null, approvals.exportRows());
    }

    /**
     * INSERT, REPLACE and the upserts (H2's {@code MERGE INTO … KEY}, {@code INSERT OR …}) write the rows they are
     * given: only those that read a table write many.
     */
    private static boolean insertsRows(StatementAnalysis s) {
        return s.statementType().writes() && !CHANGES_ROWS.contains(s.statementType());
    }

    /**
     * The database's estimate: its EXPLAIN of the statement, as for any plain statement, unless the statement is
     * prepared with parameter markers — EXPLAIN cannot see their values, so the tables' statistics are used. Cached
     * by what it depends on: the SQL text, literals included, for an EXPLAIN, and the names it resolves with (the
     * session's current database and search path); the tables for statistics.
     */
    private static OptionalLong estimate(Session session, Entry entry, String sql, Analysis analysis,
                                         Collection<TableName> tables) throws SQLException {
        boolean prepared = entry == Entry.PREPARE || entry == Entry.PREPARE_CALL;
        boolean parameters = prepared && analysis.hasParameters();
        String input = session.engine().orElseThrow().estimateReadsText(parameters) ? "text:" + sql
                : "tables:" + tables.stream().map(TableName::toString).sorted().collect(Collectors.joining(","));
        // the session's view of the catalog (current database, search path), not the database's: the same text
        // under another search path reads other tables
        return session.database().estimate(input, session.tracker().catalog().identity(),
                session.tracker().catalog().version(),
                () -> session.engine().orElseThrow().estimateRows(session.vendor(), sql, parameters, tables));
    }
}
