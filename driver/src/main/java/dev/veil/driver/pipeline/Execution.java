package dev.veil.driver.pipeline;

import java.sql.SQLException;

/**
 * One execution of a planned statement as it passes down the execution stages; the vendor call sits at the bottom.
 * The chain is strictly nested — each stage proceeds at most once, from within its own {@code execute} — so one
 * object follows the execution down, its position advancing with each {@link #proceed()}.
 */
public final class Execution<T> {

    /** The vendor driver's method, given the plan (whose {@link StatementPlan#sql()} it runs). */
    @FunctionalInterface
    public interface VendorCall<T> {
        T call(StatementPlan plan) throws SQLException;
    }

    private final Stage[] stages;
    private final Session session;
    private final ExecutionTrace trace;
    private final VendorCall<T> call;
    private int next;

    Execution(Stage[] stages, Session session, ExecutionTrace trace, VendorCall<T> call) {
        this.stages = stages;
        this.session = session;
        this.trace = trace;
        this.call = call;
    }

    public Session session() {
        return session;
    }

    public StatementPlan plan() {
        return trace.plan();
    }

    /** This execution, as the result set wrappers will follow it. */
    public ExecutionTrace trace() {
        return trace;
    }

    /** Runs the rest of the chain: the next stage, or the vendor call after the last one. */
    public T proceed() throws SQLException {
        int index = next++;
        if (index == stages.length) {
            return call.call(trace.plan());
        }
        if (index > stages.length) {
            throw new IllegalStateException("an execution stage proceeded twice");
        }
        return stages[index].execute(this);
    }
}
