package dev.veil.it.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabase.Engine;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With a fetch size, a large result streams through Veil: fetching the first row allocates a small fraction of the
 * whole result, as it does with the vendor driver alone. Measured in bytes allocated by the reading thread, not in
 * time, so the test is deterministic.
 */
class StreamingIT {

    private static final int ROWS = 300_000;
    private static final int ROW_WIDTH = 200;
    /** The result is about 60 MB on the wire; buffering it would allocate at least that much. */
    private static final long RESULT_BYTES = (long) ROWS * ROW_WIDTH;

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#servers")
    void aLargeResultIsNotBuffered(TestDatabase db) throws SQLException {
        try (Connection raw = db.openRaw(); Connection veil = db.openVeil()) {
            long rawBytes = bytesAllocatedUntilFirstRow(raw, db.engine());
            long veilBytes = bytesAllocatedUntilFirstRow(veil, db.engine());
            assertThat(rawBytes).as("vendor driver streams").isLessThan(RESULT_BYTES / 10);
            assertThat(veilBytes).as("Veil streams").isLessThan(RESULT_BYTES / 10);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#servers")
    void theStreamedResultIsComplete(TestDatabase db) throws SQLException {
        try (Connection veil = db.openVeil()) {
            veil.setAutoCommit(false);
            try (Statement s = veil.createStatement()) {
                s.setFetchSize(1000);
                try (ResultSet rs = s.executeQuery(largeQuery(db.engine()))) {
                    long rows = 0;
                    long last = 0;
                    while (rs.next()) {
                        rows++;
                        last = rs.getLong(1);
                    }
                    assertThat(rows).isEqualTo(ROWS);
                    assertThat(last).isEqualTo(ROWS);
                }
            } finally {
                veil.setAutoCommit(true);
            }
        }
    }

    private static long bytesAllocatedUntilFirstRow(Connection c, Engine engine) throws SQLException {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
        try (Statement s = c.createStatement()) {
            s.setFetchSize(1000);
            long before = threads.getCurrentThreadAllocatedBytes();
            try (ResultSet rs = s.executeQuery(largeQuery(engine))) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).hasSize(ROW_WIDTH);
                long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                s.cancel(); // do not drain the rest where the vendor would
                return allocated;
            }
        } catch (SQLException cancelledWhileClosing) {
            throw cancelledWhileClosing;
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    private static String largeQuery(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> "SELECT g, repeat('x', " + ROW_WIDTH + ") FROM generate_series(1, " + ROWS + ") g";
            case MARIADB -> "SELECT seq, REPEAT('x', " + ROW_WIDTH + ") FROM seq_1_to_" + ROWS;
            case H2 -> throw new IllegalArgumentException("H2 is embedded");
        };
    }
}
