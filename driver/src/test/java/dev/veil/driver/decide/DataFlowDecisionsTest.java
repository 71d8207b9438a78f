package dev.veil.driver.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.driver.explain.Explanation;
import dev.veil.driver.jdbc.VeilConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decisions come from a reference's data flows, in one place: the rules, the rewrite and the explanation agree.
 */
class DataFlowDecisionsTest {

    @TempDir
    Path files;
    private Connection veil;

    @BeforeEach
    void open() throws Exception {
        try (Connection raw = DriverManager.getConnection("jdbc:h2:mem:flows;DB_CLOSE_DELAY=-1");
             Statement s = raw.createStatement()) {
            s.execute("DROP ALL OBJECTS");
            s.execute("CREATE TABLE people (id INT PRIMARY KEY, full_name VARCHAR(40), email VARCHAR(60),"
                    + " phone VARCHAR(30))");
            s.execute("CREATE TABLE orders (id INT PRIMARY KEY, ship_email VARCHAR(60))");
        }
        Path policy = files.resolve("policy.yaml");
        Files.writeString(policy, """
                version: 1
                classes:
                  email: { mask: email, predicates: allow }
                  phone: { mask: partial, keepLast: 2, predicates: masked }
                columns:
                  - { match: people.email, class: email }
                  - { match: orders.ship_email, class: email }
                  - { match: people.phone, class: phone }
                  - { match: people.full_name, class: person_name }
                detect: { names: false, comments: false }
                """);
        Properties p = new Properties();
        p.setProperty("veil.policy", policy.toString());
        veil = DriverManager.getConnection("jdbc:veil:h2:mem:flows;DB_CLOSE_DELAY=-1", p);
    }

    @AfterEach
    void close() throws SQLException {
        veil.close();
    }

    private Explanation explain(String sql) throws SQLException {
        return veil.unwrap(VeilConnection.class).explain(sql);
    }

    private void refused(String sql, String rule) {
        assertThatThrownBy(() -> {
            try (Statement s = veil.createStatement()) {
                s.execute(sql);
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("(rule: " + rule + ")");
    }

    @Test
    void aViewDefinitionIsKeptAsWrittenAndExplainSaysSo() throws SQLException {
        String sql = "CREATE VIEW v AS SELECT id, email FROM people";
        Explanation e = explain(sql);
        assertThat(e.rewritten()).isEqualTo(sql);
        assertThat(e.references()).isNotEmpty().allSatisfy(r -> assertThat(r.outcome()).startsWith("kept"));
    }

    @Test
    void aValueOnlyComparedIsComparedRawUnderAllow() throws SQLException {
        String sql = "SELECT id FROM people WHERE email IN (SELECT ship_email FROM orders)";
        Explanation e = explain(sql);
        assertThat(e.rewritten()).isEqualTo(sql);
        assertThat(e.references()).extracting(Explanation.Reference::outcome)
                .allMatch(o -> o.startsWith("raw"));
        // under masked, both sides are masked
        String masked = explain("SELECT id FROM people p WHERE phone IN (SELECT phone FROM people q)").rewritten();
        assertThat(masked.split("CASE", -1)).hasSizeGreaterThan(2);
    }

    @Test
    void refusalsNameTheirRule() {
        refused("SELECT id FROM people WHERE SUBSTRING(email, 1, 1) = 'a'", "predicates: allow");
        refused("SELECT COUNT(DISTINCT full_name) FROM people", "predicates: deny");
        refused("CREATE VIEW v2 AS SELECT id FROM people WHERE email = 'a'", "schema-embedded");
        refused("CREATE UNIQUE INDEX people_mail ON people (email)", "schema-embedded");
    }
}
