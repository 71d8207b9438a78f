package dev.veil.driver.explain;

import dev.veil.analyzer.Analysis;
import dev.veil.analyzer.ColumnReference;
import dev.veil.analyzer.StatementAnalysis;
import dev.veil.analyzer.TableName;
import dev.veil.driver.decide.MaskingRules;
import dev.veil.driver.pipeline.ReferenceOutcome;
import dev.veil.driver.engine.Engine;
import dev.veil.driver.errors.VeilErrors;
import dev.veil.driver.pipeline.Entry;
import dev.veil.driver.pipeline.Session;
import dev.veil.driver.pipeline.StatementPipeline;
import dev.veil.driver.pipeline.StatementPlan;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Plans a statement through the session's pipeline, as if it were about to run, and describes the outcome. */
public final class Explainer {

    private Explainer() {
    }

    public static Explanation explain(Session session, String sql) throws SQLException {
        String engine = session.engine().map(Engine::name).orElse("unsupported");
        String principal = session.tracker().principal();
        StatementPipeline.Attempt attempt = session.pipeline().attempt(session, sql, Entry.EXECUTE);
        StatementPlan.Builder reached = attempt.reached();
        List<Explanation.Statement> statements = new ArrayList<>();
        reached.analysis().ifPresent(analysis -> {
            for (StatementAnalysis s : analysis.statements()) {
                statements.add(new Explanation.Statement(s.kind().name(), s.statementType().label(),
                        names(s.tablesRead()), names(s.tablesWritten()), s.fingerprint().redacted()));
            }
        });
        List<Explanation.Column> columns = new ArrayList<>();
        reached.sensitive().forEach((column, s) -> columns.add(new Explanation.Column(column.toString(), s.classId(),
                s.source(), s.evidence(), s.sensitiveClass().mask().toString(),
                s.sensitiveClass().predicates().name().toLowerCase(Locale.ROOT))));
        List<Explanation.Reference> references = reached.exempt() ? List.of() : references(reached);
        if (attempt.refusal() != null) {
            SQLException refusal = attempt.refusal();
            if (!VeilErrors.raisedByVeil(refusal)) {
                throw refusal;
            }
            return new Explanation(sql, engine, principal, reached.exempt(), statements, columns,
                    references, "REFUSED", VeilErrors.rule(refusal), null, refusal.getMessage());
        }
        StatementPlan plan = attempt.plan();
        return new Explanation(sql, engine, principal, plan.exempt(), statements, columns, references,
                plan.decision().name(), plan.approval().map(StatementPlan.Approval::rule).orElse(null), plan.sql(),
                null);
    }

    /** What happens at each reference to a sensitive column. */
    private static List<Explanation.Reference> references(StatementPlan.Builder plan) {
        List<Explanation.Reference> references = new ArrayList<>();
        Optional<Analysis> analysis = plan.analysis();
        if (analysis.isEmpty() || analysis.get().isUnknown() || plan.sensitive().isEmpty()) {
            return references;
        }
        for (StatementAnalysis s : analysis.get().statements()) {
            for (ColumnReference ref : s.columnReferences()) {
                if (ref.sources().stream().noneMatch(plan.sensitive()::containsKey)) {
                    continue;
                }
                String where = MaskingRules.clauseName(ref.clause());
                ReferenceOutcome outcome = plan.decision(ref);
                String what;
                if (outcome instanceof ReferenceOutcome.Replace replace) {
                    what = replace.masks().isEmpty() ? "compared as the stored column " + replace.sql()
                            + " (predicates: allow)" : "masked (" + String.join(", ", replace.masks()) + ")";
                } else if (outcome instanceof ReferenceOutcome.MaskOnRead onRead) {
                    what = "masked in the driver as rows are read, result column " + onRead.column() + " ("
                            + String.join(", ", onRead.masks()) + "; veil.masking=driver: the raw value leaves the"
                            + " database)";
                } else if (outcome instanceof ReferenceOutcome.Refuse refuse) {
                    what = "refused: " + refuse.message();
                } else {
                    what = ((ReferenceOutcome.Keep) outcome).why();
                }
                references.add(new Explanation.Reference(ref.text(), where, what));
            }
        }
        return references;
    }

    private static List<String> names(java.util.Set<TableName> tables) {
        return tables.stream().map(TableName::toString).sorted().toList();
    }
}
