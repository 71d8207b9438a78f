package dev.veil.driver.engine;

import dev.veil.analyzer.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.OptionalLong;

/**
 * One engine's estimate of the rows a statement reads or writes: its {@code EXPLAIN} where that carries row counts,
 * table statistics where EXPLAIN cannot run — for statements with bind parameters, and on engines whose EXPLAIN
 * carries no row counts. An estimate that cannot be had is empty.
 */
public abstract class RowEstimator {

    /** The query of a table's row count statistic; {@link #bindTable} binds its parameters. */
    protected abstract String tableRowsQuery();

    /** Binds one table's name to {@link #tableRowsQuery()}: by default its schema and name. */
    protected void bindTable(PreparedStatement query, TableName table) throws SQLException {
        query.setString(1, table.schema());
        query.setString(2, table.name());
    }

    /**
     * Whether {@link #explain} reads the statement's text (and so its literals), rather than only its tables'
     * statistics: what an estimate may be cached by.
     */
    protected boolean explainsText() {
        return false;
    }

    /** The estimate for a statement without parameters; by default the tables' statistics, as with parameters. */
    protected OptionalLong explain(Connection c, String sql, Collection<TableName> tables) throws SQLException {
        return statistics(c, tables);
    }

    /** The largest row count statistic of {@code tables}: what a statement over them reads at most, for one table. */
    protected OptionalLong statistics(Connection c, Collection<TableName> tables) throws SQLException {
        long max = -1;
        for (TableName table : tables) {
            try (PreparedStatement p = c.prepareStatement(tableRowsQuery())) {
                bindTable(p, table);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        long rows = rs.getLong(1);
                        if (!rs.wasNull() && rows >= 0) {
                            max = Math.max(max, rows);
                        }
                    }
                }
            }
        }
        return max < 0 ? OptionalLong.empty() : OptionalLong.of(max);
    }
}
