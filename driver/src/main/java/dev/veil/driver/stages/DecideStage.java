package dev.veil.driver.stages;

import dev.veil.analyzer.Analysis;
import dev.veil.analyzer.BaseColumn;
import dev.veil.analyzer.ColumnReference;
import dev.veil.analyzer.FunctionUse;
import dev.veil.analyzer.Hazard;
import dev.veil.analyzer.StatementAnalysis;
import dev.veil.analyzer.StatementKind;
import dev.veil.analyzer.WriteFlow;
import dev.veil.driver.VeilErrors;
import dev.veil.driver.pipeline.Session;
import dev.veil.driver.pipeline.Stage;
import dev.veil.driver.pipeline.StatementPlan;
import dev.veil.driver.engine.Engine;
import dev.veil.policy.ApprovalSettings;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Stage 3: allow, mask, refuse or hold for approval. Rules, in order — the first that refuses names itself in the
 * message ({@code rule: …}):
 * <ol>
 *   <li>a statement Veil does not understand is refused, or held when {@code approvals.onUnknown: approve};</li>
 *   <li>Veil's reserved session state is never readable; session settings outside a known-harmless list may not be
 *       changed or shown (they could make Veil misread later statements);</li>
 *   <li>unless the principal is exempt: code and data Veil cannot see through — user-defined or unknown functions,
 *       data-reading built-ins, dynamic SQL, file access, procedure calls, cursors, code blocks, session variables,
 *       system objects that expose other sessions' statements or column statistics — are refused; exports are held
 *       for approval when the policy says so, refused otherwise;</li>
 *   <li>unless exempt: every reference to a sensitive column follows {@link MaskingRules}; a value derived from a
 *       sensitive column may not be written into another sensitive column (it would store masked data);</li>
 *   <li>DDL, DCL and unbounded writes are held for approval as the policy's {@code approvals} section says.</li>
 * </ol>
 */
public final class DecideStage implements Stage {

    private static final Set<Hazard.Kind> OPAQUE = Set.of(Hazard.Kind.FILE_ACCESS, Hazard.Kind.DYNAMIC_SQL,
            Hazard.Kind.CALL, Hazard.Kind.CURSOR);
    private static final Set<String> SESSION_STATEMENTS = Set.of("SET", "RESET", "SHOW");

    @Override
    public void plan(Session session, StatementPlan.Builder plan) throws SQLException {
        ApprovalSettings approvals = session.policy().approvals();
        Optional<Analysis> analysis = plan.analysis();
        if (analysis.isEmpty()) {
            notUnderstood(plan, approvals, "the database engine is not one Veil understands (PostgreSQL,"
                    + " MariaDB/MySQL, H2)");
            return;
        }
        List<StatementAnalysis> statements = analysis.get().statements();
        for (StatementAnalysis s : statements) {
            if (s.isUnknown()) {
                notUnderstood(plan, approvals, label(s, statements) + s.unknownReason().orElse("not understood"));
                return;
            }
        }
        Engine engine = session.engine().orElseThrow();
        MaskingRules rules = new MaskingRules(plan.sensitive(), session.masks());
        for (StatementAnalysis s : statements) {
            String which = label(s, statements);
            if (s.index() < statements.size() - 1 && changesWhatLaterStatementsMean(s)) {
                // the statements after it were analyzed against the session and catalog as they are now
                throw VeilErrors.refused(which + s.type() + " must be the last statement of a multi-statement"
                        + " string: the statements after it would run against a schema or session Veil has not"
                        + " analyzed (rule: multi-statement)");
            }
            sessionState(engine, s, which);
            SystemObjects.check(engine, s, which);
            if (!plan.exempt()) {
                opaque(s, which, plan, approvals, session.policy());
                for (ColumnReference ref : s.columnReferences()) {
                    if (rules.decide(ref) instanceof MaskingRules.Outcome.Refuse refuse) {
                        throw VeilErrors.refused(which + refuse.message());
                    }
                }
                writes(s, which, plan);
            }
            approvals(s, which, plan, approvals);
            if (!plan.exempt() && s.kind() == StatementKind.DDL && plan.approval().isEmpty()
                    && Set.of("alter", "rename", "comment").contains(String.valueOf(ddlKind(s.type())))) {
                for (var table : s.tablesWritten()) {
                    if (plan.sensitiveTables().contains(table)) {
                        throw VeilErrors.refused(which + s.type() + " changes " + table + ", which has sensitive"
                                + " columns: renamed or redefined, they could escape their classification; it needs"
                                + " an approval or an exempt user (rule: ddl-on-sensitive)");
                    }
                }
            }
        }
        if (statements.size() == 1 && !statements.get(0).outputColumns().isEmpty()) {
            plan.expectedLabels(statements.get(0).outputColumns().stream().map(o -> o.label()).toList());
        }
        boolean changesSchema = statements.stream().anyMatch(s -> s.kind() == StatementKind.DDL);
        boolean changesSession = statements.stream().anyMatch(DecideStage::changesWhatLaterStatementsMean);
        StatementPlan.Effects.Transaction transaction = StatementPlan.Effects.Transaction.NONE;
        for (StatementAnalysis s : statements) {
            if (s.kind() == StatementKind.TCL) {
                transaction = transactionEffect(s);
            }
        }
        plan.effects(new StatementPlan.Effects(changesSchema, changesSession, transaction));
    }

