package dev.veil.driver.engine.h2;

import dev.veil.driver.engine.RowEstimator;

/** H2's estimate: its EXPLAIN carries no row counts, so always the table's {@code ROW_COUNT_ESTIMATE}. */
final class H2RowEstimator extends RowEstimator {

    @Override
    protected String tableRowsQuery() {
        return "SELECT ROW_COUNT_ESTIMATE FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";
    }
}
