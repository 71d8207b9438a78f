package dev.veil.driver.pipeline;

import dev.veil.analyzer.StatementShape;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one path every statement takes through Veil. The stages, in order, are the whole of what Veil does to a
 * statement; the JDBC wrappers only hand statements to {@link #plan} and {@link #execute}. Planning passes the stages
 * that plan, an execution only those that act on executions (the chain of a cached plan is the execution stages
 * alone, computed once).
 */
public final class StatementPipeline {

    private final List<Stage> planning;
    private final Stage[] executing;

    public StatementPipeline(List<Stage> stages) {
        stages.forEach(StatementPipeline::checkPhase);
        this.planning = stages.stream().filter(s -> s.phase() != Stage.Phase.EXECUTION).toList();
        this.executing = stages.stream().filter(s -> s.phase() != Stage.Phase.PLANNING).toArray(Stage[]::new);
    }

    /** A stage that acts outside the phase it declares would be skipped there: refuse to build such a pipeline. */
    private static void checkPhase(Stage stage) {
        boolean plans = overrides(stage, "plan", Session.class, StatementPlan.Builder.class)
                || overrides(stage, "refused", Session.class, StatementPlan.Builder.class, SQLException.class);
        boolean executes = overrides(stage, "execute", Execution.class);
        if ((stage.phase() == Stage.Phase.PLANNING && executes) || (stage.phase() == Stage.Phase.EXECUTION && plans)) {
            throw new IllegalArgumentException(stage.getClass().getName() + " acts outside its phase "
                    + stage.phase());
        }
    }

    private static boolean overrides(Stage stage, String method, Class<?>... parameters) {
        try {
            return stage.getClass().getMethod(method, parameters).getDeclaringClass() != Stage.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Plans a statement: every stage's planning step, in order; a refusal is reported to every stage. Plans are
     * shared by the database's sessions that see the same catalog, so a statement text is planned once.
     */
    public StatementPlan plan(Session session, String sql, Entry entry) throws SQLException {
        DatabaseContext.PlanKey key = session.planKey(sql, entry);
        if (key == null) {
            return planAnew(session, sql, entry, null);
        }
        StatementPlan known = session.database().cachedPlan(key);
        if (known != null) {
            return known;
        }
        Optional<StatementShape.Probe> probe = SHAPED.contains(entry) && session.engine().isPresent()
                ? StatementShape.probe(sql, session.engine().get().sqlDialect()) : Optional.empty();
        DatabaseContext.ShapeKey shapeKey = probe.map(p -> DatabaseContext.ShapeKey.of(p.key(), key)).orElse(null);
        if (shapeKey != null) {
            StatementPlan shaped = ofShape(session, sql, probe.get(), session.database().shapePlan(shapeKey));
            if (shaped != null) {
                return shaped;
            }
        }
        StatementPlan plan = session.database().plan(key, () -> planAnew(session, sql, entry, key));
        if (shapeKey != null && plan.approval().isEmpty() && plan.shape().map(s -> s.key().equals(shapeKey.shape()))
                .orElse(false)) {
            session.database().shapePlan(shapeKey, plan);
        }
        return plan;
    }

    /** The statements that may reuse the plan of another text of their shape: plain statements. */
    private static final Set<Entry> SHAPED = EnumSet.of(Entry.EXECUTE, Entry.QUERY, Entry.UPDATE);

    /**
     * {@code shapePlan} for the text {@code sql} of its shape: its SQL with this text's literals, when every stage
     * agrees it holds for this text; null when there is no such plan, or it does not hold.
     */
    private StatementPlan ofShape(Session session, String sql, StatementShape.Probe probe, StatementPlan shapePlan)
            throws SQLException {
        if (shapePlan == null || shapePlan.shape().isEmpty() || shapePlan.approval().isPresent()) {
            return null;
        }
        Optional<String> run = shapePlan.shape().get().bind(probe);
        if (run.isEmpty()) {
            return null;
        }
        StatementPlan plan = shapePlan.forShapeText(sql, run.get());
        for (Stage stage : planning) {
            if (!stage.holdsFor(session, plan)) {
                return null;
            }
        }
        return plan;
    }

    /** Runs every stage's planning step; a refusal is reported to every stage (and nothing is cached). */
    private StatementPlan planAnew(Session session, String sql, Entry entry, DatabaseContext.PlanKey key)
            throws SQLException {
        StatementPlan.Builder plan = new StatementPlan.Builder(sql, entry)
                .afterUntrustedRead(session.untrustedRead().isPresent());
        if (key != null) {
            plan.catalog(key.catalogIdentity(), key.catalogVersion());
        }
        try {
            for (Stage stage : planning) {
                stage.plan(session, plan);
            }
        } catch (SQLException refusal) {
            for (Stage stage : planning) {
                stage.refused(session, plan, refusal);
            }
            throw refusal;
        }
        return plan.build();
    }

    /**
     * The plan of a prepared statement, checked before an execution: when the catalog or the session's search path
     * changed since it was made, the statement is planned again; if that changes the SQL the database would run (a
     * table now resolves elsewhere, a column became sensitive), the prepared statement no longer means what was
     * prepared and is refused.
     */
    public StatementPlan revalidate(Session session, StatementPlan prepared) throws SQLException {
        if (prepared.catalogIdentity() == null) {
            return prepared;
        }
        if (session.seesCatalog(prepared.catalogIdentity(), prepared.catalogVersion())
                && session.afterUntrustedRead() == prepared.afterUntrustedRead()) {
            return prepared;
        }
        StatementPlan current = plan(session, prepared.originalSql(), prepared.entry());
        if (!current.sql().equals(prepared.sql()) || !current.approval().equals(prepared.approval())) {
            throw dev.veil.driver.errors.VeilErrors.refused(current.afterUntrustedRead()
                    && !prepared.afterUntrustedRead() ? "the session read an untrusted column since the statement was"
                    + " prepared, and it now needs a reviewer's approval; prepare it again (rule: prepared-statement)"
                    : "the schema or search path changed since the statement was prepared, and it would now be"
                    + " masked or resolved differently; prepare it again (rule: prepared-statement)");
        }
        return current;
    }

    /**
     * Plans a statement without acting on a refusal (no stage hears of it): for explaining what Veil would do.
     *
     * @return the plan, or the planning state reached and the refusal
     */
    public Attempt attempt(Session session, String sql, Entry entry) {
        StatementPlan.Builder plan = new StatementPlan.Builder(sql, entry);
        try {
            for (Stage stage : planning) {
                stage.plan(session, plan);
            }
            return new Attempt(plan.build(), plan, null);
        } catch (SQLException refusal) {
            return new Attempt(null, plan, refusal);
        }
    }

    /** The outcome of {@link #attempt}: a plan, or how far planning got and why it stopped. */
    public record Attempt(StatementPlan plan, StatementPlan.Builder reached, SQLException refusal) {
    }

    /** Executes a planned statement: each execution stage wraps the next, the vendor call is innermost. */
    public <T> T execute(Session session, ExecutionTrace trace, Execution.VendorCall<T> call) throws SQLException {
        return new Execution<>(executing, session, trace, call).proceed();
    }
}
