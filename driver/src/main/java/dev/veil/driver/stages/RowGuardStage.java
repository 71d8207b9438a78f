package dev.veil.driver.stages;

import dev.veil.driver.errors.VeilErrors;
import dev.veil.driver.pipeline.Execution;
import dev.veil.driver.pipeline.ExecutionTrace;
import dev.veil.driver.pipeline.ResultListener;
import dev.veil.driver.pipeline.Stage;
import dev.veil.driver.pipeline.StatementPlan;
import java.sql.SQLException;

/**
 * The backstop behind estimates: a result that streams past {@code approvals.exportRows} rows without an approval,
 * or past the row limit of the approval it runs under (what the reviewer approved: the estimate on the card with its
 * margin), stops with an error (42VA1): estimates can be wrong, statistics missing, and one approval must not cover a
 * larger read of the same statement shape. The rows already read were within the limit.
 */
public final class RowGuardStage implements Stage {

    @Override
    public Phase phase() {
        return Phase.EXECUTION;
    }

    @Override
    public <T> T execute(Execution<T> execution) throws SQLException {
        // a select list of literals only (Spark's count) exports no value: its rows are a count, as COUNT(*) is
        boolean rowsOnly = execution.plan().analysis().filter(a -> a.statements().size() == 1)
                .map(a -> a.statements().get(0).rowsOnly()).orElse(false);
        long unapproved = rowsOnly ? 0 : execution.session().policy().approvals().exportRows();
        boolean approvalLimited = execution.plan().approval().map(StatementPlan.Approval::rowLimit).isPresent();
        if (unapproved > 0 || approvalLimited) {
            ExecutionTrace trace = execution.trace();
            trace.listen(new ResultListener() {
                /** Answers the row past the limit that applies, so the rows within it are not looked at. */
                @Override
                public long row(long number) throws SQLException {
                    if (!trace.isApproved()) {
                        if (unapproved <= 0) {
                            return Long.MAX_VALUE;
                        }
                        if (number > unapproved) {
                            throw VeilErrors.approval("the result passed " + unapproved + " rows without approval;"
                                    + " ask for approval of the export or read it in parts"
                                    + " (rule: approvals.exportRows)");
                        }
                        return after(unapproved);
                    }
                    Long limit = trace.approvedRowLimit();
                    if (limit == null) {
                        return Long.MAX_VALUE;
                    }
                    if (number > limit) {
                        throw VeilErrors.approval("the result passed the " + limit + " rows"
                                + " approved with request " + trace.approvedRequest() + "; a larger read needs an"
                                + " approval of its own (rule: approvals.rowLimit)");
                    }
                    return after(limit);
                }
            });
        }
        return execution.proceed();
    }

    /** The row after {@code limit}: the first one the guard must look at (none past the largest limit). */
    private static long after(long limit) {
        return limit == Long.MAX_VALUE ? Long.MAX_VALUE : limit + 1;
    }
}
