package dev.veil.driver.stages;

import dev.veil.analyzer.Analysis;
import dev.veil.analyzer.RewriteResult;
import dev.veil.analyzer.StatementShape;
import dev.veil.analyzer.Substitution;
import dev.veil.driver.errors.VeilErrors;
import dev.veil.driver.pipeline.Entry;
import dev.veil.driver.pipeline.ReferenceOutcome;
import dev.veil.driver.pipeline.Session;
import dev.veil.driver.pipeline.Stage;
import dev.veil.driver.pipeline.StatementPlan;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Stage 4: render the masks into the statement at each column reference the masking rules replace, in the engine's
 * SQL. The analyzer edits only those references (expanding {@code *} where needed and keeping result labels);
 * when it cannot do so exactly, the statement is refused. References the driver masks on read
 * ({@code veil.masking=driver}) stay as written, and the plan records their result columns.
 */
public final class RewriteStage implements Stage {

    @Override
    public Phase phase() {
        return Phase.PLANNING;
    }

    @Override
    public void plan(Session session, StatementPlan.Builder plan) throws SQLException {
        Optional<Analysis> analysis = plan.analysis();
        if (analysis.isEmpty() || analysis.get().isUnknown()) {
            return;
        }
        if (plan.exempt() || plan.sensitive().isEmpty()) {
            // MariaDB executable comments run whatever the version: send the text that was analyzed
            plan.sql(analysis.get().executedSql());
            shape(plan, analysis.get(), null);
            return;
        }
        RewriteResult result = analysis.get().rewrite(ref -> {
            ReferenceOutcome outcome = plan.decision(ref);
            if (outcome instanceof ReferenceOutcome.Replace replace) {
                replace.masks().forEach(plan::mask);
                return Substitution.replaceWith(replace.sql());
            }
            if (outcome instanceof ReferenceOutcome.MaskOnRead onRead) {
                plan.maskOnRead(onRead);
                return Substitution.keep();
            }
            if (outcome instanceof ReferenceOutcome.Refuse refuse) {
                return Substitution.refuse(refuse.message());
            }
            return Substitution.keep();
        });
        if (result.isRefused()) {
            throw VeilErrors.refused("cannot mask the statement: " + result.refusal() + " (rule: rewrite)");
        }
        plan.sql(result.sql());
        shape(plan, analysis.get(), result);
    }

    /** Plain statements made with new literals each time: their texts of one shape share this plan. */
    private static void shape(StatementPlan.Builder plan, Analysis analysis, RewriteResult result) {
        if (SHAPED.contains(plan.entry())) {
            StatementShape.of(analysis, result).ifPresent(plan::shape);
        }
    }

    /** Prepared statements are planned once anyway; batches are planned statement by statement. */
    private static final Set<Entry> SHAPED = EnumSet.of(Entry.EXECUTE, Entry.QUERY, Entry.UPDATE);
}
