package dev.veil.driver.engine.mariadb;

import dev.veil.analyzer.TableName;
import dev.veil.driver.engine.RowEstimator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.OptionalLong;

/** MariaDB's estimate: the rows {@code EXPLAIN} expects to examine, or the table's {@code TABLE_ROWS}. */
final class MariaDbRowEstimator extends RowEstimator {

    /** The product of the rows MariaDB expects to examine per table: an upper bound for joins. */
    @Override
    protected boolean explainsText() {
        return true;
    }

    @Override
    protected OptionalLong explain(Connection c, String sql, Collection<TableName> tables) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
            long product = 1;
            boolean any = false;
            while (rs.next()) {
                long rows = rs.getLong("rows");
                if (!rs.wasNull()) {
                    any = true;
                    product = rows == 0 ? product : multiplyCapped(product, rows);
                }
            }
            return any ? OptionalLong.of(product) : OptionalLong.empty();
        }
    }

    @Override
    protected String tableRowsQuery() {
        return "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";
    }

    private static long multiplyCapped(long a, long b) {
        long product = a * b;
        return (a != 0 && product / a != b) || product < 0 ? Long.MAX_VALUE : product;
    }
}
