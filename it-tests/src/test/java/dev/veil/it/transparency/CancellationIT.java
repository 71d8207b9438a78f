package dev.veil.it.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.it.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Query timeouts and cancel() from another thread end a running statement through Veil as they do without it. */
class CancellationIT {

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void queryTimeoutEndsTheStatementTheSameWay(TestDatabase db) throws SQLException {
        try (Connection raw = db.openRaw(); Connection veil = db.openVeil()) {
            String rawOutcome = runWithTimeout(raw, slowQuery(db));
            assertThat(rawOutcome).startsWith("failed");
            assertThat(runWithTimeout(veil, slowQuery(db))).isEqualTo(rawOutcome);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void cancelFromAnotherThreadEndsTheStatementTheSameWay(TestDatabase db) throws Exception {
        try (Connection raw = db.openRaw(); Connection veil = db.openVeil()) {
            String rawOutcome = runAndCancel(raw, slowQuery(db));
            assertThat(rawOutcome).startsWith("failed");
            assertThat(runAndCancel(veil, slowQuery(db))).isEqualTo(rawOutcome);
        }
    }

    /** A query that runs far longer than the test waits, and that the engine can interrupt. */
    private static String slowQuery(TestDatabase db) {
        return switch (db.engine()) {
            case H2 -> "SELECT MAX(RAND()) FROM SYSTEM_RANGE(1, 100000000000)";
            case POSTGRESQL -> "SELECT pg_sleep(60)";
            case MARIADB -> "SELECT SUM(seq % 7) FROM seq_1_to_1000000000000";
        };
    }

    private static String runWithTimeout(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return "completed";
            }
        } catch (SQLException e) {
            return "failed " + e.getClass().getSimpleName() + " " + e.getSQLState();
        }
    }

    /** Cancels until the statement ends: a cancel that arrives before the query starts does nothing. */
    private static String runAndCancel(Connection c, String sql) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Statement s = c.createStatement()) {
            Future<String> outcome = executor.submit(() -> {
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    return "completed";
                } catch (SQLException e) {
                    return "failed " + e.getClass().getSimpleName() + " " + e.getSQLState();
                }
            });
            for (int attempt = 0; attempt < 300; attempt++) {
                try {
                    return outcome.get(200, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    s.cancel();
                }
            }
            throw new AssertionError("the statement did not end after cancel()");
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }
}
