package dev.veil.driver.decide;

import dev.veil.analyzer.DdlAction;
import dev.veil.analyzer.StatementAnalysis;
import dev.veil.analyzer.StatementKind;
import dev.veil.policy.ApprovalSettings;

/**
 * DDL and DCL are held for approval as the policy's {@code approvals.ddl} switches say, each under its own rule:
 * {@code approvals.ddl.create}, {@code …alter}, {@code …drop}, {@code …truncate}, {@code …rename}, {@code …comment},
 * {@code …grant}, {@code …revoke}.
 */
final class DdlApprovalRule implements DecisionRule {

    @Override
    public void checkAfterHazards(RuleContext context, StatementAnalysis s) {
        if (s.kind() != StatementKind.DDL && s.kind() != StatementKind.DCL) {
            return;
        }
        s.statementType().ddlAction().filter(action -> needsApproval(context.approvals().ddl(), action))
                .ifPresent(action -> context.hold("approvals.ddl." + action.policyKey()));
    }

    private static boolean needsApproval(ApprovalSettings.Ddl ddl, DdlAction action) {
        return switch (action) {
            case CREATE -> ddl.create();
            case ALTER -> ddl.alter();
            case DROP -> ddl.drop();
            case TRUNCATE -> ddl.truncate();
            case RENAME -> ddl.rename();
            case COMMENT -> ddl.comment();
            case GRANT -> ddl.grant();
            case REVOKE -> ddl.revoke();
        };
    }
}
