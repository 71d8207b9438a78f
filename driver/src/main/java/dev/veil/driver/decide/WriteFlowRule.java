package dev.veil.driver.decide;

import dev.veil.analyzer.BaseColumn;
import dev.veil.analyzer.StatementAnalysis;
import dev.veil.analyzer.WriteFlow;
import dev.veil.driver.pipeline.StatementPlan;
import dev.veil.policy.PredicateMode;
import java.sql.SQLException;
import java.util.Map;

/**
 * Where values are written into sensitive columns, for principals not exempt: a value derived from a sensitive column
 * would be stored masked (rule: {@code write-masked}); and a value written into a column whose class denies
 * predicates is compared by any unique constraint on it — whether the write fails, or an upsert does nothing, answers
 * whether that value exists (rule: {@code predicates: deny}).
 */
final class WriteFlowRule implements DecisionRule {

    @Override
    public void checkAfterHazards(RuleContext context, StatementAnalysis s) throws SQLException {
        if (context.exempt()) {
            return;
        }
        Map<BaseColumn, StatementPlan.Sensitivity> sensitive = context.plan().sensitive();
        for (WriteFlow flow : s.writeFlows()) {
            StatementPlan.Sensitivity target = sensitive.get(flow.target());
            if (target == null) {
                continue;
            }
            if (target.sensitiveClass().predicates() == PredicateMode.DENY) {
                throw context.refusal(s, "it writes " + flow.target() + " (class " + target.classId() + "): a"
                        + " unique constraint would answer whether a value exists, and predicates on its class are"
                        + " denied" + PolicyChange.exemptOnly() + " (rule: predicates: deny)");
            }
            for (BaseColumn source : flow.sources()) {
                if (sensitive.containsKey(source)) {
                    throw context.refusal(s, "a value read from " + source + " (class "
                            + sensitive.get(source).classId() + ") would be written, masked, into "
                            + flow.target() + PolicyChange.exemptOnly() + " (rule: write-masked)");
                }
            }
        }
    }
}
