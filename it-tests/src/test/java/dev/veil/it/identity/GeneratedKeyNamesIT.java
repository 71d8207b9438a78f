package dev.veil.it.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabase.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated-key column names reach the vendor driver only as plain names of the written table's columns: PostgreSQL's
 * driver turns {@code *x} or {@code **} into {@code RETURNING *} and appends a quoted name as written.
 */
class GeneratedKeyNamesIT {

    private static final String[] BAD = {"*x", "**", "*", "\"id\", ssn", "id, ssn", "nosuch",
        "id; DROP TABLE gk_people"};

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void keyNamesMustBePlainColumnsOfTheWrittenTable(TestDatabase db) throws Exception {
        try (Connection raw = db.openRaw()) {
            exec(raw, "DROP TABLE IF EXISTS gk_people");
            exec(raw, "CREATE TABLE gk_people (id INT PRIMARY KEY, ssn VARCHAR(20), city VARCHAR(20))");
            exec(raw, "INSERT INTO gk_people VALUES (1, '123-45-6789', 'Oslo')");
            try (Connection veil = db.openVeil(); Statement s = veil.createStatement()) {
                String update = "UPDATE gk_people SET city = 'Rome' WHERE id = 1";
                for (String bad : BAD) {
                    assertThatThrownBy(() -> s.executeUpdate(update, new String[] {bad})).as(bad)
                            .isInstanceOf(SQLException.class).hasMessageContaining("rule: generated-keys")
                            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
                    assertThatThrownBy(() -> s.execute(update, new String[] {"id", bad})).as(bad)
                            .hasMessageContaining("rule: generated-keys");
                    assertThatThrownBy(() -> veil.prepareStatement(update, new String[] {bad})).as(bad)
                            .hasMessageContaining("rule: generated-keys");
                }
                assertThatThrownBy(() -> s.executeUpdate(update, new String[] {name(db, "ssn")}))
                        .hasMessageContaining("is sensitive");
                // a plain, non-sensitive column still works
                try (PreparedStatement p = veil.prepareStatement(
                        "UPDATE gk_people SET city = ? WHERE id = 1", new String[] {name(db, "city")})) {
                    p.setString(1, "Rome");
                    assertThat(p.executeUpdate()).isEqualTo(1);
                    if (db.engine() == Engine.POSTGRESQL) {
                        try (ResultSet keys = p.getGeneratedKeys()) {
                            assertThat(keys.next()).isTrue();
                            assertThat(keys.getString(1)).isEqualTo("Rome");
                            assertThat(keys.getMetaData().getColumnCount()).isEqualTo(1);
                        }
                    }
                }
            }
            try (Statement s = raw.createStatement(); ResultSet rs = s.executeQuery("SELECT city FROM gk_people")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Rome");
            }
            exec(raw, "DROP TABLE gk_people");
        }
    }

    private static String name(TestDatabase db, String column) {
        return db.engine() == Engine.H2 ? column.toUpperCase(Locale.ROOT) : column;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
