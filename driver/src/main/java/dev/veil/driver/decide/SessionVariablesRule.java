package dev.veil.driver.decide;

import dev.veil.analyzer.Hazard;
import dev.veil.analyzer.StatementAnalysis;
import dev.veil.analyzer.StatementType;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Session and user variables carry values between statements, past the analysis of each: reading or setting one is
 * refused for principals not exempt (rule: {@code session-variables}). Settings named by SET, RESET and SHOW are the
 * session-settings rule's.
 */
final class SessionVariablesRule implements DecisionRule {

    private static final Set<StatementType> SESSION_STATEMENTS = EnumSet.of(StatementType.SET, StatementType.RESET,
            StatementType.SHOW);

    @Override
    public void checkHazard(RuleContext context, StatementAnalysis s, Hazard h) throws SQLException {
        if (h.kind() != Hazard.Kind.SESSION_VARIABLE || context.exempt()) {
            return;
        }
        if (!SESSION_STATEMENTS.contains(s.statementType()) || h.detail().startsWith("@")
                || h.detail().contains("set from")) {
            throw context.refusal(s, "it reads or sets session state (" + h.detail() + "), which can carry"
                    + " values between statements (rule: session-variables)");
        }
    }
}
