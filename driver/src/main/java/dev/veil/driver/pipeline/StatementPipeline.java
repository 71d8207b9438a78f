package dev.veil.driver.pipeline;

import java.sql.SQLException;
import java.util.List;

/**
 * The one path every statement takes through Veil. The stages, in order, are the whole of what Veil does to a
 * statement; the JDBC wrappers only hand statements to {@link #plan} and {@link #execute}.
 */
public final class StatementPipeline {

    private final List<Stage> stages;

    public StatementPipeline(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    /**
     * Plans a statement: every stage's planning step, in order; a refusal is reported to every stage. Plans are
     * shared by the database's sessions that see the same catalog, so a statement text is planned once.
     */
    public StatementPlan plan(Session session, String sql, Entry entry) throws SQLException {
        DatabaseContext.PlanKey key = session.planKey(sql, entry);
        if (key == null) {
            return planAnew(session, sql, entry, null);
        }
        return session.database().plan(key, () -> planAnew(session, sql, entry, key));
    }

    /** Runs every stage's planning step; a refusal is reported to every stage (and nothing is cached). */
    private StatementPlan planAnew(Session session, String sql, Entry entry, DatabaseContext.PlanKey key)
            throws SQLException {
        StatementPlan.Builder plan = new StatementPlan.Builder(sql, entry)
                .afterUntrustedRead(session.untrustedRead().isPresent());
        if (key != null) {
            plan.catalog(key.catalogIdentity(), key.catalogVersion());
        }
        try {
            for (Stage stage : stages) {
                stage.plan(session, plan);
            }
        } catch (SQLException refusal) {
            for (Stage stage : stages) {
                stage.refused(session, plan, refusal);
            }
            throw refusal;
        }
        return plan.build();
    }

    /**
     * The plan of a prepared statement, checked before an execution: when the catalog or the session's search path
     * changed since it was made, the statement is planned again; if that changes the SQL the database would run (a
     * table now resolves elsewhere, a column became sensitive), the prepared statement no longer means what was
     * prepared and is refused.
     */
    public StatementPlan revalidate(Session session, StatementPlan prepared) throws SQLException {
        if (prepared.catalogIdentity() == null) {
            return prepared;
        }
        DatabaseContext.PlanKey key = session.planKey(prepared.originalSql(), prepared.entry());
        if (key == null || (key.catalogIdentity().equals(prepared.catalogIdentity())
                && key.catalogVersion() == prepared.catalogVersion()
                && key.afterUntrustedRead() == prepared.afterUntrustedRead())) {
            return prepared;
        }
        StatementPlan current = plan(session, prepared.originalSql(), prepared.entry());
        if (!current.sql().equals(prepared.sql()) || !current.approval().equals(prepared.approval())) {
            throw dev.veil.driver.errors.VeilErrors.refused(current.afterUntrustedRead()
                    && !prepared.afterUntrustedRead() ? "the session read an untrusted column since the statement was"
                    + " prepared, and it now needs a reviewer's approval; prepare it again (rule: prepared-statement)"
                    : "the schema or search path changed since the statement was prepared, and it would now be"
                    + " masked or resolved differently; prepare it again (rule: prepared-statement)");
        }
        return current;
    }

    /**
     * Plans a statement without acting on a refusal (no stage hears of it): for explaining what Veil would do.
     *
     * @return the plan, or the planning state reached and the refusal
     */
    public Attempt attempt(Session session, String sql, Entry entry) {
        StatementPlan.Builder plan = new StatementPlan.Builder(sql, entry);
        try {
            for (Stage stage : stages) {
                stage.plan(session, plan);
            }
            return new Attempt(plan.build(), plan, null);
        } catch (SQLException refusal) {
            return new Attempt(null, plan, refusal);
        }
    }

    /** The outcome of {@link #attempt}: a plan, or how far planning got and why it stopped. */
    public record Attempt(StatementPlan plan, StatementPlan.Builder reached, SQLException refusal) {
    }

    /** Executes a planned statement: each stage wraps the next, the vendor call is innermost. */
    public <T> T execute(Session session, ExecutionTrace trace, Execution.VendorCall<T> call) throws SQLException {
        return new Execution<>(stages, 0, session, trace, call).proceed();
    }
}
