package dev.veil.benchmarks.peers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/** One prepared statement, executed again and again with a new key: {@code … WHERE id = ?}, one row back. */
record PreparedPointSelect(String key, String label, boolean sensitive, String sql) implements Workload {

    @Override
    public Duration slot(RunSettings settings) {
        return settings.pointSlot();
    }

    @Override
    public Trial open(Contender contender, int rows) throws SQLException {
        Connection connection = contender.connect();
        return new SingleConnectionTrial(connection, rows) {
            private final PreparedStatement statement = connection.prepareStatement(contender.sql().text(sql));

            @Override
            protected void operation() throws SQLException {
                statement.setInt(1, nextId());
                try (ResultSet rs = statement.executeQuery()) {
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
