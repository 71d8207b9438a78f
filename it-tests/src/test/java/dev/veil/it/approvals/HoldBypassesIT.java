package dev.veil.it.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabase.Engine;
import dev.veil.it.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Statements that change many rows or the schema in disguise are held for approval — or refused — and never run
 * unapproved; harmless neighbours of each still run. The policy holds writes above 100 rows and has no approval
 * server, so a held statement fails at once with {@code 42VA1} before the database sees it; every check reads the
 * table back through the vendor driver.
 */
class HoldBypassesIT {

    /** Rows made by a recursive CTE: PostgreSQL and MariaDB estimate a few where it makes 900. */
    private static final String RECURSIVE_INSERT = "INSERT INTO rh_copy WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL"
            + " SELECT n + 1 FROM r WHERE n < 900) SELECT n + 5000, n FROM r";

    private static final String HELD = "42VA1";
    private static final String REFUSED = "42501";
    private static final long ROWS = 2000;
    private static final long SUM = ROWS * (ROWS + 1) / 2;

    @TempDir
    Path dir;

    private Path policy;

    @BeforeEach
    void writePolicy() throws Exception {
        policy = dir.resolve("policy.yaml");
        Files.writeString(policy, """
                version: 1
                approvals:
                  exportRows: 1000
                  writeRows: 100
                """);
    }

    private static void seed(TestDatabase db) throws SQLException {
        try (Connection raw = db.openRaw(); Statement s = raw.createStatement()) {
            for (String table : List.of("rh_small", "rh_copy", "rh_rows")) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
            s.execute("CREATE TABLE rh_rows (id INT PRIMARY KEY, x INT)");
            s.execute("CREATE TABLE rh_copy (id INT PRIMARY KEY, x INT)");
            s.execute("CREATE TABLE rh_small (id INT PRIMARY KEY, x INT)");
            s.execute(switch (db.engine()) {
                case H2 -> "INSERT INTO rh_rows SELECT X, X FROM SYSTEM_RANGE(1, " + ROWS + ")";
                case POSTGRESQL -> "INSERT INTO rh_rows SELECT g, g FROM generate_series(1, " + ROWS + ") g";
                case MARIADB -> "INSERT INTO rh_rows SELECT seq, seq FROM seq_1_to_" + ROWS;
            });
            s.execute("INSERT INTO rh_copy SELECT id, x FROM rh_rows");
            s.execute("INSERT INTO rh_small SELECT id, x FROM rh_rows WHERE id <= 10");
            for (String table : List.of("rh_rows", "rh_copy", "rh_small")) {
                s.execute(db.engine() == Engine.POSTGRESQL ? "ANALYZE " + table : "ANALYZE TABLE " + table);
            }
        }
    }

    private Connection veil(TestDatabase db) throws SQLException {
        Properties props = new Properties();
        props.setProperty("veil.policy", policy.toString());
        if (db.engine() == Engine.MARIADB) {
            // MariaDB runs a text of several statements only when asked to: ask, so that such a text would run
            props.setProperty("allowMultiQueries", "true");
        }
        return db.openVeil(props);
    }

    /** How many rows each large table has and the sum of their x: what any write would change. */
    private static String contents(TestDatabase db) throws SQLException {
        return contents(db, List.of("rh_rows", "rh_copy"));
    }

