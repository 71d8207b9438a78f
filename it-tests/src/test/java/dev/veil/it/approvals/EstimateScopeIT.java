package dev.veil.it.approvals;

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
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A row estimate belongs to what the text reads: the same text under another search path reads another table, and
 * must be estimated for it — a cached estimate of the small table must not let a large export run without approval.
 */
class EstimateScopeIT {

    @TempDir
    Path dir;

    @Test
    void theSameTextUnderAnotherSearchPathIsEstimatedAfresh() throws Exception {
        TestDatabase db = TestDatabases.of(Engine.POSTGRESQL);
        try (Connection raw = db.openRaw(); Statement s = raw.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS est_small CASCADE");
            s.execute("DROP SCHEMA IF EXISTS est_big CASCADE");
            s.execute("CREATE SCHEMA est_small");
            s.execute("CREATE SCHEMA est_big");
            s.execute("CREATE TABLE est_small.est_people (id INT PRIMARY KEY, city VARCHAR(20))");
            s.execute("CREATE TABLE est_big.est_people (id INT PRIMARY KEY, city VARCHAR(20))");
            s.execute("INSERT INTO est_small.est_people SELECT g, 'c' || g FROM generate_series(1, 5) g");
            s.execute("INSERT INTO est_big.est_people SELECT g, 'c' || g FROM generate_series(1, 5000) g");
            s.execute("ANALYZE est_small.est_people");
            s.execute("ANALYZE est_big.est_people");
        }
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, """
                version: 1
                approvals:
                  exportRows: 100
                """);
        Properties props = new Properties();
        props.setProperty("veil.policy", policy.toString());
        String sql = "SELECT id, city FROM est_people";
        try (Connection small = db.openVeil(props); Connection big = db.openVeil(props)) {
            try (Statement s = small.createStatement()) {
                s.execute("SET search_path TO est_small");
                try (ResultSet rs = s.executeQuery(sql)) {
                    int n = 0;
                    while (rs.next()) {
                        n++;
                    }
                    assertThat(n).isEqualTo(5);
                }
            }
            try (Statement s = big.createStatement()) {
                s.execute("SET search_path TO est_big");
                // held before it runs (no approval server: refused), not stopped after 100 rows
                assertThatThrownBy(() -> s.executeQuery(sql)).isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("42VA1");
                    assertThat(e.getMessage()).contains("approvals.exportRows").contains("no approval server");
                });
            }
        } finally {
            try (Connection raw = db.openRaw(); Statement s = raw.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS est_small CASCADE");
                s.execute("DROP SCHEMA IF EXISTS est_big CASCADE");
            }
        }
    }
}
