package dev.veil.driver.decide;

import dev.veil.analyzer.Hazard;
import dev.veil.analyzer.StatementAnalysis;
import java.sql.SQLException;

/**
 * One rule of the decide stage. A rule refuses by throwing (its message names it: {@code (rule: …)}), holds the
 * statement for approval through {@link RuleContext#hold}, or lets it pass. Rules run in the order of
 * {@link StandardRules}: first each rule's {@link #beforeStatements} once for the whole text; then each statement, in
 * text order, in three passes through the rules — the statement itself ({@link #checkStatement}), each of its hazards
 * in the order the analyzer found them ({@link #checkHazard}: of two hazards, the first decides), and what remains
 * ({@link #checkAfterHazards}: functions, column references, writes, approvals).
 */
public interface DecisionRule {

    /**
     * Once per statement text, before any statement is checked.
     *
     * @return false when this rule has decided the whole text — it is held for approval — and no later rule applies
     */
    default boolean beforeStatements(RuleContext context) throws SQLException {
        return true;
    }

    /** First pass over a statement: what it is, what it reads. */
    default void checkStatement(RuleContext context, StatementAnalysis statement) throws SQLException {
    }

    /** Second pass: one hazard of the statement. */
    default void checkHazard(RuleContext context, StatementAnalysis statement, Hazard hazard) throws SQLException {
    }

    /** Third pass: the statement once its hazards have passed. */
    default void checkAfterHazards(RuleContext context, StatementAnalysis statement) throws SQLException {
    }
}
