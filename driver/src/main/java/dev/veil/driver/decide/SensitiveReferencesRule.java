package dev.veil.driver.decide;

import dev.veil.analyzer.ColumnReference;
import dev.veil.analyzer.StatementAnalysis;
import dev.veil.driver.pipeline.ReferenceOutcome;
import java.sql.SQLException;

/**
 * Every reference to a sensitive column follows {@link MaskingRules}: where one would refuse — a predicate on a class
 * that denies predicates (rule: {@code predicates: …}), a whole row that carries a sensitive column (rule:
 * {@code whole-row}) — the statement is refused; principals who are exempt see raw values. A schema-embedded use
 * is decided after the approval rules ({@link DdlOnSensitiveRule}): an approval of the DDL admits it.
 */
final class SensitiveReferencesRule implements DecisionRule {

    @Override
    public void checkAfterHazards(RuleContext context, StatementAnalysis s) throws SQLException {
        if (context.exempt()) {
            return;
        }
        for (ColumnReference ref : s.columnReferences()) {
            if (context.plan().decision(ref) instanceof ReferenceOutcome.Refuse refuse && !refuse.awaitsApproval()) {
                throw context.refusal(s, refuse.message());
            }
        }
    }
}
