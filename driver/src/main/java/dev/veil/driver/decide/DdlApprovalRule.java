package dev.veil.driver.decide;

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
        String kind = StatementTypes.ddlKind(s.type());
        if (kind != null && needsApproval(context.approvals().ddl(), kind)) {
            context.hold("approvals.ddl." + kind);
        }
    }

    private static boolean needsApproval(ApprovalSettings.Ddl ddl, String kind) {
        return switch (kind) {
            case "create" -> ddl.create();
            case "alter" -> ddl.alter();
            case "drop" -> ddl.drop();
            case "truncate" -> ddl.truncate();
            case "rename" -> ddl.rename();
            case "comment" -> ddl.comment();
            case "grant" -> ddl.grant();
            case "revoke" -> ddl.revoke();
            default -> false;
        };
    }
}
