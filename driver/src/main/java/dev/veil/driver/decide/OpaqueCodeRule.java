package dev.veil.driver.decide;

import dev.veil.analyzer.FunctionUse;
import dev.veil.analyzer.Hazard;
import dev.veil.analyzer.StatementAnalysis;
import dev.veil.analyzer.StatementKind;
import dev.veil.policy.Policy;
import java.sql.SQLException;
import java.util.Set;

/**
 * Code and data Veil cannot see through are refused (rule: {@code opaque-code}): a table read through a connection
 * of its own (H2's linked tables), by anyone; for principals not exempt also procedure calls, code blocks, file
 * access, dynamic SQL, cursors, and functions that are user-defined, unknown or read data beyond their arguments —
 * unless a DBA lists the routine under {@code routines.trusted}. A code block that defines a routine may be held for
 * approval as DDL instead.
 */
final class OpaqueCodeRule implements DecisionRule {

    private static final Set<Hazard.Kind> OPAQUE = Set.of(Hazard.Kind.FILE_ACCESS, Hazard.Kind.DYNAMIC_SQL,
            Hazard.Kind.CURSOR);

    @Override
    public void checkStatement(RuleContext context, StatementAnalysis s) throws SQLException {
        if (s.hasHazard(Hazard.Kind.FOREIGN_DATA)) {
            throw context.refusal(s, "a linked table reads through a connection Veil does not see"
                    + " (rule: opaque-code)");
        }
    }

    @Override
    public void checkHazard(RuleContext context, StatementAnalysis s, Hazard h) throws SQLException {
        if (context.exempt()) {
            return;
        }
        if (h.kind() == Hazard.Kind.CALL) {
            if (s.routine().isEmpty() || !trusted(context.policy(), s.routine().get())) {
                // trusting a routine that exports would only meet the exports rule next: name that instead
                String howTo = s.hasHazard(Hazard.Kind.EXPORT)
                        ? "; it also exports data" + PolicyChange.approvalOrExempt("approvals.exports")
                        : PolicyChange.trustRoutine(s.routine().orElse(h.detail()));
                throw context.refusal(s, "it calls " + s.routine().orElse(h.detail()) + ", a routine whose code"
                        + " Veil cannot see" + howTo + " (rule: opaque-code)");
            }
        } else if (h.kind() == Hazard.Kind.CODE_BLOCK) {
            if (s.kind() != StatementKind.DDL || !context.approvals().ddl().create()) {
                throw context.refusal(s, "it runs code Veil cannot see into (" + h.detail() + ") (rule: opaque-code)");
            }
        } else if (OPAQUE.contains(h.kind())) {
            throw context.refusal(s, "it reaches data Veil cannot see through (" + h.detail()
                    + ") (rule: opaque-code)");
        }
    }

    @Override
    public void checkAfterHazards(RuleContext context, StatementAnalysis s) throws SQLException {
        if (context.exempt()) {
            return;
        }
        for (FunctionUse f : s.functions()) {
            switch (f.category()) {
                case USER_DEFINED, UNKNOWN -> {
                    if (!trusted(context.policy(), f.name())) {
                        throw context.refusal(s, "it calls " + f.name() + ", a function whose code Veil cannot"
                                + " see" + PolicyChange.trustRoutine(f.name()) + " (rule: opaque-code)");
                    }
                }
                case DATA_READING, EXPORTING -> throw context.refusal(s, "it calls " + f.name()
                        + ", which reads or writes data beyond its arguments (rule: opaque-code)");
                default -> {
                }
            }
        }
    }

    /** {@code name} as written, {@code schema.name} or {@code name}. */
    private static boolean trusted(Policy policy, String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? policy.isTrustedRoutine(null, name)
                : policy.isTrustedRoutine(name.substring(0, dot), name.substring(dot + 1));
    }
}
