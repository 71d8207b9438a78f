package dev.veil.it.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabase.Engine;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plain statements that differ only in literals share one plan (a statement shape): each still returns exactly what
 * the vendor driver returns, masked where the policy says, runs its own literals, and is held for approval by its own
 * row estimate.
 */
class StatementShapesIT {

    private static final String TABLE = "perfshape_people";
    private static final int ROWS = 1000;

    @TempDir
    Path dir;

    private static void createTable(TestDatabase db) throws SQLException {
        try (Connection raw = db.openRaw(); Statement s = raw.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("CREATE TABLE " + TABLE + " (id INT PRIMARY KEY, email VARCHAR(80), city VARCHAR(40))");
            raw.setAutoCommit(false);
            try (PreparedStatement p = raw.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?, ?)")) {
                for (int i = 1; i <= ROWS; i++) {
                    p.setInt(1, i);
                    p.setString(2, "user" + i + "@example.com");
                    p.setString(3, i % 7 == 0 ? "O'Hare" : "city" + (i % 50));
                    p.addBatch();
                }
                p.executeBatch();
            }
            raw.commit();
            raw.setAutoCommit(true);
            if (db.engine() == Engine.POSTGRESQL) {
                s.execute("ANALYZE " + TABLE);
            } else if (db.engine() == Engine.MARIADB) {
                s.execute("ANALYZE TABLE " + TABLE);
            }
        }
    }

    private static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void newLiteralsReturnWhatTheVendorReturnsWithTheSameMasks(TestDatabase db) throws SQLException {
        createTable(db);
        try (Connection raw = db.openRaw(); Connection veil = db.openVeil();
             PreparedStatement prepared = veil.prepareStatement(
                     "SELECT id, email, city FROM " + TABLE + " WHERE id = ?")) {
            for (int id : new int[] {17, 18, 999, 5000, 1, 17}) {
                String sql = "SELECT id, email, city FROM " + TABLE + " WHERE id = " + id;
                List<List<String>> vendor = rows(raw, sql);
                List<List<String>> masked = rows(veil, sql);
                assertThat(masked).hasSameSizeAs(vendor);
                prepared.setInt(1, id);
                List<String> viaPrepared = new ArrayList<>();
                try (ResultSet rs = prepared.executeQuery()) {
                    while (rs.next()) {
                        viaPrepared.add(rs.getString(2));
                    }
                }
                for (int i = 0; i < vendor.size(); i++) {
                    assertThat(masked.get(i).get(0)).isEqualTo(vendor.get(i).get(0));
                    assertThat(masked.get(i).get(2)).isEqualTo(vendor.get(i).get(2));
                    assertThat(masked.get(i).get(1)).as("the e-mail is masked for id " + id)
                            .isNotEqualTo(vendor.get(i).get(1)).doesNotContain("user" + id + "@");
                    assertThat(masked.get(i).get(1)).as("as a statement planned on its own masks it")
                            .isEqualTo(viaPrepared.get(i));
                }
            }
            // strings, quotes doubled inside them, IN lists, BETWEEN: the caller's literals, exactly
            String[] cities = {"'city7'", "'city8'", "'O''Hare'", "'city7'' OR ''x''=''x'"};
            for (String city : cities) {
                String sql = "SELECT id, city FROM " + TABLE + " WHERE city = " + city + " AND id < 300 ORDER BY id";
                assertThat(rows(veil, sql)).as(sql).isEqualTo(rows(raw, sql));
            }
            for (String range : new String[] {"IN (3, 4) OR id BETWEEN 10 AND 12", "IN (7, 700) OR id BETWEEN 1 AND 2",
                    "IN (0, 0) OR id BETWEEN 5 AND 4"}) {
                String sql = "SELECT id, city FROM " + TABLE + " WHERE id " + range + " ORDER BY id";
                assertThat(rows(veil, sql)).as(sql).isEqualTo(rows(raw, sql));
            }
            // a row bound is part of the shape: each LIMIT is its own
            for (int limit : new int[] {3, 5, 1}) {
                String sql = "SELECT id FROM " + TABLE + " WHERE id > 10 ORDER BY id LIMIT " + limit;
                assertThat(rows(veil, sql)).as(sql).hasSize(limit).isEqualTo(rows(raw, sql));
            }
            // an ordinal is part of the shape: ORDER BY 2 is not ORDER BY 1
            for (int ordinal : new int[] {1, 2}) {
                String sql = "SELECT id, city FROM " + TABLE + " WHERE id < 30 ORDER BY " + ordinal + ", 1";
                assertThat(rows(veil, sql)).as(sql).isEqualTo(rows(raw, sql));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#servers")
    void eachTextIsHeldByItsOwnRowEstimate(TestDatabase db) throws Exception {
        createTable(db);
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, """
                version: 1
                approvals:
                  exportRows: 100
                """);
        Path audit = dir.resolve("audit.jsonl");
        Properties props = new Properties();
        props.setProperty("veil.policy", policy.toString());
        props.setProperty("veil.audit.file", audit.toString());
        try (Connection raw = db.openRaw(); Connection veil = db.openVeil(props)) {
            String few = "SELECT id, city FROM " + TABLE + " WHERE id < 5";
            assertThat(rows(veil, few)).isEqualTo(rows(raw, few)).hasSize(4);
            // the same shape, a literal that makes it a large export: held (no approval server: refused unrun)
            String many = "SELECT id, city FROM " + TABLE + " WHERE id < 900";
            assertThatThrownBy(() -> rows(veil, many)).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getSQLState()).isEqualTo("42VA1");
                assertThat(e.getMessage()).contains("approvals.exportRows").contains("no approval server");
            });
            String other = "SELECT id, city FROM " + TABLE + " WHERE id < 7";
            assertThat(rows(veil, other)).isEqualTo(rows(raw, other)).hasSize(6);
            // and in the other order: a held text leaves no shape behind for small ones to miss
            String manyFirst = "SELECT city, id FROM " + TABLE + " WHERE id < 950";
            assertThatThrownBy(() -> rows(veil, manyFirst)).isInstanceOf(SQLException.class);
            String smallAfter = "SELECT city, id FROM " + TABLE + " WHERE id < 3";
            assertThat(rows(veil, smallAfter)).isEqualTo(rows(raw, smallAfter));
        }
        // usage events carry the statement with its literals redacted
        List<String> statements = new ArrayList<>();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (statements.size() < 5 && System.nanoTime() < deadline) {
            statements.clear();
            if (Files.exists(audit)) {
                for (String line : Files.readAllLines(audit, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        JsonNode event = new ObjectMapper().readTree(line);
                        statements.add(event.path("statement").asText());
                    }
                }
            }
            Thread.sleep(20);
        }
        assertThat(statements).contains("SELECT id, city FROM " + TABLE + " WHERE id < ?",
                "SELECT city, id FROM " + TABLE + " WHERE id < ?");
        assertThat(String.join("\n", statements)).doesNotContain("900", "950");
    }
}
