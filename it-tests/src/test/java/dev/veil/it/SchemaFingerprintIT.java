package dev.veil.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.driver.engine.Engine;
import dev.veil.driver.engine.Engines;
import dev.veil.it.support.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each engine strategy claims about its server, checked against the server: whether DDL takes part in a
 * transaction (rolled back with it) or commits it, and that the schema fingerprint changes with every kind of change
 * Veil reads — a view replaced with the same shape, a column renamed, a comment — and with nothing else.
 */
class SchemaFingerprintIT {

    static List<TestDatabase> databases() {
        return dev.veil.it.support.TestDatabases.all();
    }

    private static Engine engineOf(TestDatabase db) {
        return Engines.ofUrl(db.url()).orElseThrow();
    }

    private static String name(String prefix) {
        return prefix + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void ddlTakesPartInTransactionsExactlyWhereTheEngineSaysSo(TestDatabase db) throws SQLException {
        String table = name("veil_fp_t");
        try (Connection c = db.openRaw()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + table + " (x INT)");
            }
            c.rollback();
            c.setAutoCommit(true);
            try (Connection other = db.openRaw()) {
                assertThat(exists(other, table)).as("the table outlives the rollback")
                        .isEqualTo(engineOf(db).ddlCommitsTransaction());
            }
        } finally {
            try (Connection c = db.openRaw(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theFingerprintChangesWithEveryChangeVeilReadsAndOnlyThen(TestDatabase db) throws SQLException {
        Engine engine = engineOf(db);
        String table = name("veil_fp_t");
        String view = name("veil_fp_v");
        boolean mariadb = db.engine() == TestDatabase.Engine.MARIADB;
        List<String> changes = new ArrayList<>(List.of(
                "CREATE TABLE " + table + " (id INT, a VARCHAR(20), b VARCHAR(20))",
                "CREATE VIEW " + view + " AS SELECT id, a AS v FROM " + table,
                // same names, same types: only the source differs
                "CREATE OR REPLACE VIEW " + view + " AS SELECT id, b AS v FROM " + table,
                mariadb ? "ALTER TABLE " + table + " MODIFY b VARCHAR(20) COMMENT 'veil:ssn'"
                        : "COMMENT ON COLUMN " + table + ".b IS 'veil:ssn'",
                db.engine() == TestDatabase.Engine.H2 ? "ALTER TABLE " + table + " ALTER COLUMN a RENAME TO c"
                        : "ALTER TABLE " + table + " RENAME COLUMN a TO c",
                "DROP VIEW " + view));
        try (Connection c = db.openRaw(); Statement s = c.createStatement()) {
            String before = engine.schemaFingerprint().read(c);
            s.executeQuery("SELECT 1").close();
            assertThat(engine.schemaFingerprint().read(c)).as("nothing changed").isEqualTo(before);
            for (String change : changes) {
                s.execute(change);
                String after = engine.schemaFingerprint().read(c);
                assertThat(after).as("after %s", change).isNotEqualTo(before);
                before = after;
            }
        } finally {
            try (Connection c = db.openRaw(); Statement s = c.createStatement()) {
                s.execute("DROP VIEW IF EXISTS " + view);
                s.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anotherSessionsUncommittedChangeIsNotInTheFingerprint(TestDatabase db) throws SQLException {
        Engine engine = engineOf(db);
        if (engine.ddlCommitsTransaction()) {
            return; // nothing stays uncommitted: the first test shows it
        }
        String table = name("veil_fp_t");
        try (Connection mine = db.openRaw(); Connection other = db.openRaw()) {
            String before = engine.schemaFingerprint().read(other);
            mine.setAutoCommit(false);
            try (Statement s = mine.createStatement()) {
                s.execute("CREATE TABLE " + table + " (x INT)");
            }
            assertThat(engine.schemaFingerprint().read(mine)).as("its own transaction sees it").isNotEqualTo(before);
            assertThat(engine.schemaFingerprint().read(other)).as("others do not").isEqualTo(before);
            mine.rollback();
            assertThat(engine.schemaFingerprint().read(mine)).as("rolled back").isEqualTo(before);
        }
    }
}
