package dev.veil.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On H2, whose estimate is the table's row count, a lookup by a unique key of a table larger than {@code
 * approvals.exportRows} is one row, proven from the catalog, and runs; every other read of the table is still held,
 * and so is the lookup once its key is dropped.
 */
class KeyLookupEstimateTest {

    @TempDir
    Path dir;

    private static final String URL = "h2:mem:keylookup;DB_CLOSE_DELAY=-1";

    private static int rows(Connection c, String sql) throws SQLException {
        int n = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }

    private static void assertHeld(Connection c, String sql) {
        assertThatThrownBy(() -> rows(c, sql)).as(sql).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("42VA1");
            assertThat(e.getMessage()).contains("approvals.exportRows");
        });
    }

    @Test
    void aUniqueKeyLookupIsOneRowAndEverythingElseIsEstimated() throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "version: 1\napprovals:\n  exportRows: 100\n");
        Properties props = new Properties();
        props.setProperty("veil.policy", policy.toString());
        try (Connection raw = DriverManager.getConnection("jdbc:" + URL);
             Statement s = raw.createStatement()) {
            s.execute("CREATE TABLE keyed (id INT PRIMARY KEY, login VARCHAR(80) UNIQUE, city VARCHAR(40),"
                    + " a INT, b INT, UNIQUE (a, b))");
            s.execute("INSERT INTO keyed SELECT x, 'u' || x, 'c' || MOD(x, 5), MOD(x, 10), x"
                    + " FROM SYSTEM_RANGE(1, 500)");
            try (Connection veil = DriverManager.getConnection("jdbc:veil:" + URL, props)) {
                for (int id = 1; id <= 20; id++) {
                    assertThat(rows(veil, "SELECT id, login FROM keyed WHERE id = " + id)).isEqualTo(1);
                }
                assertThat(rows(veil, "SELECT city FROM keyed WHERE login = 'u7'")).isEqualTo(1);
                assertThat(rows(veil, "SELECT city FROM keyed WHERE b = 9 AND a = 9 AND city <> 'x'")).isEqualTo(1);
                // prepared with a parameter: one row too, whatever is bound (the table's statistics would hold it)
                try (PreparedStatement p = veil.prepareStatement("SELECT id, login FROM keyed WHERE id = ?")) {
                    p.setString(1, "8");
                    try (ResultSet rs = p.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                    }
                }
                try (PreparedStatement p = veil.prepareStatement("SELECT id FROM keyed WHERE city = ?")) {
                    p.setString(1, "c1");
                    assertThatThrownBy(p::executeQuery).isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("42VA1"));
                }
                // not a key, part of a key, an OR, a range: estimated, and the table is larger than the threshold
                assertHeld(veil, "SELECT id FROM keyed WHERE city = 'c1'");
                assertHeld(veil, "SELECT id FROM keyed WHERE a = 1");
                assertHeld(veil, "SELECT id FROM keyed WHERE id = 1 OR id = 2");
                assertHeld(veil, "SELECT id FROM keyed WHERE id IN (1, 2)");
                assertHeld(veil, "SELECT id FROM keyed WHERE id > 0");
                // a key compared otherwise than as the key is
                assertHeld(veil, "SELECT id FROM keyed WHERE id = '1'");
                // the key dropped outside Veil: once the catalog is read again, the lookup is estimated again
                s.execute("ALTER TABLE keyed DROP CONSTRAINT " + primaryKey(s));
                Thread.sleep(1_200);
                assertHeld(veil, "SELECT id, login FROM keyed WHERE id = 21");
                assertHeld(veil, "SELECT id, login FROM keyed WHERE id = 3");
            } finally {
                s.execute("DROP TABLE keyed");
            }
        }
    }

    private static String primaryKey(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                + " WHERE TABLE_NAME = 'KEYED' AND CONSTRAINT_TYPE = 'PRIMARY KEY'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
