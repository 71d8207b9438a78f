package dev.veil.driver.decide;

import dev.veil.analyzer.ColumnReference;
import dev.veil.analyzer.DdlAction;
import dev.veil.analyzer.StatementAnalysis;
import dev.veil.analyzer.StatementKind;
import dev.veil.analyzer.TableName;
import dev.veil.driver.pipeline.ReferenceOutcome;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;

/**
 * ALTER, RENAME and COMMENT on a table with sensitive columns need an approval or an exempt principal: renamed or
 * redefined, its columns could escape their classification (rule: {@code ddl-on-sensitive}). So does a sensitive
 * column used in a stored definition the database evaluates over raw values later, such as a view's WHERE (rule:
 * {@code schema-embedded}, decided by {@link MaskingRules}).
 */
final class DdlOnSensitiveRule implements DecisionRule {

    private static final Set<DdlAction> REDEFINING = EnumSet.of(DdlAction.ALTER, DdlAction.RENAME, DdlAction.COMMENT);

    @Override
    public void checkAfterHazards(RuleContext context, StatementAnalysis s) throws SQLException {
        if (context.exempt() || context.plan().approval().isPresent()) {
            return;
        }
        for (ColumnReference ref : s.columnReferences()) {
            if (context.plan().decision(ref) instanceof ReferenceOutcome.Refuse refuse && refuse.awaitsApproval()) {
                throw context.refusal(s, refuse.message());
            }
        }
        if (s.kind() != StatementKind.DDL || !s.statementType().ddlAction().map(REDEFINING::contains).orElse(false)) {
            return;
        }
        for (TableName table : s.tablesWritten()) {
            if (context.plan().sensitiveTables().contains(table)) {
                throw context.refusal(s, s.statementType().label() + " changes " + table + ", which has sensitive"
                        + " columns: renamed or redefined, they could escape their classification; it needs an"
                        + " approval or an exempt user" + PolicyChange.approvalOrExempt("approvals.ddl."
                        + s.statementType().ddlAction().orElseThrow().policyKey())
                        + " (rule: ddl-on-sensitive)");
            }
        }
    }
}
