package dev.veil.driver.pipeline;

import java.sql.SQLException;

/**
 * One step of the statement pipeline. A stage may act when a statement is planned (once per statement text), when
 * it is executed (every time), or both — like an interceptor, its {@link #execute} wraps the rest of the chain.
 * Throwing refuses the statement. A stage declares its {@link #phase()} so that an execution of a plan passes only
 * the stages that act on executions.
 */
public interface Stage {

    /** When a stage acts. */
    enum Phase {
        /** Only while a statement is planned ({@link #plan}, {@link #refused}): executions skip it. */
        PLANNING,
        /** Only around executions ({@link #execute}): planning skips it. */
        EXECUTION,
        /** Both. */
        BOTH
    }

    /** When this stage acts; the pipeline checks that a stage acts only in the phase it declares. */
    default Phase phase() {
        return Phase.BOTH;
    }

    /** Planning: inspect or change the plan, or refuse the statement by throwing. */
    default void plan(Session session, StatementPlan.Builder plan) throws SQLException {
    }

    /** Planning failed — a stage refused the statement; stages that record decisions record this one. */
    default void refused(Session session, StatementPlan.Builder plan, SQLException refusal) {
    }

    /**
     * Whether {@code plan}, made for another statement text of the same {@linkplain
     * dev.veil.analyzer.StatementShape shape} and given this text's SQL, holds for this text: false when this stage's
     * planning step read something of the text that a shape leaves open (the row estimate does). The text is then
     * planned anew.
     */
    default boolean holdsFor(Session session, StatementPlan plan) throws SQLException {
        return true;
    }

    /**
     * Execution: act around {@link Execution#proceed()}, which runs the later stages and then the vendor call; a
     * stage calls it at most once.
     */
    default <T> T execute(Execution<T> execution) throws SQLException {
        return execution.proceed();
    }
}
