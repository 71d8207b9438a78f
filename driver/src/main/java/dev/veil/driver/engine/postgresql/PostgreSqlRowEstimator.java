package dev.veil.driver.engine.postgresql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.TableName;
import dev.veil.driver.engine.RowEstimator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.OptionalLong;

/** PostgreSQL's estimate: the plan's rows from {@code EXPLAIN (FORMAT JSON)}, or the table's {@code reltuples}. */
final class PostgreSqlRowEstimator extends RowEstimator {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected boolean explainsText() {
        return true;
    }

    @Override
    protected OptionalLong explain(Connection c, String sql, Collection<TableName> tables) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN (FORMAT JSON) " + sql)) {
            if (!rs.next()) {
                return OptionalLong.empty();
            }
            JsonNode plan = JSON.readTree(rs.getString(1)).path(0).path("Plan");
            return OptionalLong.of(maxRows(plan));
        } catch (JsonProcessingException e) {
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

    @Override
    protected String tableRowsQuery() {
        return "SELECT reltuples::bigint FROM pg_catalog.pg_class WHERE oid = to_regclass(?)";
    }

    @Override
    protected void bindTable(PreparedStatement query, TableName table) throws SQLException {
        Dialect d = Dialect.POSTGRESQL;
        query.setString(1, d.quoteIdentifier(table.schema()) + "." + d.quoteIdentifier(table.name()));
    }
}
