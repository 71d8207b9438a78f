package dev.veil.driver.stages;

import dev.veil.analyzer.Analysis;
import dev.veil.analyzer.BaseColumn;
import dev.veil.analyzer.StatementAnalysis;
import dev.veil.analyzer.TableName;
import dev.veil.driver.errors.VeilErrors;
import dev.veil.driver.events.UsageEvent;
import dev.veil.driver.pipeline.Execution;
import dev.veil.driver.pipeline.ExecutionTrace;
import dev.veil.driver.pipeline.Session;
import dev.veil.driver.pipeline.Stage;
import dev.veil.driver.pipeline.StatementPlan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One usage event per statement: who ran it, what it touched, what Veil did and how it ended — refused at planning,
 * failed, or finished (for a query, when its result set is closed or the statement moves on, with the rows read).
 * Events go to the session's sink, which never blocks.
 */
public final class RecordStage implements Stage {

    @Override
    public void refused(Session session, StatementPlan.Builder plan, SQLException refusal) {
        if (!session.events().keepsEvents()) {
            return;
        }
        session.events().accept(event(session, PlanFacts.of(plan.analysis().orElse(null), plan.sensitive()),
                List.of(), plan.exempt(), "REFUSED", VeilErrors.rule(refusal), -1, 0, Instant.now(),
                refusal.getSQLState()));
    }

    @Override
    public <T> T execute(Execution<T> execution) throws SQLException {
        Session session = execution.session();
        ExecutionTrace trace = execution.trace();
        // with no sink, nothing is built: the counts below still serve the other stages' finishers
        boolean recording = session.events().keepsEvents();
        Instant started = recording ? Instant.now() : null;
        T result;
        try {
            result = execution.proceed();
        } catch (SQLException e) {
            if (recording) {
                record(session, execution.plan(), trace, started, -1, e.getSQLState());
            }
            throw e;
        }
        if (result instanceof Number count) {
            trace.updated(count.longValue());
        } else if (result instanceof int[] counts) {
            trace.updated(sum(counts));
        } else if (result instanceof long[] counts) {
            trace.updated(sum(counts));
        }
        if (recording) {
            StatementPlan plan = execution.plan();
            trace.onFinish(rows -> record(session, plan, trace, started, rows, null));
        }
        if (!(result instanceof ResultSet) && !Boolean.TRUE.equals(result)) {
            trace.finish(); // no rows to wait for
        }
        return result;
    }

    private static void record(Session session, StatementPlan plan, ExecutionTrace trace, Instant started, long rows,
                               String sqlState) {
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - trace.startNanos());
        String decision = trace.isApproved() ? "APPROVED"
                : plan.exempt() && plan.touchesSensitive() ? "EXEMPT" : plan.decision().name();
        PlanFacts facts = plan.derived(PlanFacts.class, p -> PlanFacts.of(p.analysis().orElse(null), p.sensitive()));
        session.events().accept(event(session, facts, plan.masks(), plan.exempt(), decision,
                plan.approval().map(StatementPlan.Approval::rule).orElse(null), rows, micros, started, sqlState));
    }

    private static UsageEvent event(Session session, PlanFacts facts, List<String> masks, boolean exempt,
                                    String decision, String rule, long rows, long micros, Instant time,
                                    String sqlState) {
        return new UsageEvent(time, session.tracker().principal(), session.requester().orElse(null),
                session.application().orElse(null), facts.fingerprint(), facts.kind(), facts.tables(),
                facts.columns(), masks, decision, rule, exempt, rows, micros, sqlState, facts.statement());
    }

    /** The parts of a statement's usage events that depend on its plan alone: derived once per plan. */
    private record PlanFacts(String fingerprint, String kind, List<String> tables,
                             List<UsageEvent.TouchedColumn> columns, String statement) {

        static PlanFacts of(Analysis analysis, Map<BaseColumn, StatementPlan.Sensitivity> sensitive) {
            Set<String> tables = new LinkedHashSet<>();
            String kind = "UNKNOWN";
            String fingerprint = null;
            String statement = null;
            if (analysis != null) {
                fingerprint = analysis.fingerprint().hash();
                statement = analysis.fingerprint().redacted();
                List<String> kinds = new ArrayList<>();
                for (StatementAnalysis s : analysis.statements()) {
                    kinds.add(s.kind().name());
                    s.tablesRead().stream().map(TableName::toString).forEach(tables::add);
                    s.tablesWritten().stream().map(TableName::toString).forEach(tables::add);
                }
                kind = String.join(",", new LinkedHashSet<>(kinds));
            }
            List<UsageEvent.TouchedColumn> columns = new ArrayList<>();
            sensitive.forEach((column, s) -> columns.add(new UsageEvent.TouchedColumn(column.toString(),
                    s.classId(), s.source())));
            return new PlanFacts(fingerprint, kind, List.copyOf(tables), List.copyOf(columns), statement);
        }
    }

    private static long sum(int[] counts) {
        long total = 0;
        for (int c : counts) {
            total += Math.max(c, 0);
        }
        return total;
    }

    private static long sum(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += Math.max(c, 0);
        }
        return total;
    }
}
