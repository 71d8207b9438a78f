package dev.veil.driver.stages;

import dev.veil.driver.errors.Scrubbing;
import dev.veil.driver.errors.VeilErrors;
import dev.veil.driver.pipeline.Execution;
import dev.veil.driver.pipeline.ResultListener;
import dev.veil.driver.pipeline.Stage;
import dev.veil.driver.pipeline.StatementPlan;
import java.sql.SQLException;

/**
 * Errors of statements that touch sensitive columns, or tables that have them — raised while executing or while
 * reading rows — reach the caller without their text, which may quote a raw value (a failed cast, a duplicate key, a
 * whole failing row). Veil's own errors pass.
 */
public final class ScrubStage implements Stage {

    @Override
    public <T> T execute(Execution<T> execution) throws SQLException {
        StatementPlan plan = execution.plan();
        if (!plan.scrubsErrors()) {
            return execution.proceed();
        }
        execution.session().tracker().touchedSensitive();
        execution.trace().listen(new ResultListener() {
            @Override
            public SQLException failed(SQLException error) {
                return scrub(error, plan);
            }
        });
        try {
            return execution.proceed();
        } catch (SQLException e) {
            throw scrub(e, plan);
        }
    }

    private static SQLException scrub(SQLException error, StatementPlan plan) {
        if (VeilErrors.raisedByVeil(error)) {
            return error;
        }
        return Scrubbing.withoutValues(error, plan.sensitiveSubject());
    }
}