    private static StatementPlan.Effects.Transaction transactionEffect(StatementAnalysis s) {
        List<String> tokens = List.of(s.fingerprint().normalized().split(" "));
        return switch (s.type()) {
            case "BEGIN", "START" -> StatementPlan.Effects.Transaction.BEGINS;
            case "COMMIT", "END", "ABORT" -> StatementPlan.Effects.Transaction.ENDS;
            case "ROLLBACK" -> tokens.contains("to") ? StatementPlan.Effects.Transaction.ROLLS_BACK_TO_SAVEPOINT
                    : StatementPlan.Effects.Transaction.ENDS;
            default -> StatementPlan.Effects.Transaction.NONE;
        };
    }

    private static boolean changesWhatLaterStatementsMean(StatementAnalysis s) {
        return s.kind() == StatementKind.DDL || Set.of("SET", "RESET", "USE").contains(s.type());
    }

    private static void notUnderstood(StatementPlan.Builder plan, ApprovalSettings approvals, String reason)
            throws SQLException {
        if (approvals.onUnknown() == ApprovalSettings.OnUnknown.APPROVE) {
            plan.approval(new StatementPlan.Approval("approvals.onUnknown", null));
            return;
        }
        throw VeilErrors.refused("cannot analyze the statement: " + reason + " (rule: onUnknown=reject)");
    }

    private static void sessionState(Engine engine, StatementAnalysis s, String which) throws SQLException {
        for (Hazard h : s.hazards()) {
            if (h.kind() == Hazard.Kind.RESERVED_NAME) {
                throw VeilErrors.refused(which + "it reads Veil's reserved session state (" + h.detail()
                        + ") (rule: reserved-names)");
            }
        }
        if (SESSION_STATEMENTS.contains(s.type())) {
            Optional<String> forbidden = SessionSettings.forbidden(engine, s.type(), s.fingerprint().normalized());
            if (forbidden.isPresent()) {
                throw VeilErrors.refused(which + s.type() + " " + forbidden.get() + " is not allowed: it could"
                        + " change how Veil reads statements or clear its session state (rule: session-settings)");
            }
        }
    }

    /** {@code name} as written, {@code schema.name} or {@code name}. */
    static boolean trusted(dev.veil.policy.Policy policy, String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? policy.isTrustedRoutine(null, name)
                : policy.isTrustedRoutine(name.substring(0, dot), name.substring(dot + 1));
    }

    private static void opaque(StatementAnalysis s, String which, StatementPlan.Builder plan,
                               ApprovalSettings approvals, dev.veil.policy.Policy policy) throws SQLException {
        for (Hazard h : s.hazards()) {
            switch (h.kind()) {
                case EXPORT -> {
                    if (!approvals.exports()) {
                        throw VeilErrors.refused(which + "it exports data (" + h.detail() + ") (rule: exports)");
                    }
                    plan.approval(new StatementPlan.Approval("approvals.exports", null));
                }
                case LEAKY_SYSTEM_OBJECT -> throw VeilErrors.refused(which + "it reads " + h.detail()
                        + ", which exposes other sessions' statements, settings or column statistics"
                        + " (rule: system-objects)");
                case SESSION_VARIABLE -> {
                    if (!SESSION_STATEMENTS.contains(s.type()) || h.detail().startsWith("@")
                            || h.detail().contains("set from")) {
                        throw VeilErrors.refused(which + "it reads or sets session state (" + h.detail()
                                + "), which can carry values between statements (rule: session-variables)");
                    }
                }
                case CALL -> {
                    if (s.routine().isEmpty() || !trusted(policy, s.routine().get())) {
                        throw VeilErrors.refused(which + "it calls " + s.routine().orElse(h.detail()) + ", a routine"
                                + " whose code Veil cannot see; a DBA may list it under routines.trusted"
                                + " (rule: opaque-code)");
                    }
                }
                case CODE_BLOCK -> {
                    if (s.kind() != StatementKind.DDL || !approvals.ddl().create()) {
                        throw VeilErrors.refused(which + "it runs code Veil cannot see into (" + h.detail()
                                + ") (rule: opaque-code)");
                    }
                }
                default -> {
                    if (OPAQUE.contains(h.kind())) {
                        throw VeilErrors.refused(which + "it reaches data Veil cannot see through (" + h.detail()
                                + ") (rule: opaque-code)");
                    }
                }
            }
        }
        for (FunctionUse f : s.functions()) {
            switch (f.category()) {
                case USER_DEFINED, UNKNOWN -> {
                    if (!trusted(policy, f.name())) {
                        throw VeilErrors.refused(which + "it calls " + f.name() + ", a function whose code Veil"
                                + " cannot see; a DBA may list it under routines.trusted (rule: opaque-code)");
                    }
                }
                case DATA_READING, EXPORTING -> throw VeilErrors.refused(which + "it calls " + f.name()
                        + ", which reads or writes data beyond its arguments (rule: opaque-code)");
                default -> {
                }
            }
        }
    }

