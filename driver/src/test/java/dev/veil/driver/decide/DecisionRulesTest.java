package dev.veil.driver.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decision rules apply in their order, and of two hazards of a statement the first found decides. (These messages
 * are the ones the rules gave before they were split into classes.)
 */
class DecisionRulesTest {

    @TempDir
    Path files;
    private Connection veil;

    @BeforeEach
    void open() throws SQLException {
        veil = DriverManager.getConnection("jdbc:veil:h2:mem:rules;DB_CLOSE_DELAY=-1");
    }

    @AfterEach
    void close() throws SQLException {
        veil.close();
    }

    private void refused(String sql, String message) {
        assertThatThrownBy(() -> {
            try (Statement s = veil.createStatement()) {
                s.execute(sql);
            }
        }).isInstanceOf(SQLException.class).hasMessage("veil: " + message);
    }

    @Test
    void ofTwoHazardsTheFirstFoundDecides() {
        String csv = files.resolve("out.csv").toString().replace("'", "''");
        // the call is found before the export its routine does
        refused("CALL CSVWRITE('" + csv + "', 'SELECT 1')", "it calls CSVWRITE, a routine whose code Veil cannot"
                + " see; it also exports data; to allow it, set approvals.exports: true in the policy so that a"
                + " reviewer can approve it, or list the user under exempt.users (who then sees raw values, audited)"
                + " (rule: opaque-code)");
        refused("SELECT CSVWRITE('" + csv + "', 'SELECT 1')", "it exports data (csvwrite); to allow it, set"
                + " approvals.exports: true in the policy so that a reviewer can approve it, or list the user under"
                + " exempt.users (who then sees raw values, audited) (rule: exports)");
        assertThat(Files.exists(files.resolve("out.csv"))).isFalse();
    }

    @Test
    void aStatementThatChangesTheSchemaMustComeLast() {
        refused("CREATE TABLE rules_t (x INT); SELECT 1", "statement 1: CREATE_TABLE must be the last statement of a"
                + " multi-statement string: the statements after it would run against a schema or session Veil has"
                + " not analyzed (rule: multi-statement)");
    }

    @Test
    void theSettingsAStatementNamesAreCheckedAgainstTheEnginesTable() {
        refused("SET MODE MySQL", "SET mode mysql is not allowed: it could change how Veil reads statements or clear"
                + " its session state (rule: session-settings)");
        refused("SHOW \"all\"", "SHOW \"all\" is not allowed: it could change how Veil reads statements or clear its"
                + " session state (rule: session-settings)");
    }

    @Test
    void theEnginesSystemObjectsAreNotReadable() {
        refused("SELECT * FROM INFORMATION_SCHEMA.SESSIONS", "it reads RULES.INFORMATION_SCHEMA.SESSIONS, which"
                + " exposes other sessions' statements or variables, or column statistics (rule: system-objects)");
    }

    @Test
    void aNewColumnOnlyTheExemptCouldWriteIsRefusedBeforeTheTableIsCreated() throws SQLException {
        refused("CREATE TABLE rules_features (\"id\" INTEGER, \"email\" VARCHAR(80))", "CREATE TABLE"
                + " RULES.PUBLIC.RULES_FEATURES would create column email, which the policy classes email (by name);"
                + " predicates on that class are denied, so this user could not write the column and the table"
                + " would stay empty. Rename the column to a name no class claims (Spark: withColumnRenamed), or"
                + " create and write the table as an exempt user (rule: predicates: deny)");
        try (Connection raw = DriverManager.getConnection("jdbc:h2:mem:rules;DB_CLOSE_DELAY=-1");
             Statement s = raw.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME"
                     + " = 'RULES_FEATURES'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("no table left behind").isZero();
        }
        try (Statement s = veil.createStatement()) {
            // a name no class claims, and one that describes the value rather than holding it, are created
            s.execute("CREATE TABLE rules_features (\"id\" INTEGER, \"contact\" VARCHAR(80), email_count INT)");
            s.execute("INSERT INTO rules_features VALUES (1, 'u***@example.com', 2)");
        }
    }

    @Test
    void aPartitionRangeOnAColumnWhosePredicatesAreDeniedIsRefused() throws SQLException {
        try (Connection raw = DriverManager.getConnection("jdbc:h2:mem:rules;DB_CLOSE_DELAY=-1");
             Statement s = raw.createStatement()) {
            s.execute("CREATE TABLE rules_people (id INT PRIMARY KEY, ssn VARCHAR(11))");
        }
        assertThatThrownBy(() -> {
            try (Statement s = veil.createStatement()) {
                s.executeQuery("SELECT \"ID\" FROM rules_people WHERE \"SSN\" >= '1' AND \"SSN\" < '5'");
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("rule: predicates: deny");
    }
}
