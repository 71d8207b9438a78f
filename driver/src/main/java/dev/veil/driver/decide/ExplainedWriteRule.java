package dev.veil.driver.decide;

import dev.veil.analyzer.StatementAnalysis;
import dev.veil.analyzer.StatementKind;
import dev.veil.analyzer.StatementType;

/**
 * An EXPLAIN that runs the write it explains (PostgreSQL's and H2's {@code EXPLAIN ANALYZE}, MariaDB's {@code
 * ANALYZE UPDATE …}) changes the rows as the write would, but is no write the row estimate reads: it is held under
 * {@code approvals.writeRows} whenever writes are held by size, and under {@code approvals.dmlWithoutWhere} when that
 * holds the write it explains. An EXPLAIN that only plans its write runs as ever.
 */
final class ExplainedWriteRule implements DecisionRule {

    @Override
    public void checkAfterHazards(RuleContext context, StatementAnalysis s) {
        if (s.statementType() != StatementType.EXPLAIN || s.kind() != StatementKind.DML) {
            return;
        }
        if (context.approvals().writeRows() > 0) {
            context.hold("approvals.writeRows");
        } else if (context.approvals().dmlWithoutWhere() && !s.hasWhere()) {
            context.hold("approvals.dmlWithoutWhere");
        }
    }
}
