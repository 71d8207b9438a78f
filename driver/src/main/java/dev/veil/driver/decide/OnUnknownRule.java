package dev.veil.driver.decide;

import dev.veil.analyzer.StatementAnalysis;
import dev.veil.driver.errors.VeilErrors;
import dev.veil.policy.ApprovalSettings;
import java.sql.SQLException;

/**
 * A text Veil does not understand — on an engine it does not know, or with a statement its analyzer cannot read — is
 * refused, or held for approval when {@code approvals.onUnknown: approve} (rule: {@code onUnknown}). It is decided
 * before any other rule, for the whole text.
 */
final class OnUnknownRule implements DecisionRule {

    @Override
    public boolean beforeStatements(RuleContext context) throws SQLException {
        if (context.plan().analysis().isEmpty()) {
            return notUnderstood(context, "the database engine is not one Veil understands (PostgreSQL,"
                    + " MariaDB/MySQL, H2)");
        }
        for (StatementAnalysis s : context.statements()) {
            if (s.isUnknown()) {
                return notUnderstood(context, context.label(s) + s.unknownReason().orElse("not understood"));
            }
        }
        return true;
    }

    private static boolean notUnderstood(RuleContext context, String reason) throws SQLException {
        if (context.approvals().onUnknown() == ApprovalSettings.OnUnknown.APPROVE) {
            context.hold("approvals.onUnknown");
            return false;
        }
        throw VeilErrors.refused("cannot analyze the statement: " + reason + " (rule: onUnknown=reject)");
    }
}
