package dev.veil.driver.stages;

import dev.veil.analyzer.Hazard;
import dev.veil.analyzer.StatementAnalysis;
import dev.veil.driver.decide.DecisionRule;
import dev.veil.driver.decide.RuleContext;
import dev.veil.driver.pipeline.Effects;
import dev.veil.driver.pipeline.Session;
import dev.veil.driver.pipeline.Stage;
import dev.veil.driver.pipeline.StatementPlan;
import java.sql.SQLException;
import java.util.List;

/**
 * Stage 3: allow, mask, refuse or hold for approval, by the rules in order ({@code decide.StandardRules}), each
 * statement in three passes (see {@link DecisionRule}); the first rule that refuses names itself in the message
 * ({@code rule: …}). A statement text the rules let through then carries what running it changes for Veil
 * ({@link Effects}).
 */
public final class DecideStage implements Stage {

    @Override
    public Phase phase() {
        return Phase.PLANNING;
    }

    private final List<DecisionRule> rules;

    public DecideStage(List<DecisionRule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public void plan(Session session, StatementPlan.Builder plan) throws SQLException {
        RuleContext context = new RuleContext(session, plan);
        context.decideReferences();
        for (DecisionRule rule : rules) {
            if (!rule.beforeStatements(context)) {
                return;
            }
        }
        for (StatementAnalysis statement : context.statements()) {
            for (DecisionRule rule : rules) {
                rule.checkStatement(context, statement);
            }
            for (Hazard hazard : statement.hazards()) {
                for (DecisionRule rule : rules) {
                    rule.checkHazard(context, statement, hazard);
                }
            }
            for (DecisionRule rule : rules) {
                rule.checkAfterHazards(context, statement);
            }
        }
        plan.effects(Effects.of(context.statements()));
    }
}
