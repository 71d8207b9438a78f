package dev.veil.driver.stages;

import dev.veil.driver.errors.VeilErrors;
import dev.veil.driver.pipeline.Execution;
import dev.veil.driver.pipeline.ExecutionTrace;
import dev.veil.driver.pipeline.ResultListener;
import dev.veil.driver.pipeline.Stage;
import java.sql.SQLException;

/**
 * The backstop behind estimates: a result that streams past {@code approvals.exportRows} rows without an approval
 * stops with an error (estimates can be wrong, and statistics missing). The rows already read were within the limit.
 */
public final class RowGuardStage implements Stage {

    @Override
    public <T> T execute(Execution<T> execution) throws SQLException {
        long limit = execution.session().policy().approvals().exportRows();
        if (limit > 0) {
            ExecutionTrace trace = execution.trace();
            trace.listen(new ResultListener() {
                @Override
                public void row(long number) throws SQLException {
                    if (number > limit && !trace.isApproved()) {
                        throw VeilErrors.approval("the result passed " + limit + " rows without approval; ask for"
                                + " approval of the export or read it in parts (rule: approvals.exportRows)");
                    }
                }
            });
        }
        return execution.proceed();
    }
}
