package dev.veil.it.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Errors that no statement Veil analyzed can be blamed for — a deferred constraint reported when the transaction
 * ends, a transaction aborted by an earlier error — reach the caller with the vendor's SQLState and without the text
 * (which quotes key values). PostgreSQL is the engine with deferred constraints; MariaDB and H2 check every constraint
 * at its statement.
 */
class TransactionErrorsIT {

    private static final String KEY = "key-value-" + Long.toHexString(ThreadLocalRandom.current().nextLong());

    /** The ways a transaction (or its deferred checks) can end. */
    enum End {
        COMMIT_METHOD, SQL_COMMIT, SET_CONSTRAINTS_IMMEDIATE, SET_AUTOCOMMIT_TRUE, COMMIT_AND_CHAIN, SQL_END;

        void run(Connection c) throws SQLException {
            switch (this) {
                case COMMIT_METHOD -> c.commit();
                case SET_AUTOCOMMIT_TRUE -> c.setAutoCommit(true);
                default -> {
                    try (Statement s = c.createStatement()) {
                        s.execute(switch (this) {
                            case SQL_COMMIT -> "COMMIT";
                            case SET_CONSTRAINTS_IMMEDIATE -> "SET CONSTRAINTS ALL IMMEDIATE";
                            case COMMIT_AND_CHAIN -> "COMMIT AND CHAIN";
                            default -> "END";
                        });
                    }
                }
            }
        }
    }

    static Stream<End> ends() {
        return Stream.of(End.values());
    }

    @ParameterizedTest
    @MethodSource("ends")
    void aDeferredKeyReportedAtTheEndOfTheTransactionKeepsItsStateButNotItsValue(End end) throws SQLException {
        TestDatabase db = TestDatabases.postgres();
        String table = "tx_deferred_" + end.name().toLowerCase();
        try (Connection raw = db.openRaw(); Statement s = raw.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, k VARCHAR(60),"
                    + " CONSTRAINT " + table + "_k UNIQUE (k) DEFERRABLE INITIALLY DEFERRED)");
            s.execute("INSERT INTO " + table + " VALUES (1, '" + KEY + "'), (2, 'other')");
        }
        try {
            SQLException vendor = failAtEnd(db.openRaw(), table, end);
            assertThat(vendor.getSQLState()).isEqualTo("23505");
            assertThat(vendor.getMessage()).contains(KEY); // what Veil must withhold

            SQLException veil = failAtEnd(db.openVeil(), table, end);
            assertThat(veil.getSQLState()).isEqualTo(vendor.getSQLState());
            assertThat(veil.getErrorCode()).isEqualTo(vendor.getErrorCode());
            assertThat(veil.getMessage()).startsWith("veil: the database reported an error (SQLState 23505)")
                    .doesNotContain(KEY);
            assertThat(veil.getCause()).isNull();
        } finally {
            try (Connection raw = db.openRaw(); Statement s = raw.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    /** Sets both rows' keys equal (checked only at the end), ends the transaction as {@code end} does. */
    private static SQLException failAtEnd(Connection c, String table, End end) throws SQLException {
        try (c) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE " + table + " SET k = (SELECT k FROM " + table + " WHERE id = 1) WHERE id = 2");
            }
            try {
                end.run(c);
                throw new AssertionError(end + " did not report the deferred key");
            } catch (SQLException expected) {
                return expected;
            } finally {
                c.rollback();
            }
        }
    }

    /** Fuzzer finding F-03: a table Veil has not read yet, in an aborted transaction, fails as it does without Veil. */
    @Test
    void inAnAbortedTransactionAnUncachedTableFailsWithTheDatabasesState() throws SQLException {
        TestDatabase db = TestDatabases.postgres();
        String table = "tx_uncached_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
        try (Connection raw = db.openRaw(); Statement s = raw.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id INT)");
        }
        try {
            String vendor = afterAnError(db.openRaw(), table);
            assertThat(vendor).isEqualTo("25P02");
            assertThat(afterAnError(db.openVeil(), table)).isEqualTo(vendor);
        } finally {
            try (Connection raw = db.openRaw(); Statement s = raw.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    /** Fuzzer finding F-02: the 25P02 after a withheld error does not carry that error's text as its cause. */
    @Test
    void theErrorAfterAWithheldErrorCarriesNoRawCause() throws SQLException {
        TestDatabase db = TestDatabases.postgres();
        try (Connection veil = db.openVeil(); Statement s = veil.createStatement()) {
            veil.setAutoCommit(false);
            try {
                s.executeQuery("SELECT CAST('" + KEY + "' AS INT)");
                throw new AssertionError("the cast did not fail");
            } catch (SQLException first) {
                assertThat(first.getSQLState()).isEqualTo("22P02");
            }
            try {
                s.executeQuery("SELECT 1");
                throw new AssertionError("the aborted transaction ran a statement");
            } catch (SQLException aborted) {
                assertThat(aborted.getSQLState()).isEqualTo("25P02");
                for (Throwable t = aborted; t != null; t = t.getCause()) {
                    assertThat(t.getMessage()).doesNotContain(KEY);
                }
            } finally {
                veil.rollback();
            }
        }
    }

    private static String afterAnError(Connection c, String table) throws SQLException {
        try (c; Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.executeQuery("SELECT 1/0");
                throw new AssertionError("1/0 did not fail");
            } catch (SQLException expected) {
                assertThat(expected.getSQLState()).isEqualTo("22012");
            }
            try {
                s.executeQuery("SELECT id FROM " + table);
                return "ran";
            } catch (SQLException e) {
                return e.getSQLState();
            } finally {
                c.rollback();
            }
        }
    }
}
