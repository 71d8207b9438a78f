package dev.veil.driver.decide;

import dev.veil.analyzer.StatementAnalysis;
import java.util.Set;

/** An UPDATE or DELETE without a WHERE of its own is held for approval when the policy says {@code approvals.dmlWithoutWhere}. */
final class DmlWithoutWhereRule implements DecisionRule {

    @Override
    public void checkAfterHazards(RuleContext context, StatementAnalysis s) {
        if (context.approvals().dmlWithoutWhere() && Set.of("UPDATE", "DELETE").contains(s.type())
                && !StatementTypes.hasTopLevelWhere(s.fingerprint().normalized())) {
            context.hold("approvals.dmlWithoutWhere");
        }
    }
}
