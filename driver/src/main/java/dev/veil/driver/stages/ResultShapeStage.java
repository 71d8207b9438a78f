package dev.veil.driver.stages;

import dev.veil.driver.errors.VeilErrors;
import dev.veil.driver.pipeline.Execution;
import dev.veil.driver.pipeline.ResultListener;
import dev.veil.driver.pipeline.Stage;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * A result must have the columns the analysis expected. A different count means the catalog Veil analyzed against
 * is out of date (a column added by someone else, within the cache's TTL): the result is refused and the catalog
 * read again, rather than a column Veil never classified being returned raw. Costs nothing: result metadata comes
 * with the result.
 */
public final class ResultShapeStage implements Stage {

    @Override
    public Phase phase() {
        return Phase.EXECUTION;
    }

    @Override
    public <T> T execute(Execution<T> execution) throws SQLException {
        List<String> expected = execution.plan().expectedLabels();
        if (expected != null) {
            execution.trace().listen(new ResultListener() {
                @Override
                public void opened(ResultSetMetaData metaData) throws SQLException {
                    if (metaData != null && metaData.getColumnCount() != expected.size()) {
                        execution.session().tracker().catalog().database().invalidate();
                        throw VeilErrors.refused("the result has " + metaData.getColumnCount() + " columns where"
                                + " Veil's analysis expected " + expected.size() + ": the schema changed since Veil"
                                + " read it; run the statement again (rule: result-shape)");
                    }
                }
            });
        }
        return execution.proceed();
    }
}
