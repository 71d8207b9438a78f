package dev.veil.driver.decide;

import dev.veil.analyzer.Hazard;
import dev.veil.analyzer.StatementAnalysis;
import dev.veil.analyzer.TableName;
import java.sql.SQLException;

/**
 * System objects that expose other sessions' statements or variables (Veil's hash secrets among them) or column
 * statistics with real values are not readable: those the engine lists, by anyone; those the analyzer finds, by anyone
 * not exempt (rule: {@code system-objects}).
 */
final class SystemObjectsRule implements DecisionRule {

    @Override
    public void checkStatement(RuleContext context, StatementAnalysis s) throws SQLException {
        for (TableName table : s.tablesRead()) {
            if (context.engine().systemObjects().forbidden(table)) {
                throw context.refusal(s, "it reads " + table + ", which exposes other sessions' statements"
                        + " or variables, or column statistics (rule: system-objects)");
            }
        }
    }

    @Override
    public void checkHazard(RuleContext context, StatementAnalysis s, Hazard h) throws SQLException {
        if (h.kind() == Hazard.Kind.LEAKY_SYSTEM_OBJECT && !context.exempt()) {
            throw context.refusal(s, "it reads " + h.detail() + ", which exposes other sessions' statements,"
                    + " settings or column statistics (rule: system-objects)");
        }
    }
}
