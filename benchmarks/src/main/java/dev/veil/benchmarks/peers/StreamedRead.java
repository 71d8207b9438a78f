package dev.veil.benchmarks.peers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Reads the whole table, streamed: forward-only, a fetch size, in a transaction (PostgreSQL streams only there;
 * the others are given the same), every value of three columns read.
 */
record StreamedRead(String key, String label, boolean sensitive, String sql) implements Workload {

    static final int FETCH_SIZE = 1_000;

    @Override
    public Duration slot(RunSettings settings) {
        return settings.streamSlot();
    }

    @Override
    public Trial open(Contender contender, int rows) throws SQLException {
        Connection connection = contender.connect();
        connection.setAutoCommit(false);
        return new SingleConnectionTrial(connection, rows) {
            private final PreparedStatement statement = connection.prepareStatement(contender.sql().text(sql),
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);

            {
                statement.setFetchSize(FETCH_SIZE);
            }

            @Override
            protected void operation() throws SQLException {
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        checksum += rs.getInt(1) + Consumed.of(rs.getString(2)) + Consumed.of(rs.getString(3));
                    }
                }
                connection.commit();
            }

            @Override
            public void close() throws SQLException {
                statement.close();
                connection.rollback();
                super.close();
            }
        };
    }
}
