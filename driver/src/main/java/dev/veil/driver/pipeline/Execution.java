package dev.veil.driver.pipeline;

import java.sql.SQLException;
import java.util.List;

/** One execution of a planned statement as it passes down the stages; the vendor call sits at the bottom. */
public final class Execution<T> {

    /** The vendor driver's method, given the plan (whose {@link StatementPlan#sql()} it runs). */
    @FunctionalInterface
    public interface VendorCall<T> {
        T call(StatementPlan plan) throws SQLException;
    }

    private final List<Stage> stages;
    private final int index;
    private final Session session;
    private final ExecutionTrace trace;
    private final VendorCall<T> call;

    Execution(List<Stage> stages, int index, Session session, ExecutionTrace trace, VendorCall<T> call) {
        this.stages = stages;
        this.index = index;
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
        if (index == stages.size()) {
            return call.call(trace.plan());
        }
        return stages.get(index).execute(new Execution<>(stages, index + 1, session, trace, call));
    }
}
