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

    public List<Stage> stages() {
        return stages;
    }

    /** Plans a statement: every stage's planning step, in order; a refusal is reported to every stage. */
    public StatementPlan plan(Session session, String sql, Entry entry) throws SQLException {
        StatementPlan.Builder plan = new StatementPlan.Builder(sql, entry);
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

    /** Executes a planned statement: each stage wraps the next, the vendor call is innermost. */
    public <T> T execute(Session session, ExecutionTrace trace, Execution.VendorCall<T> call) throws SQLException {
        return new Execution<>(stages, 0, session, trace, call).proceed();
    }
}
