package dev.veil.driver.pipeline;

import java.sql.SQLException;

/**
 * One step of the statement pipeline. A stage may act when a statement is planned (once per statement text), when
 * it is executed (every time), or both — like an interceptor, its {@link #execute} wraps the rest of the chain.
 * Throwing refuses the statement.
 */
public interface Stage {

    /** Planning: inspect or change the plan, or refuse the statement by throwing. */
    default void plan(Session session, StatementPlan.Builder plan) throws SQLException {
    }

    /** Planning failed — a stage refused the statement; stages that record decisions record this one. */
    default void refused(Session session, StatementPlan.Builder plan, SQLException refusal) {
    }

    /** Execution: act around {@link Execution#proceed()}, which runs the later stages and then the vendor call. */
    default <T> T execute(Execution<T> execution) throws SQLException {
        return execution.proceed();
    }
}
