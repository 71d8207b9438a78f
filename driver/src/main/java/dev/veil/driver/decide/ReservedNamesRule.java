package dev.veil.driver.decide;

import dev.veil.analyzer.Hazard;
import dev.veil.analyzer.StatementAnalysis;
import java.sql.SQLException;

/**
 * Veil's reserved session state (settings and variables named {@code veil…}) is never readable, exempt or not (rule:
 * {@code reserved-names}).
 */
final class ReservedNamesRule implements DecisionRule {

    @Override
    public void checkStatement(RuleContext context, StatementAnalysis s) throws SQLException {
        for (Hazard h : s.hazards()) {
            if (h.kind() == Hazard.Kind.RESERVED_NAME) {
                throw context.refusal(s, "it reads Veil's reserved session state (" + h.detail()
                        + ") (rule: reserved-names)");
            }
        }
    }
}