    /**
     * A value derived from a sensitive column, written into another sensitive column, would store masked data; and a
     * value written into a column whose class denies predicates is compared by any unique constraint on it — whether
     * the write fails, or an upsert does nothing, answers whether that value exists.
     */
    private static void writes(StatementAnalysis s, String which, StatementPlan.Builder plan) throws SQLException {
        for (WriteFlow flow : s.writeFlows()) {
            if (!plan.sensitive().containsKey(flow.target())) {
                continue;
            }
            StatementPlan.Sensitivity target = plan.sensitive().get(flow.target());
            if (target.sensitiveClass().predicates() == dev.veil.policy.PredicateMode.DENY) {
                throw VeilErrors.refused(which + "it writes " + flow.target() + " (class " + target.classId() + "):"
                        + " a unique constraint would answer whether a value exists, and predicates on its class are"
                        + " denied; write it as an exempt user (rule: predicates: deny)");
            }
            for (BaseColumn source : flow.sources()) {
                if (plan.sensitive().containsKey(source)) {
                    throw VeilErrors.refused(which + "a value read from " + source + " (class "
                            + plan.sensitive().get(source).classId() + ") would be written, masked, into "
                            + flow.target() + "; run it as an exempt user (rule: write-masked)");
                }
            }
        }
    }

    private static void approvals(StatementAnalysis s, String which, StatementPlan.Builder plan,
                                  ApprovalSettings approvals) {
        if (s.kind() == StatementKind.DDL || s.kind() == StatementKind.DCL) {
            String kind = ddlKind(s.type());
            if (kind != null && ddlNeedsApproval(approvals.ddl(), kind)) {
                plan.approval(new StatementPlan.Approval("approvals.ddl." + kind, null));
            }
        }
        if (approvals.dmlWithoutWhere() && Set.of("UPDATE", "DELETE").contains(s.type())
                && !hasTopLevelWhere(s.fingerprint().normalized())) {
            plan.approval(new StatementPlan.Approval("approvals.dmlWithoutWhere", null));
        }
    }

    /** The DDL switch a statement type falls under, e.g. CREATE_TABLE_AS → create. */
    static String ddlKind(String type) {
        String t = type.toUpperCase(Locale.ROOT);
        for (String kind : List.of("CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME", "COMMENT", "GRANT", "REVOKE")) {
            if (t.equals(kind) || t.startsWith(kind + "_")) {
                return kind.toLowerCase(Locale.ROOT);
            }
        }
        return t.equals("SELECT_INTO") ? "create" : null;
    }

    private static boolean ddlNeedsApproval(ApprovalSettings.Ddl ddl, String kind) {
        return switch (kind) {
            case "create" -> ddl.create();
            case "alter" -> ddl.alter();
            case "drop" -> ddl.drop();
            case "truncate" -> ddl.truncate();
            case "rename" -> ddl.rename();
            case "comment" -> ddl.comment();
            case "grant" -> ddl.grant();
            case "revoke" -> ddl.revoke();
            default -> false;
        };
    }

    /** Whether the statement's own WHERE (not one inside a subquery) is present, from its normalized tokens. */
    static boolean hasTopLevelWhere(String normalized) {
        int depth = 0;
        for (String token : normalized.split(" ")) {
            if (token.equals("(")) {
                depth++;
            } else if (token.equals(")")) {
                depth--;
            } else if (depth == 0 && token.equals("where")) {
                return true;
            }
        }
        return false;
    }

    private static String label(StatementAnalysis s, List<StatementAnalysis> all) {
        return all.size() == 1 ? "" : "statement " + (s.index() + 1) + ": ";
    }
}