    private static String contents(TestDatabase db, List<String> tables) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection raw = db.openRaw(); Statement s = raw.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(x) FROM " + table)) {
                    rs.next();
                    out.append(table).append('=').append(rs.getLong(1)).append('/').append(rs.getLong(2)).append(' ');
                }
            }
        }
        return out.toString().trim();
    }

    private static final String UNTOUCHED = "rh_rows=" + ROWS + "/" + SUM + " rh_copy=" + ROWS + "/" + SUM;

    static Stream<Arguments> disguisedWrites() {
        List<Arguments> cases = new ArrayList<>();
        for (TestDatabase db : TestDatabases.all()) {
            Engine e = db.engine();
            List<String> sqls = new ArrayList<>(List.of(
                    "UPDATE rh_rows SET x = 0 WHERE 1 = 1",
                    "UPDATE rh_rows SET x = 0 WHERE id = id",
                    "UPDATE rh_rows SET x = 0 WHERE NOT (1 = 0)",
                    "DELETE FROM rh_rows WHERE id IN (SELECT id FROM rh_copy)",
                    "DELETE FROM rh_rows WHERE id = 1 OR 1 = 1",
                    "UPDATE rh_rows SET x = 0 WHERE id = 1 OR x >= 0",
                    "UPDATE rh_rows SET x = 0 WHERE (id = 1 OR id > 1) AND x >= 0",
                    "DELETE FROM rh_rows WHERE id = x - x + 1 OR id > 0",
                    "DELETE FROM rh_rows WHERE NOT (id = 1)",
                    "INSERT INTO rh_copy SELECT id + " + ROWS + ", x FROM rh_rows",
                    "SELECT 1; DELETE FROM rh_rows WHERE id > 0",
                    "/* note */ DELETE FROM rh_rows WHERE id > 0"));
            switch (e) {
                case POSTGRESQL -> sqls.addAll(List.of(
                        "EXPLAIN ANALYZE DELETE FROM rh_rows",
                        "EXPLAIN (ANALYZE) UPDATE rh_rows SET x = 0 WHERE id > 0",
                        "EXPLAIN (ANALYZE TRUE, FORMAT JSON) DELETE FROM rh_rows WHERE id > 0",
                        "EXPLAIN ANALYSE DELETE FROM rh_rows",
                        "EXPLAIN (ANALYSE) DELETE FROM rh_rows",
                        "WITH d AS (DELETE FROM rh_rows RETURNING id) SELECT COUNT(*) FROM d",
                        "DO $$ BEGIN EXECUTE 'DELETE FROM rh_rows'; END $$",
                        "DELETE FROM rh_rows USING rh_copy WHERE rh_rows.id = rh_copy.id",
                        "MERGE INTO rh_copy USING rh_rows ON rh_copy.id = rh_rows.id"
                                + " WHEN MATCHED THEN UPDATE SET x = 0",
                        "INSERT INTO rh_copy SELECT id, x FROM rh_rows ON CONFLICT (id) DO UPDATE SET x = 0",
                        "INSERT INTO rh_copy SELECT g + 5000, g FROM generate_series(1, 5000) g",
                        "INSERT INTO rh_copy SELECT 5000 + n, n FROM unnest(ARRAY(SELECT generate_series(1, 5000)))"
                                + " n",
                        RECURSIVE_INSERT));
                case MARIADB -> sqls.addAll(List.of(
                        "ANALYZE DELETE FROM rh_rows",
                        "ANALYZE UPDATE rh_rows SET x = 0 WHERE id > 0",
                        "ANALYZE FORMAT=JSON DELETE FROM rh_rows WHERE id > 0",
                        "/*! DELETE FROM rh_rows */",
                        "DELETE FROM rh_rows WHERE id > 0 /*! OR 1 = 1 */",
                        "DELETE FROM rh_rows WHERE id = 1 /*! OR 1 = 1 */",
                        "UPDATE rh_rows SET x = 0 WHERE id = 1 /*M! OR 1 = 1 */",
                        "UPDATE rh_rows JOIN rh_copy ON rh_rows.id = rh_copy.id SET rh_rows.x = 0",
                        "DELETE rh_rows, rh_copy FROM rh_rows JOIN rh_copy ON rh_rows.id = rh_copy.id",
                        "REPLACE INTO rh_copy SELECT id, 0 FROM rh_rows",
                        "INSERT INTO rh_copy SELECT id, x FROM rh_rows ON DUPLICATE KEY UPDATE x = 0",
                        "DELETE FROM rh_rows WHERE id > 0 LIMIT 1500",
                        "INSERT INTO rh_copy SELECT seq + 5000, seq FROM seq_1_to_5000",
                        RECURSIVE_INSERT));
                case H2 -> sqls.addAll(List.of(
                        "EXPLAIN ANALYZE DELETE FROM rh_rows",
                        "EXPLAIN ANALYZE UPDATE rh_rows SET x = 0 WHERE id > 0",
                        "MERGE INTO rh_copy KEY (id) SELECT id, 0 FROM rh_rows",
                        "MERGE INTO rh_copy (id, x) KEY (id) SELECT id, 0 FROM rh_rows WHERE id > 0",
                        "MERGE INTO rh_copy USING rh_rows ON rh_copy.id = rh_rows.id WHEN MATCHED THEN DELETE",
                        "INSERT INTO rh_copy SELECT X + 5000, X FROM SYSTEM_RANGE(1, 5000)",
                        RECURSIVE_INSERT));
            }
            sqls.forEach(sql -> cases.add(Arguments.of(db, sql)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("disguisedWrites")
    void aDisguisedLargeWriteIsHeldOrRefusedAndChangesNothing(TestDatabase db, String sql) throws Exception {
        seed(db);
        try (Connection c = veil(db); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute(sql)).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).as(e.getMessage()).isIn(HELD, REFUSED));
        }
        assertThat(contents(db)).isEqualTo(UNTOUCHED);
    }

    static Stream<TestDatabase> engines() {
        return TestDatabases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aBatchedStatementThatNeedsApprovalIsRefusedWhenAddedAndTheBatchRunsNothingOfIt(TestDatabase db)
            throws Exception {
        seed(db);
        try (Connection c = veil(db); Statement s = c.createStatement()) {
            s.addBatch("DELETE FROM rh_small WHERE id = 1");
            for (String held : List.of("DELETE FROM rh_rows WHERE id > 10", "UPDATE rh_rows SET x = 0 WHERE 1 = 1",
                    "INSERT INTO rh_copy SELECT id + " + ROWS + ", x FROM rh_rows", "DROP TABLE rh_copy")) {
                assertThatThrownBy(() -> s.addBatch(held)).as(held).isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo(HELD);
                    assertThat(e.getMessage()).contains("approvals.", "batch");
                });
            }
            // the batch runs what was admitted to it: one small write
            assertThat(s.executeLargeBatch()).containsExactly(1L);
        }
        assertThat(contents(db)).isEqualTo(UNTOUCHED);
        assertThat(contents(db, List.of("rh_small"))).isEqualTo("rh_small=9/54");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void smallWritesAndPlainExplainsOfLargeOnesStillRun(TestDatabase db) throws Exception {
        seed(db);
        try (Connection c = veil(db); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("EXPLAIN DELETE FROM rh_rows WHERE id > 0")) {
                assertThat(rs.next()).isTrue();
            }
            s.addBatch("UPDATE rh_small SET x = x + 1 WHERE id = 1");
            s.addBatch("UPDATE rh_small SET x = x + 1 WHERE id = 2");
            assertThat(s.executeBatch()).containsExactly(1, 1);
            assertThat(s.executeUpdate(db.engine() == Engine.H2 ? "MERGE INTO rh_small KEY (id) VALUES (3, 4)"
                    : "UPDATE rh_small SET x = 4 WHERE id = 3")).isEqualTo(1);
            s.execute("SELECT 1; UPDATE rh_small SET x = x + 1 WHERE id = 4");
            // a query over no table whose select list is values only makes one row, as a VALUES row does
            assertThat(s.executeUpdate("INSERT INTO rh_small SELECT 12, 0")).isEqualTo(1);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO rh_small (id, x) VALUES (?, ?)")) {
                p.setInt(1, 11);
                p.setInt(2, 0);
                assertThat(p.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO rh_small (id, x) SELECT ?, ?")) {
                p.setInt(1, 13);
                p.setInt(2, 0);
                assertThat(p.executeUpdate()).isEqualTo(1);
            }
            // a write by its table's key changes one row, however large the table: no estimate, no hold
            try (PreparedStatement p = c.prepareStatement("UPDATE rh_rows SET x = x WHERE id = ?")) {
                p.setInt(1, 7);
                assertThat(p.executeUpdate()).isEqualTo(1);
            }
            assertThat(s.executeUpdate("UPDATE rh_rows SET x = x WHERE id = 8 AND x >= 0")).isEqualTo(1);
            try (PreparedStatement p = c.prepareStatement("DELETE FROM rh_rows WHERE id = ?")) {
                p.setInt(1, (int) ROWS + 1);
                assertThat(p.executeUpdate()).isZero();
            }
        }
        assertThat(contents(db)).isEqualTo(UNTOUCHED);
        assertThat(contents(db, List.of("rh_small"))).isEqualTo("rh_small=13/59");
    }
}
