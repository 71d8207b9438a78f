package dev.veil.driver.stages;

import dev.veil.analyzer.Analysis;
import dev.veil.analyzer.Clause;
import dev.veil.analyzer.ColumnReference;
import dev.veil.analyzer.RewriteResult;
import dev.veil.analyzer.StatementType;
import dev.veil.analyzer.Substitution;
import dev.veil.driver.decide.MaskingRules;
import dev.veil.driver.errors.VeilErrors;
import dev.veil.driver.pipeline.Session;
import dev.veil.driver.pipeline.Stage;
import dev.veil.driver.pipeline.StatementPlan;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Stage 4: render the masks into the statement at each column reference the masking rules replace, in the engine's
 * SQL. The analyzer edits only those references (expanding {@code *} where needed and keeping result labels);
 * when it cannot do so exactly, the statement is refused.
 */
public final class RewriteStage implements Stage {

    /**
     * A view's definition moves no data: it is stored as written, and reads of the view are masked through its
     * lineage — masking it here would mask twice, and store a definition Veil could no longer read back. (A
     * materialized view stores data, like CREATE TABLE AS: its values are masked.)
     */
    private static boolean definesView(Analysis analysis, ColumnReference ref) {
        StatementType type = analysis.statements().get(ref.statementIndex()).statementType();
        return type == StatementType.CREATE_VIEW
                && (ref.clause() == Clause.OUTPUT || ref.clause() == Clause.WRITE_VALUE)
                && ref.kind() != ColumnReference.Kind.WHOLE_ROW;
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
            return;
        }
        MaskingRules rules = new MaskingRules(plan.sensitive(), session.masks());
        RewriteResult result = analysis.get().rewrite(ref -> {
            if (definesView(analysis.get(), ref)) {
                return Substitution.keep();
            }
            MaskingRules.Outcome outcome = rules.decide(ref);
            if (outcome instanceof MaskingRules.Outcome.Replace replace) {
                replace.masks().forEach(plan::mask);
                return Substitution.replaceWith(replace.sql());
            }
            if (outcome instanceof MaskingRules.Outcome.Refuse refuse) {
                return Substitution.refuse(refuse.message());
            }
            return Substitution.keep();
        });
        if (result.isRefused()) {
            throw VeilErrors.refused("cannot mask the statement: " + result.refusal() + " (rule: rewrite)");
        }
        plan.sql(result.sql());
    }
}
