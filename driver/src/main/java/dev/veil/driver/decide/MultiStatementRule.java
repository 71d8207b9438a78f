package dev.veil.driver.decide;

import dev.veil.analyzer.StatementAnalysis;
import dev.veil.driver.pipeline.Effects;
import java.sql.SQLException;

/**
 * In a text of several statements, one that changes the schema or the session (DDL, SET, RESET, USE) must be the last:
 * the statements after it were analyzed against the session and catalog as they are now (rule:
 * {@code multi-statement}).
 */
final class MultiStatementRule implements DecisionRule {

    @Override
    public void checkStatement(RuleContext context, StatementAnalysis s) throws SQLException {
        if (s.index() < context.statements().size() - 1 && Effects.changesWhatFollows(s)) {
            throw context.refusal(s, s.statementType().label() + " must be the last statement of a multi-statement"
                    + " string: the statements after it would run against a schema or session Veil has not analyzed"
                    + " (rule: multi-statement)");
        }
    }
}
