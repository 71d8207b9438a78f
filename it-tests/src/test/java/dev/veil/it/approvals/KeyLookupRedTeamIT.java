package dev.veil.it.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabase.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Statements that read many rows of a table with unique keys while looking like a lookup by one: each is held before
 * it runs (approvals.exportRows is 10, the table 300 rows). And the row guard behind every estimate: a read whose
 * estimate was too small stops at the limit however the caller moves the cursor, and stays stopped.
 */
class KeyLookupRedTeamIT {

    private static final String TABLE = "rtkeys_people";
    private static final int LIMIT = 10;

    @TempDir
    Path dir;

    private Properties policy() throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "version: 1\napprovals:\n  exportRows: " + LIMIT + "\n  writeRows: 0\n  ddl: false\n"
                + "  dmlWithoutWhere: false\n");
        Properties props = new Properties();
        props.setProperty("veil.policy", policy.toString());
        return props;
    }

    private static void raw(TestDatabase db, String... sqls) throws SQLException {
        try (Connection raw = db.openRaw(); Statement s = raw.createStatement()) {
            for (String sql : sqls) {
                s.execute(sql);
            }
        }
    }

    private static String analyze(TestDatabase db, String table) {
        return switch (db.engine()) {
            case POSTGRESQL -> "ANALYZE " + table;
            case MARIADB -> "ANALYZE TABLE " + table;
            case H2 -> "ANALYZE TABLE " + table;
        };
    }

    /** {@code rows} rows: id 1.., code 1000+id, name 'n'+id, grp id % 3. */
    private static void people(TestDatabase db, String table, int rows) throws SQLException {
        raw(db, "DROP TABLE IF EXISTS " + table, "CREATE TABLE " + table
                + " (id INT PRIMARY KEY, code INT UNIQUE, name VARCHAR(40) UNIQUE, grp INT)");
        try (Connection raw = db.openRaw();
             PreparedStatement p = raw.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?)")) {
            for (int i = 1; i <= rows; i++) {
                p.setInt(1, i);
                p.setInt(2, 1000 + i);
                p.setString(3, "n" + i);
                p.setInt(4, i % 3);
                p.addBatch();
            }
            p.executeBatch();
        }
        raw(db, analyze(db, table));
    }

    private static int rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    /** Held before it runs: the estimate, not the row guard, stopped it. */
    private static void assertHeld(ThrowingRun run, String what) {
        assertThatThrownBy(run::run).as(what).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("42VA1");
            assertThat(e.getMessage()).contains("needs approval").contains("approvals.exportRows");
        });
    }

    @FunctionalInterface
    private interface ThrowingRun {
        void run() throws Exception;
    }

    private static List<String> manyRowStatements(Engine engine) {
        String t = TABLE;
        List<String> sql = new ArrayList<>(List.of(
                "SELECT * FROM " + t + " WHERE id = 1 OR 1=1",
                "SELECT * FROM " + t + " WHERE id = - 1 OR TRUE",
                "SELECT * FROM " + t + " WHERE id = 1 AND 1 = 1 OR grp = 1",
                "SELECT * FROM " + t + " b, " + t + " c WHERE b.id = 1",
                "SELECT * FROM " + t + " WHERE id = 1 UNION ALL SELECT * FROM " + t,
                "SELECT * FROM rtkeys_pairs WHERE id = 1",
                "SELECT * FROM " + t + " WHERE id = 1 /* x */ OR 1=1",
                "SELECT * FROM " + t + " WHERE id = 1 -- x\n OR 1=1"));
        if (engine == Engine.POSTGRESQL) {
            // comments nest; E'' and $$ strings end where PostgreSQL ends them
            sql.add("SELECT * FROM " + t + " WHERE true /* /* */ AND id = 1 -- */");
            sql.add("SELECT * FROM " + t + " WHERE id = 1 AND name = E'\\'' OR 1=1 -- '");
            sql.add("SELECT * FROM " + t + " WHERE id = 1 AND name = $$ ' $$ OR 1=1 -- '");
        }
        if (engine == Engine.MARIADB) {
            // "id" is a string, 0 as a number: true for every row; executable comments; backslash escapes
            sql.add("SELECT * FROM " + t + " WHERE \"id\" = 0");
            sql.add("SELECT * FROM " + t + " WHERE id = 1 /*! OR 1=1 */");
            sql.add("SELECT * FROM " + t + " WHERE id = 1 /*M! OR 1=1 */");
            sql.add("SELECT * FROM " + t + " WHERE id = 1 AND name = '\\'' OR 1=1 -- '");
            sql.add("SELECT * FROM " + t + " WHERE id = 1 #\n OR 1=1");
        }
        return sql;
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void statementsReadingManyRowsAreNotKeyLookups(TestDatabase db) throws Exception {
        people(db, TABLE, 300);
        raw(db, "DROP VIEW IF EXISTS rtkeys_pairs", "CREATE VIEW rtkeys_pairs AS SELECT b.id, b.name FROM " + TABLE
                + " b CROSS JOIN " + TABLE + " c");
        try (Connection veil = db.openVeil(policy())) {
            assertThat(rows(veil, "SELECT * FROM " + TABLE + " WHERE id = 1")).isEqualTo(1);
            for (String sql : manyRowStatements(db.engine())) {
                assertHeld(() -> rows(veil, sql), sql);
            }
        } finally {
            raw(db, "DROP VIEW IF EXISTS rtkeys_pairs", "DROP TABLE IF EXISTS " + TABLE);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void aParameterDoesNotPinACharacterKey(TestDatabase db) throws Exception {
        String table = "rtkeys_names";
        raw(db, "DROP TABLE IF EXISTS " + table, "CREATE TABLE " + table + " (name VARCHAR(200) PRIMARY KEY)");
        try (Connection raw = db.openRaw();
             PreparedStatement p = raw.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            for (int i = 0; i < 100; i++) {
                // PostgreSQL keeps trailing spaces apart in varchar keys; MariaDB's PAD SPACE collations do not
                p.setString(1, db.engine() == Engine.POSTGRESQL ? "a" + " ".repeat(i) : "a" + i);
                p.executeUpdate();
            }
        }
        raw(db, analyze(db, table));
        try (Connection veil = db.openVeil(policy());
             PreparedStatement p = veil.prepareStatement("SELECT name FROM " + table + " WHERE name = ?")) {
            // bound as bpchar on PostgreSQL, 'a' equals all 100 keys: a parameter is estimated, never a lookup
            p.setObject(1, "a", Types.CHAR);
            assertHeld(() -> p.executeQuery().close(), "a CHAR parameter against a varchar key");
        } finally {
            raw(db, "DROP TABLE IF EXISTS " + table);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#servers")
    void aTemporaryTableHidingAKeyedTableIsEstimated(TestDatabase db) throws Exception {
        people(db, TABLE, 300);
        boolean pg = db.engine() == Engine.POSTGRESQL;
        try (Connection veil = db.openVeil(policy()); Connection other = db.openVeil(policy());
             Statement s = veil.createStatement()) {
            assertThat(rows(veil, "SELECT * FROM " + TABLE + " WHERE id = 1")).isEqualTo(1);
            s.execute((pg ? "CREATE TEMP TABLE " : "CREATE TEMPORARY TABLE ") + TABLE
                    + " (id INT, code INT, name VARCHAR(40), grp INT)");
            s.execute("INSERT INTO " + TABLE + (pg ? " SELECT 1, g, 'x', g FROM generate_series(1, 300) g"
                    : " SELECT 1, seq, 'x', seq FROM seq_1_to_300"));
            // the session reads its temporary table, without the stored table's primary key: 300 rows of id 1,
            // estimated by the database (PostgreSQL guesses for a table never analyzed: the row guard may stop it)
            for (String sql : List.of("SELECT * FROM " + TABLE + " WHERE id = 1",
                    "SELECT id FROM " + TABLE + " WHERE id = 1 AND grp > 0")) {
                if (pg) {
                    assertThatThrownBy(() -> rows(veil, sql)).as(sql).isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("42VA1"));
                } else {
                    assertHeld(() -> rows(veil, sql), sql);
                }
            }
            // another session still reads the stored table, one row
            assertThat(rows(other, "SELECT * FROM " + TABLE + " WHERE id = 2")).isEqualTo(1);
        } finally {
            raw(db, "DROP TABLE IF EXISTS " + TABLE);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void theRowGuardCountsEveryRowTheCursorLandsOnAndStaysShut(TestDatabase db) throws Exception {
        String table = "rtkeys_grown";
        raw(db, "DROP TABLE IF EXISTS " + table, "CREATE TABLE " + table + " (id INT, grp INT)",
                "INSERT INTO " + table + " VALUES (1, 1), (2, 1)", analyze(db, table));
        String sql = "SELECT id FROM " + table;
        try (Connection veil = db.openVeil(policy())) {
            // estimated at two rows; the estimate is kept for the catalog version while the table grows
            assertThat(rows(veil, sql)).isEqualTo(2);
            try (Connection raw = db.openRaw();
                 PreparedStatement p = raw.prepareStatement("INSERT INTO " + table + " VALUES (?, 1)")) {
                for (int i = 3; i <= 300; i++) {
                    p.setInt(1, i);
                    p.addBatch();
                }
                p.executeBatch();
            }
            raw(db, analyze(db, table));
            try (Statement s = veil.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY)) {
                assertThat(readByAbsolute(s.executeQuery(sql))).isLessThanOrEqualTo(LIMIT);
                assertThat(readBackwards(s.executeQuery(sql))).isLessThanOrEqualTo(LIMIT);
            }
            try (Statement s = veil.createStatement()) {
                assertThat(readPastRefusals(s.executeQuery(sql))).isLessThanOrEqualTo(LIMIT);
            }
        } finally {
            raw(db, "DROP TABLE IF EXISTS " + table);
        }
    }

    /** Reads rows 1, 2, … by {@code absolute}, going on after refusals; the count of rows read. */
    private static int readByAbsolute(ResultSet rs) {
        int read = 0;
        int refusals = 0;
        for (int row = 1; row <= 400; row++) {
            try {
                if (!rs.absolute(row)) {
                    break;
                }
            } catch (SQLException e) {
                assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("42VA1");
                refusals++;
            }
            if (!readable(rs)) {
                break;
            }
            read++;
        }
        assertThat(refusals).as("refused past the limit").isPositive();
        return read;
    }

    private static int readBackwards(ResultSet rs) throws SQLException {
        rs.afterLast();
        int read = 0;
        try {
            while (rs.previous()) {
                read++;
            }
        } catch (SQLException e) {
            assertThat(e.getSQLState()).isEqualTo("42VA1");
            assertThat(readable(rs)).as("the refused row").isFalse();
            return read;
        }
        throw new AssertionError("read " + read + " rows backwards without a refusal");
    }

    /** Catches each refusal of {@code next} and reads on. */
    private static int readPastRefusals(ResultSet rs) {
        int read = 0;
        int refusals = 0;
        while (refusals < 400) {
            try {
                if (!rs.next()) {
                    break;
                }
            } catch (SQLException e) {
                assertThat(e.getSQLState()).isEqualTo("42VA1");
                refusals++;
            }
            if (!readable(rs)) {
                break;
            }
            read++;
        }
        assertThat(refusals).as("refused past the limit").isPositive();
        return read;
    }

    private static boolean readable(ResultSet rs) {
        try {
            rs.getInt(1);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
