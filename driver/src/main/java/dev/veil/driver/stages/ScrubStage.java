package dev.veil.driver.stages;

import dev.veil.driver.pipeline.Execution;
import dev.veil.driver.pipeline.ResultListener;
import dev.veil.driver.pipeline.Stage;
import dev.veil.driver.pipeline.StatementPlan;
import dev.veil.driver.pipeline.Withholding;
import java.sql.SQLException;

/**
 * Errors of statements that touch sensitive columns, or tables that have them, or whose errors Veil cannot attribute
 * (transaction control, settings) — raised while executing or while reading rows — reach the caller without their
 * text, which may quote a raw value (a failed cast, a duplicate key, a whole failing row, a deferred constraint). An
 * error of any statement that carries another statement's error is scrubbed too ({@link Withholding}). Veil's own
 * errors pass.
 */
public final class ScrubStage implements Stage {

    @Override
    public Phase phase() {
        return Phase.EXECUTION;
    }

    @Override
    public <T> T execute(Execution<T> execution) throws SQLException {
        StatementPlan plan = execution.plan();
        if (plan.scrubsErrors()) {
            execution.session().tracker().touchedSensitive();
            execution.trace().listen(plan.derived(RowErrorsWithheld.class, RowErrorsWithheld::new));
        }
        try {
            return execution.proceed();
        } catch (SQLException e) {
            throw Withholding.error(plan, e, "while executing");
        }
    }

    /** Withholds the text of errors raised while a plan's rows are read: one per plan, shared by its executions. */
    private record RowErrorsWithheld(StatementPlan plan) implements ResultListener {
        @Override
        public SQLException failed(SQLException error) {
            return Withholding.error(plan, error, "while reading rows");
        }
    }
}
