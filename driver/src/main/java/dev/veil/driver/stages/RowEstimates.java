package dev.veil.driver.stages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.TableName;
import dev.veil.driver.catalog.InternalQueries;
import dev.veil.driver.session.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.OptionalLong;

/**
 * The database's own estimate of the rows a statement reads or writes: {@code EXPLAIN} on PostgreSQL and MariaDB,
 * table statistics where EXPLAIN cannot run — on H2 (whose EXPLAIN carries no row counts) and for statements with
 * bind parameters. An estimate that cannot be had is empty: the runtime row guard remains.
 */
final class RowEstimates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RowEstimates() {
    }

    static OptionalLong estimate(Connection vendor, Engine engine, String sql, boolean parameters,
                                 Collection<TableName> tables) {
        try {
            return InternalQueries.run(vendor, engine, c -> {
                if (!parameters && engine == Engine.POSTGRESQL) {
                    return explainPostgres(c, sql);
                }
                if (!parameters && engine == Engine.MARIADB) {
                    return explainMariaDb(c, sql);
                }
                return statistics(c, engine, tables);
            });
        } catch (SQLException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static OptionalLong explainPostgres(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN (FORMAT JSON) " + sql)) {
            if (!rs.next()) {
                return OptionalLong.empty();
            }
            JsonNode plan = JSON.readTree(rs.getString(1)).path(0).path("Plan");
            return OptionalLong.of(maxRows(plan));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return OptionalLong.empty();
        }
    }

    /** The largest row count anywhere in the plan: a write's rows are those of the scan beneath it. */
    private static long maxRows(JsonNode node) {
        long rows = node.path("Plan Rows").asLong(0);
        for (JsonNode child : node.path("Plans")) {
            rows = Math.max(rows, maxRows(child));
        }
        return rows;
    }

    /** The product of the rows MariaDB expects to examine per table: an upper bound for joins. */
    private static OptionalLong explainMariaDb(Connection c, String sql) throws SQLException {
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

    private static OptionalLong statistics(Connection c, Engine engine, Collection<TableName> tables)
            throws SQLException {
        long max = -1;
        for (TableName table : tables) {
            String sql = switch (engine) {
                case POSTGRESQL -> "SELECT reltuples::bigint FROM pg_catalog.pg_class WHERE oid = to_regclass(?)";
                case MARIADB -> "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"
                        + " AND TABLE_NAME = ?";
                case H2 -> "SELECT ROW_COUNT_ESTIMATE FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ?"
                        + " AND TABLE_NAME = ?";
            };
            try (PreparedStatement p = c.prepareStatement(sql)) {
                if (engine == Engine.POSTGRESQL) {
                    Dialect d = Dialect.POSTGRESQL;
                    p.setString(1, d.quoteIdentifier(table.schema()) + "." + d.quoteIdentifier(table.name()));
                } else {
                    p.setString(1, table.schema());
                    p.setString(2, table.name());
                }
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

    private static long multiplyCapped(long a, long b) {
        long product = a * b;
        return (a != 0 && product / a != b) || product < 0 ? Long.MAX_VALUE : product;
    }
}
