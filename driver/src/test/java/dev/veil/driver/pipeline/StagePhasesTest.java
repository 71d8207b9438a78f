package dev.veil.driver.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.driver.config.VeilConfig;
import dev.veil.driver.stages.StandardPipeline;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planning passes the stages that plan, executions only those that act on executions, in their order. */
class StagePhasesTest {

    private final List<String> calls = new ArrayList<>();

    /** A stage that notes each of its calls. */
    private final class Noting implements Stage {
        private final String name;
        private final Phase phase;

        Noting(String name, Phase phase) {
            this.name = name;
            this.phase = phase;
        }

        @Override
        public Phase phase() {
            return phase;
        }

        @Override
        public void plan(Session session, StatementPlan.Builder plan) {
            if (phase != Phase.EXECUTION) {
                calls.add(name + ".plan");
            }
        }

        @Override
        public <T> T execute(Execution<T> execution) throws SQLException {
            calls.add(name + ".execute");
            return execution.proceed();
        }
    }

    /** A planning stage: overrides only {@link #plan}. */
    private final class Planning implements Stage {
        @Override
        public Phase phase() {
            return Phase.PLANNING;
        }

        @Override
        public void plan(Session session, StatementPlan.Builder plan) {
            calls.add("planning.plan");
        }
    }

    /** An execution stage: overrides only {@link #execute}. */
    private final class Executing implements Stage {
        @Override
        public Phase phase() {
            return Phase.EXECUTION;
        }

        @Override
        public <T> T execute(Execution<T> execution) throws SQLException {
            calls.add("executing.execute");
            return execution.proceed();
        }
    }

    @Test
    void anExecutionPassesOnlyTheExecutionStagesInOrderAndPlanningOnlyThePlanningOnes() throws SQLException {
        StatementPipeline pipeline = new StatementPipeline(List.of(new Planning(), new Noting("both", Stage.Phase.BOTH),
                new Executing()));
        Session session = Session.builder(VeilConfig.defaults(), pipeline).build();

        StatementPlan plan = pipeline.plan(session, "SELECT 1", Entry.QUERY);
        assertThat(calls).containsExactly("planning.plan", "both.plan");

        calls.clear();
        String result = pipeline.execute(session, new ExecutionTrace(plan, 0), p -> {
            calls.add("vendor:" + p.sql());
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(calls).containsExactly("both.execute", "executing.execute", "vendor:SELECT 1");
    }

    @Test
    void aStageThatActsOutsideItsDeclaredPhaseIsRefused() {
        assertThatThrownBy(() -> new StatementPipeline(List.of(new Noting("wrong", Stage.Phase.PLANNING))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PLANNING");
        assertThatThrownBy(() -> new StatementPipeline(List.of(new Noting("wrong", Stage.Phase.EXECUTION))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EXECUTION");
    }

    @Test
    void aStageCannotRunTheRestOfTheChainTwice() throws SQLException {
        Stage twice = new Stage() {
            @Override
            public <T> T execute(Execution<T> execution) throws SQLException {
                execution.proceed();
                return execution.proceed();
            }
        };
        StatementPipeline pipeline = new StatementPipeline(List.of(twice));
        Session session = Session.builder(VeilConfig.defaults(), pipeline).build();
        StatementPlan plan = pipeline.plan(session, "SELECT 1", Entry.QUERY);
        List<String> vendorCalls = new ArrayList<>();
        assertThatThrownBy(() -> pipeline.execute(session, new ExecutionTrace(plan, 0), p -> vendorCalls.add("ran")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(vendorCalls).containsExactly("ran");
    }

    @Test
    void theStandardPipelineDeclaresItsPhasesTruly() {
        // the constructor refuses a stage acting outside its declared phase
        assertThat(StandardPipeline.create(new dev.veil.analyzer.SqlAnalyzer())).isNotNull();
    }
}
