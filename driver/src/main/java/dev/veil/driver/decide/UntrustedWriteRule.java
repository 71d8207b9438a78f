package dev.veil.driver.decide;

import dev.veil.analyzer.Hazard;
import dev.veil.analyzer.StatementAnalysis;
import dev.veil.analyzer.StatementKind;

/**
 * Containment against prompt injection: once a session has read a column of the policy's {@code untrusted} list
 * (free text written by outsiders), its writes, exports and DDL wait for a reviewer (rule:
 * {@code untrusted.writeAfterRead}), as the text it read may carry instructions planted for an agent. Applies to
 * exempt principals too: it is about who steers the session, not about which values it may see.
 */
final class UntrustedWriteRule implements DecisionRule {

    static final String RULE = "untrusted.writeAfterRead";

    @Override
    public void checkAfterHazards(RuleContext context, StatementAnalysis s) {
        if (context.session().untrustedRead().isPresent() && changesOrExports(s)) {
            context.hold(RULE);
        }
    }

    private static boolean changesOrExports(StatementAnalysis s) {
        return s.kind() == StatementKind.DML || s.kind() == StatementKind.DDL || s.kind() == StatementKind.DCL
                || !s.tablesWritten().isEmpty() || s.hasHazard(Hazard.Kind.EXPORT);
    }
}
