package dev.veil.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Generated keys are returned unmasked, so which keys a prepared statement may return is checked when it is prepared
 * — and again when its plan is made anew after a catalog change: a key column may have become sensitive since.
 */
class PreparedGeneratedKeysTest {

    private static final String DATABASE = "h2:mem:preparedkeys;DB_CLOSE_DELAY=-1";

    private Connection raw;
    private Connection veil;

    @BeforeEach
    void open() throws SQLException {
        raw = DriverManager.getConnection("jdbc:" + DATABASE);
        veil = DriverManager.getConnection("jdbc:veil:" + DATABASE);
    }

    @AfterEach
    void close() throws SQLException {
        veil.close();
        raw.close();
    }

    /** A table whose {@code ref} column the database fills in, so inserts never write it. */
    private String table(String name) throws SQLException {
        try (Statement s = raw.createStatement()) {
            s.execute("CREATE TABLE " + name + " (id INT AUTO_INCREMENT PRIMARY KEY, qty INT,"
                    + " ref VARCHAR(20) DEFAULT 'ref-42')");
        }
        return name;
    }

    /** Through Veil, as a DBA would tag the column: Veil sees its own DDL at once. */
    private void tagRefAsSecret(String table) throws SQLException {
        try (Statement s = veil.createStatement()) {
            s.execute("COMMENT ON COLUMN " + table + ".ref IS 'veil:secret'");
        }
    }

    private static void insertsAndReturnsItsKeys(PreparedStatement insert) throws SQLException {
        insert.setInt(1, 1);
        assertThat(insert.executeUpdate()).isEqualTo(1);
        try (ResultSet keys = insert.getGeneratedKeys()) {
            assertThat(keys.next()).isTrue();
        }
    }

    private int rows(String table) throws SQLException {
        try (Statement s = raw.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aNamedKeyColumnThatBecameSensitiveIsNoLongerReturned() throws SQLException {
        String table = table("keys_by_name");
        try (PreparedStatement insert = veil.prepareStatement("INSERT INTO " + table + "(qty) VALUES (?)",
                new String[] {"ID", "REF"})) {
            insertsAndReturnsItsKeys(insert);
            tagRefAsSecret(table);
            insert.setInt(1, 2);
            assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class)
                    .hasMessageContaining("is sensitive (rule: generated-keys)");
        }
        // as preparing it now is
        assertThatThrownBy(() -> veil.prepareStatement("INSERT INTO " + table + "(qty) VALUES (?)",
                new String[] {"ID", "REF"})).hasMessageContaining("is sensitive (rule: generated-keys)");
        assertThat(rows(table)).isEqualTo(1);
    }

    @Test
    void aKeyColumnByPositionThatBecameSensitiveIsNoLongerReturned() throws SQLException {
        String table = table("keys_by_position");
        try (PreparedStatement insert = veil.prepareStatement("INSERT INTO " + table + "(qty) VALUES (?)",
                new int[] {1, 3})) {
            insertsAndReturnsItsKeys(insert);
            tagRefAsSecret(table);
            insert.setInt(1, 2);
            assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class)
                    .hasMessageContaining("(rule: generated-keys)");
        }
        assertThat(rows(table)).isEqualTo(1);
    }

    @Test
    void theGeneratedKeysFlagIsRefusedOnceAColumnItWouldReturnBecameSensitive() throws SQLException {
        String table = table("keys_by_flag");
        try (PreparedStatement insert = veil.prepareStatement("INSERT INTO " + table + "(qty) VALUES (?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insertsAndReturnsItsKeys(insert);
            tagRefAsSecret(table);
            insert.setInt(1, 2);
            // prepared to pass the flag on (PostgreSQL's driver then asks for every column); now it may not
            assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class)
                    .hasMessageContaining("prepare it again (rule: generated-keys)");
        }
        assertThat(rows(table)).isEqualTo(1);
    }

    @Test
    void changingTheKeyArrayAfterPreparingChangesNothing() throws SQLException {
        String table = table("keys_array_changed");
        tagRefAsSecret(table);
        String[] names = {"ID"};
        int[] positions = {1};
        try (PreparedStatement byName = veil.prepareStatement("INSERT INTO " + table + "(qty) VALUES (?)", names);
             PreparedStatement byPosition = veil.prepareStatement("INSERT INTO " + table + "(qty) VALUES (?)",
                     positions)) {
            names[0] = "REF";
            positions[0] = 3;
            for (PreparedStatement insert : new PreparedStatement[] {byName, byPosition}) {
                insert.setInt(1, 1);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    assertThat(keys.getMetaData().getColumnCount()).isEqualTo(1);
                    assertThat(keys.getMetaData().getColumnLabel(1)).isEqualToIgnoringCase("ID");
                }
            }
        }
    }

    @Test
    void aCatalogChangeThatLeavesTheKeysAloneKeepsThePreparedStatementWorking() throws SQLException {
        String table = table("keys_unchanged");
        try (PreparedStatement byName = veil.prepareStatement("INSERT INTO " + table + "(qty) VALUES (?)",
                new String[] {"ID", "REF"});
             PreparedStatement byFlag = veil.prepareStatement("INSERT INTO " + table + "(qty) VALUES (?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            insertsAndReturnsItsKeys(byName);
            insertsAndReturnsItsKeys(byFlag);
            try (Statement s = veil.createStatement()) {
                s.execute("COMMENT ON COLUMN " + table + ".qty IS 'how many'");
            }
            insertsAndReturnsItsKeys(byName);
            insertsAndReturnsItsKeys(byFlag);
        }
        assertThat(rows(table)).isEqualTo(4);
    }
}
