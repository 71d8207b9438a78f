package dev.veil.driver.pipeline;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * One execution of a plan, followed past the execution stages: its result sets stream rows to the caller later, so
 * stages that care (row counts, guards, scrubbing) listen here, and whoever ends the execution — the result set
 * closing, the statement running again or closing — calls {@link #finish()} once.
 */
public final class ExecutionTrace {

    private final StatementPlan plan;
    private final long startNanos = System.nanoTime();
    /** Made when the first one comes: many executions have no listener or finisher. */
    private List<ResultListener> listeners = List.of();
    private List<LongConsumer> finishers = List.of();
    private long rows;
    /** The next row number a listener must see: rows before it only count (a field increment and a comparison). */
    private long nextRowCheck = Long.MAX_VALUE;
    private long updateCount = -1;
    private boolean finished;
    private final int queryTimeoutSeconds;
    private volatile Runnable onCancel;
    private volatile String approvedBy;
    private volatile String approvedRequest;
    private volatile Long approvedRowLimit;
    private volatile String awaitedRequest;

    /** @param queryTimeoutSeconds the statement's query timeout, 0 for none */
    public ExecutionTrace(StatementPlan plan, int queryTimeoutSeconds) {
        this.plan = plan;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    public int queryTimeoutSeconds() {
        return queryTimeoutSeconds;
    }

    /** What {@code Statement.cancel()} must also stop while this execution runs (e.g. a wait for approval). */
    public void onCancel(Runnable action) {
        this.onCancel = action;
    }

    /** Called by {@code Statement.cancel()}, possibly from another thread. */
    public void cancel() {
        Runnable action = onCancel;
        if (action != null) {
            action.run();
        }
    }

    /**
     * Records that a reviewer approved this execution.
     *
     * @param request  the approved request's id
     * @param rowLimit the most rows the approval lets through; null for no limit
     */
    public void approved(String reviewer, String request, Long rowLimit) {
        this.approvedRequest = request;
        this.approvedRowLimit = rowLimit;
        this.approvedBy = reviewer == null ? "" : reviewer;
        // the listeners' limits depend on the approval: they are asked again from the next row
        this.nextRowCheck = rows + 1;
    }

    /** Records the approval request this execution waits on (called from the waiting thread). */
    public void awaiting(String request) {
        this.awaitedRequest = request;
    }

    /** The approval request this execution waits (or waited) on, or null; readable from any thread. */
    public String awaitedRequest() {
        return awaitedRequest;
    }

    public boolean isApproved() {
        return approvedBy != null;
    }

    /** The most rows the approval lets through, null for no limit (or when not approved). */
    public Long approvedRowLimit() {
        return approvedRowLimit;
    }

    /** The approved request's id, when approved. */
    public String approvedRequest() {
        return approvedRequest;
    }

    public StatementPlan plan() {
        return plan;
    }

    public long startNanos() {
        return startNanos;
    }

    public void listen(ResultListener listener) {
        if (listeners.isEmpty()) {
            listeners = new ArrayList<>(4);
        }
        listeners.add(listener);
        nextRowCheck = rows + 1;
    }

    /** Runs {@code finisher} with the rows read (or affected) when the execution ends. */
    public void onFinish(LongConsumer finisher) {
        if (finishers.isEmpty()) {
            finishers = new ArrayList<>(2);
        }
        finishers.add(finisher);
    }

    /** Rows changed by the execution, when it reported a count. */
    public void updated(long count) {
        updateCount = count;
    }

    void opened(ResultSetMetaData metaData) throws SQLException {
        for (ResultListener listener : listeners) {
            listener.opened(metaData);
        }
    }

    /** One more row: listeners hear of it only at the row they asked for (the row guard's limit), or never. */
    void row() throws SQLException {
        if (++rows >= nextRowCheck) {
            askRowListeners();
        }
    }

    private void askRowListeners() throws SQLException {
        long next = Long.MAX_VALUE;
        for (int i = 0; i < listeners.size(); i++) {
            long wanted = listeners.get(i).row(rows);
            // a listener asking for a row already passed is asked at every row
            next = Math.min(next, Math.max(wanted, rows + 1));
        }
        nextRowCheck = next;
    }

    SQLException failed(SQLException error) {
        SQLException seen = error;
        for (ResultListener listener : listeners) {
            seen = listener.failed(seen);
        }
        return seen;
    }

    /** Ends the execution: finishers run once, with rows read, or rows affected when no row was read. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        long count = rows > 0 || updateCount < 0 ? rows : updateCount;
        for (LongConsumer finisher : finishers) {
            finisher.accept(count);
        }
    }

    /** The result set wrappers' view of a trace. */
    public static final class Results {
        private Results() {
        }

        public static void opened(ExecutionTrace trace, java.sql.ResultSet resultSet) throws SQLException {
            if (trace != null && !trace.listeners.isEmpty()) {
                trace.opened(resultSet.getMetaData());
            }
        }

        public static void row(ExecutionTrace trace) throws SQLException {
            if (trace != null) {
                trace.row();
            }
        }

        /**
         * An error raised while the rows of {@code trace} are read (null: rows of no execution, e.g. metadata), as
         * its listeners and {@link Withholding} let it reach the caller.
         */
        public static SQLException failed(ExecutionTrace trace, SQLException error) {
            return trace == null ? Withholding.error(null, error, "while reading a result")
                    : Withholding.error(trace.plan(), trace.failed(error), "while reading a result");
        }

        /** Warnings of the execution, without their text when its errors would be scrubbed too. */
        public static java.sql.SQLWarning warnings(ExecutionTrace trace, java.sql.SQLWarning warnings) {
            return Withholding.warnings(trace == null ? null : trace.plan(), warnings, "reading a result");
        }
    }
}
