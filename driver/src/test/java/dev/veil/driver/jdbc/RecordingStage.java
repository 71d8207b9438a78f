package dev.veil.driver.jdbc;

import dev.veil.driver.pipeline.Execution;
import dev.veil.driver.pipeline.Session;
import dev.veil.driver.pipeline.Stage;
import dev.veil.driver.pipeline.StatementPlan;
import java.util.ArrayList;
import java.util.List;

/** Records what passes the pipeline: "ENTRY:sql" per planned and per executed statement. */
final class RecordingStage implements Stage {

    final List<String> planned = new ArrayList<>();
    final List<String> executed = new ArrayList<>();

    @Override
    public void plan(Session session, StatementPlan.Builder plan) {
        planned.add(plan.entry() + ":" + plan.originalSql());
    }

    @Override
    public <T> T execute(Execution<T> execution) throws java.sql.SQLException {
        executed.add(execution.plan().entry() + ":" + execution.plan().originalSql());
        return execution.proceed();
    }
}
