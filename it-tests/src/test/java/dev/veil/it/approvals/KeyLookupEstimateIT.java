package dev.veil.it.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.it.support.StatementCountingDriver;
import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabase.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A plain statement that looks a row up by a unique key is estimated at one row from the catalog: new literals cost
 * no EXPLAIN (counted client-side, on the vendor connection Veil uses). Everything that is not such a lookup — a
 * column without a unique key, an OR, a partial unique index, a key dropped outside Veil — is still estimated by the
 * database, and a large export is still held.
 */
class KeyLookupEstimateIT {

    private static final String TABLE = "keylookup_people";
    private static final int ROWS = 1000;

    @TempDir
    Path dir;

    private static void createTable(TestDatabase db) throws SQLException {
        try (Connection raw = db.openRaw(); Statement s = raw.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("CREATE TABLE " + TABLE + " (id INT PRIMARY KEY, email VARCHAR(80), code INT, part INT,"
                    + " city VARCHAR(40))");
            s.execute("CREATE UNIQUE INDEX keylookup_code ON " + TABLE + " (code)");
            // so that both engines estimate a city's rows, not the table's
            s.execute("CREATE INDEX keylookup_city ON " + TABLE + " (city)");
            if (db.engine() == Engine.POSTGRESQL) {
                s.execute("CREATE UNIQUE INDEX keylookup_part ON " + TABLE + " (part) WHERE part > 500");
            }
            raw.setAutoCommit(false);
            try (PreparedStatement p = raw.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= ROWS; i++) {
                    p.setInt(1, i);
                    p.setString(2, "user" + i + "@example.com");
                    p.setInt(3, 100_000 + i);
                    // below the partial index's predicate every row shares one value
                    p.setInt(4, i > 500 ? i : 1);
                    p.setString(5, "city" + (i % 50));
                    p.addBatch();
                }
                p.executeBatch();
            }
            raw.commit();
            raw.setAutoCommit(true);
            analyze(db, s);
        }
    }

    private static void analyze(TestDatabase db, Statement s) throws SQLException {
        s.execute((db.engine() == Engine.POSTGRESQL ? "ANALYZE " : "ANALYZE TABLE ") + TABLE);
    }

    private static int rows(Connection c, String sql) throws SQLException {
        int n = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }

    private static long explains() {
        return StatementCountingDriver.count("EXPLAIN", TABLE);
    }

    private static void assertHeld(Connection c, String sql) {
        assertThatThrownBy(() -> rows(c, sql)).as(sql).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("42VA1");
            assertThat(e.getMessage()).contains("approvals.exportRows");
        });
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#servers")
    void keyLookupsAskNoEstimateAndEverythingElseStillDoes(TestDatabase db) throws Exception {
        createTable(db);
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "version: 1\napprovals:\n  exportRows: 100\n");
        Properties props = new Properties();
        props.setProperty("veil.policy", policy.toString());
        props.setProperty("veil.targetDriver", StatementCountingDriver.class.getName());
        try (Connection raw = db.openRaw(); Statement admin = raw.createStatement();
             Connection veil = db.openVeil(props)) {
            long before = explains();
            // (a) lookups by the primary key and by a unique index, a new literal each time: no EXPLAIN at all
            for (int id = 1; id <= 30; id++) {
                assertThat(rows(veil, "SELECT id, email FROM " + TABLE + " WHERE id = " + id)).isEqualTo(1);
                assertThat(rows(veil, "SELECT email, city FROM " + TABLE + " WHERE code = " + (100_000 + id)))
                        .isEqualTo(1);
            }
            assertThat(rows(veil, "SELECT id FROM " + TABLE + " WHERE id = 999999")).isZero();
            assertThat(explains() - before).isZero();
            // prepared with a parameter: one row too (the table's statistics, 1000 rows, would hold it)
            try (PreparedStatement p = veil.prepareStatement("SELECT id, email FROM " + TABLE + " WHERE id = ?")) {
                for (int id = 1; id <= 3; id++) {
                    p.setInt(1, id);
                    try (ResultSet rs = p.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                    }
                }
            }

            // (b) not a key lookup: the database estimates each new text
            before = explains();
            assertThat(rows(veil, "SELECT id FROM " + TABLE + " WHERE city = 'city1'")).isEqualTo(20);
            assertThat(rows(veil, "SELECT id FROM " + TABLE + " WHERE city = 'city2'")).isEqualTo(20);
            assertThat(rows(veil, "SELECT id FROM " + TABLE + " WHERE id = 1 OR id = 2")).isEqualTo(2);
            assertThat(explains() - before).isEqualTo(3);
            assertHeld(veil, "SELECT id, email FROM " + TABLE + " WHERE id > 0");
            assertHeld(veil, "SELECT id, email FROM " + TABLE + " WHERE city <> 'x' OR id = 1");
            if (db.engine() == Engine.POSTGRESQL) {
                // a partial unique index proves nothing: part = 1 is 500 rows
                before = explains();
                assertHeld(veil, "SELECT id, email FROM " + TABLE + " WHERE part = 1");
                assertThat(explains() - before).isEqualTo(1);
            }

            // the unique index dropped outside Veil, its column now shared by every row: once the catalog is read
            // again, the lookup is estimated again and held as the export it has become
            admin.execute(db.engine() == Engine.POSTGRESQL ? "DROP INDEX keylookup_code"
                    : "DROP INDEX keylookup_code ON " + TABLE);
            admin.execute("UPDATE " + TABLE + " SET code = 7");
            analyze(db, admin);
            Thread.sleep(1_200);
            before = explains();
            assertHeld(veil, "SELECT email, city FROM " + TABLE + " WHERE code = 7");
            assertThat(explains() - before).isGreaterThanOrEqualTo(1);
            // the primary key still proves its lookups
            before = explains();
            assertThat(rows(veil, "SELECT id, email FROM " + TABLE + " WHERE id = 31")).isEqualTo(1);
            assertThat(explains() - before).isZero();
        } finally {
            try (Connection raw = db.openRaw(); Statement s = raw.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + TABLE);
            }
        }
    }
}
