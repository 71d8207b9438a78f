package dev.veil.driver.decide;

import dev.veil.analyzer.StatementAnalysis;
import dev.veil.analyzer.StatementType;

/**
 * An UPDATE or DELETE without a WHERE of its own is held for approval when the policy says
 * {@code approvals.dmlWithoutWhere}.
 */
final class DmlWithoutWhereRule implements DecisionRule {

    @Override
    public void checkAfterHazards(RuleContext context, StatementAnalysis s) {
        boolean updateOrDelete = s.statementType() == StatementType.UPDATE || s.statementType() == StatementType.DELETE;
        if (context.approvals().dmlWithoutWhere() && updateOrDelete && !s.hasWhere()) {
            context.hold("approvals.dmlWithoutWhere");
        }
    }
}
