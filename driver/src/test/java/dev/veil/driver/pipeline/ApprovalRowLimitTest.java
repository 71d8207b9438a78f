package dev.veil.driver.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an approval lets through: twice the estimate on the card, at least the rows that need no approval. */
class ApprovalRowLimitTest {

    @Test
    void twiceTheEstimateAndAtLeastExportRows() {
        assertThat(StatementPlan.Approval.forRows("approvals.exportRows", 5000L, 1000).rowLimit()).isEqualTo(10000);
        assertThat(StatementPlan.Approval.forRows("approvals.writeRows", 10L, 1000).rowLimit()).isEqualTo(1000);
        assertThat(StatementPlan.Approval.forRows("approvals.ddl.drop", null, 1000).rowLimit()).isEqualTo(1000);
        assertThat(StatementPlan.Approval.forRows("approvals.ddl.drop", null, 0).rowLimit()).isNull();
        assertThat(StatementPlan.Approval.forRows("approvals.exports", 7L, 0).rowLimit()).isEqualTo(14);
        assertThat(StatementPlan.Approval.forRows("approvals.exportRows", Long.MAX_VALUE / 2 + 1, 10).rowLimit())
                .isEqualTo(Long.MAX_VALUE);
        assertThat(StatementPlan.Approval.forRows("approvals.exportRows", 5000L, 1000).estimatedRows())
                .isEqualTo(5000);
    }
}
