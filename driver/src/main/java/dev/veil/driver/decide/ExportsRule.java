package dev.veil.driver.decide;

import dev.veil.analyzer.Hazard;
import dev.veil.analyzer.StatementAnalysis;
import java.sql.SQLException;

/**
 * A statement that writes data out of the database (COPY … TO, INTO OUTFILE, SCRIPT, CSVWRITE) is held for approval
 * when the policy says {@code approvals.exports}, refused otherwise (rule: {@code exports}); exempt principals export
 * freely.
 */
final class ExportsRule implements DecisionRule {

    @Override
    public void checkHazard(RuleContext context, StatementAnalysis s, Hazard h) throws SQLException {
        if (h.kind() != Hazard.Kind.EXPORT || context.exempt()) {
            return;
        }
        if (!context.approvals().exports()) {
            throw context.refusal(s, "it exports data (" + h.detail() + ")"
                    + PolicyChange.approvalOrExempt("approvals.exports") + " (rule: exports)");
        }
        context.hold("approvals.exports");
    }
}
