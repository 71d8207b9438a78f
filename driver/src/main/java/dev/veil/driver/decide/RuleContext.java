package dev.veil.driver.decide;

import dev.veil.analyzer.ColumnReference;
import dev.veil.analyzer.Analysis;
import dev.veil.analyzer.StatementAnalysis;
import dev.veil.driver.engine.Engine;
import dev.veil.driver.errors.VeilErrors;
import dev.veil.driver.pipeline.Session;
import dev.veil.driver.pipeline.StatementPlan;
import dev.veil.policy.ApprovalSettings;
import dev.veil.policy.Policy;
import java.sql.SQLException;
import java.util.List;

/** What the rules decide about: one statement text being planned, on one session. */
public final class RuleContext {

    private final Session session;
    private final StatementPlan.Builder plan;
    private final List<StatementAnalysis> statements;
    private MaskingRules masking;

    public RuleContext(Session session, StatementPlan.Builder plan) {
        this.session = session;
        this.plan = plan;
        this.statements = plan.analysis().map(Analysis::statements).orElse(List.of());
    }

    public Session session() {
        return session;
    }

    public StatementPlan.Builder plan() {
        return plan;
    }

    /** The statements of the text; none when it was not analyzed. */
    public List<StatementAnalysis> statements() {
        return statements;
    }

    /** The engine; rules after {@link OnUnknownRule} only see statements of an engine Veil understands. */
    public Engine engine() {
        return session.engine().orElseThrow();
    }

    public Policy policy() {
        return session.policy();
    }

    public ApprovalSettings approvals() {
        return session.policy().approvals();
    }

    /** Whether the policy exempts the principal: it sees raw values, and the rules that protect them do not apply. */
    public boolean exempt() {
        return plan.exempt();
    }

    /**
     * Decides, once, what happens at each reference to a sensitive column of every statement (for principals who are
     * not exempt), and records it in the plan: the rules, the rewrite and the explanation read it from there.
     */
    public void decideReferences() {
        if (exempt() || plan.sensitive().isEmpty() || plan.analysis().isEmpty()) {
            return;
        }
        List<StatementAnalysis> all = plan.analysis().get().statements();
        for (StatementAnalysis s : all) {
            StatementAnalysis driverMasked = session.masksInDriver() && all.size() == 1
                    && masking().masksInDriver(s) ? s : null;
            for (ColumnReference ref : s.columnReferences()) {
                plan.decide(ref, masking().decide(ref, driverMasked));
            }
        }
    }

    /** What happens at each reference to a sensitive column. */
    private MaskingRules masking() {
        if (masking == null) {
            masking = new MaskingRules(plan.sensitive(), session.masks());
        }
        return masking;
    }

    /** Holds the statement for approval under {@code rule}, e.g. {@code approvals.ddl.drop}. */
    public void hold(String rule) {
        plan.approval(new StatementPlan.Approval(rule));
    }

    /** A refusal of {@code statement}: the message, preceded by which statement of several it is. */
    public SQLException refusal(StatementAnalysis statement, String message) {
        return VeilErrors.refused(label(statement) + message);
    }

    /** {@code statement 2: } in a text of several statements; nothing for a single one. */
    public String label(StatementAnalysis statement) {
        return statements.size() == 1 ? "" : "statement " + (statement.index() + 1) + ": ";
    }
}
