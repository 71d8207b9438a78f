package dev.veil.benchmarks.peers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A plain {@link Statement} with a new literal each time ({@code … WHERE id = 17}, then {@code 18}, …): the same
 * shape, but a text never seen before, as applications that build SQL by concatenation send it.
 *
 * @param sql the statement, with {@link SqlSource#MARKER} where the literal goes
 */
record NewLiteralStatement(String key, String label, boolean sensitive, String sql) implements Workload {

    @Override
    public Duration slot(RunSettings settings) {
        return settings.pointSlot();
    }

    @Override
    public Trial open(Contender contender, int rows) throws SQLException {
        Connection connection = contender.connect();
        SqlSource.OpenLiteral text = contender.sql().openLiteral(sql);
        return new SingleConnectionTrial(connection, rows) {
            private final Statement statement = connection.createStatement();

            @Override
            protected void operation() throws SQLException {
                try (ResultSet rs = statement.executeQuery(text.with(nextId()))) {
                    rs.next();
                    checksum += rs.getInt(1) + Consumed.of(rs.getString(2));
                }
            }

            @Override
            public void close() throws SQLException {
                statement.close();
                super.close();
            }
        };
    }
}
