package dev.veil.it.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabase.Engine;
import dev.veil.it.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Classification follows the stored values, not the name in the statement: a rule on {@code pi_customers.notes}
 * masks the notes read through a partition, an inheritance parent, a synonym or a view over them, and a table holding
 * sensitive columns cannot be renamed out from under its rules through any statement the database accepts for it.
 */
class PhysicalIdentityIT {

    private static final String POLICY = """
            version: 1
            columns:
              - match: pi_customers.notes
                class: free_text
              - match: pi_hist.notes
                class: free_text
              - match: "public.pi_plain.notes"
                class: free_text
            """;

    @TempDir
    Path dir;

    private Connection veil(TestDatabase db) throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, POLICY);
        Properties props = new Properties();
        props.setProperty("veil.policy", policy.toString());
        return db.openVeil(props);
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void valuesAreMaskedWhereverTheyAreStoredUnderAnotherName(TestDatabase db) throws Exception {
        try (Connection raw = db.openRaw()) {
            drop(raw, db.engine());
            try {
                switch (db.engine()) {
                    case POSTGRESQL -> {
                        exec(raw, "CREATE TABLE pi_customers (id INT, notes VARCHAR(100)) PARTITION BY RANGE (id)");
                        exec(raw, "CREATE TABLE pi_customers_p1 PARTITION OF pi_customers FOR VALUES FROM (MINVALUE)"
                                + " TO (MAXVALUE)");
                        exec(raw, "CREATE TABLE pi_base (id INT, notes VARCHAR(100))");
                        exec(raw, "CREATE TABLE pi_hist () INHERITS (pi_base)");
                        exec(raw, "INSERT INTO pi_hist VALUES (3, 'gamma hidden')");
                        exec(raw, "CREATE VIEW pi_v AS SELECT id, notes AS n FROM pi_customers_p1");
                    }
                    case MARIADB -> exec(raw, "CREATE TABLE pi_customers (id INT, notes VARCHAR(100))"
                            + " PARTITION BY HASH (id) PARTITIONS 2");
                    case H2 -> {
                        exec(raw, "CREATE TABLE pi_customers (id INT, notes VARCHAR(100))");
                        exec(raw, "CREATE SYNONYM pi_syn FOR pi_customers");
                    }
                }
                exec(raw, "INSERT INTO pi_customers VALUES (1, 'alpha hidden'), (2, 'beta hidden')");
                try (Connection veil = veil(db)) {
                    List<String> masked = List.of("***", "***");
                    switch (db.engine()) {
                        case POSTGRESQL -> {
                            assertThat(strings(veil, "SELECT notes FROM pi_customers_p1 ORDER BY id"))
                                    .isEqualTo(masked);
                            assertThat(strings(veil, "SELECT n FROM pi_v ORDER BY id")).isEqualTo(masked);
                            assertThat(strings(veil, "SELECT notes FROM pi_base ORDER BY id")).containsExactly("***");
                            assertThat(strings(veil, "SELECT upper(notes) FROM pi_customers_p1 ORDER BY id"))
                                    .doesNotContain("ALPHA HIDDEN", "BETA HIDDEN");
                        }
                        case MARIADB -> assertThat(strings(veil,
                                "SELECT notes FROM pi_customers PARTITION (p0, p1) ORDER BY id")).isEqualTo(masked);
                        case H2 -> {
                            assertThat(strings(veil, "SELECT notes FROM pi_syn ORDER BY id")).isEqualTo(masked);
                            assertThat(strings(veil, "SELECT * FROM pi_syn ORDER BY id")).isEqualTo(masked);
                            assertThat(strings(veil, "SELECT pi_customers.notes FROM pi_syn ORDER BY id"))
                                    .isEqualTo(masked);
                        }
                    }
                }
            } finally {
                drop(raw, db.engine());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void everyRenameOfASensitiveTableIsRefused(TestDatabase db) throws Exception {
        List<String> renames = switch (db.engine()) {
            case POSTGRESQL -> List.of("ALTER INDEX pi_customers RENAME TO pi_x",
                    "ALTER TABLE pi_customers RENAME TO pi_x", "ALTER TABLE IF EXISTS ONLY pi_customers RENAME TO pi_x",
                    "ALTER SEQUENCE pi_customers RENAME TO pi_x");
            case MARIADB -> List.of("RENAME TABLE pi_customers TO pi_x", "ALTER TABLE pi_customers RENAME pi_x",
                    "ALTER TABLE pi_customers RENAME TO pi_x", "RENAME TABLE pi_other TO pi_y, pi_customers TO pi_x");
            case H2 -> List.of("ALTER TABLE pi_customers RENAME TO pi_x");
        };
        try (Connection raw = db.openRaw()) {
            drop(raw, db.engine());
            try {
                exec(raw, "CREATE TABLE pi_customers (id INT, notes VARCHAR(100))");
                exec(raw, "CREATE TABLE pi_other (id INT)");
                try (Connection veil = veil(db); Statement s = veil.createStatement()) {
                    for (String rename : renames) {
                        assertThatThrownBy(() -> s.execute(rename)).as(rename).isInstanceOf(SQLException.class)
                                .hasMessageContaining("ddl-on-sensitive")
                                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
                    }
                }
                assertThat(strings(raw, "SELECT COUNT(*) FROM pi_customers")).containsExactly("0");
            } finally {
                drop(raw, db.engine());
            }
        }
    }

    @Test
    void aTemporaryTableResolvesWhereTheDatabaseSearchesIt() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        try (Connection raw = db.openRaw()) {
            drop(raw, db.engine());
            try {
                exec(raw, "CREATE TABLE pi_plain (id INT, notes VARCHAR(100))");
                exec(raw, "INSERT INTO pi_plain VALUES (1, 'alpha hidden')");
                try (Connection veil = veil(db); Statement s = veil.createStatement()) {
                    // pg_temp listed last: the base table shadows the temporary one, whose notes no rule names
                    s.execute("SET search_path = public, pg_temp");
                    s.execute("CREATE TEMPORARY TABLE pi_plain (id INT, notes VARCHAR(100))");
                    assertThat(strings(veil, "SELECT notes FROM pi_plain")).containsExactly("***");
                    // listed first (or not at all), the temporary table shadows the base table
                    s.execute("SET search_path = pg_temp, public");
                    s.execute("INSERT INTO pi_plain VALUES (2, 'mine')");
                    assertThat(strings(veil, "SELECT id FROM pi_plain")).containsExactly("2");
                }
            } finally {
                drop(raw, db.engine());
            }
        }
    }

    private static void drop(Connection raw, Engine engine) throws SQLException {
        String cascade = engine == Engine.MARIADB ? "" : " CASCADE";
        if (engine == Engine.H2) {
            exec(raw, "DROP SYNONYM IF EXISTS pi_syn");
        }
        exec(raw, "DROP VIEW IF EXISTS pi_v" + cascade);
        for (String t : List.of("pi_customers", "pi_x", "pi_y", "pi_other", "pi_hist", "pi_base", "pi_plain")) {
            exec(raw, "DROP TABLE IF EXISTS " + t + cascade);
        }
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    if (rs.getMetaData().getColumnLabel(i).equalsIgnoreCase("id") && !sql.startsWith("SELECT id")) {
                        continue;
                    }
                    values.add(rs.getString(i));
                }
            }
        }
        return values;
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
