package dev.veil.driver.decide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.driver.explain.Explanation;
import dev.veil.driver.jdbc.VeilConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code veil.masking=driver}, the masking rules leave exactly the plain top-level projections of text columns
 * in a statement whose rows masking cannot change to the driver; everything else is masked in SQL.
 */
class DriverMaskingDecisionsTest {

    private static final String IN_DRIVER = "masked in the driver";

    @TempDir
    Path files;
    private Connection veil;

    @BeforeEach
    void open() throws Exception {
        try (Connection raw = DriverManager.getConnection("jdbc:h2:mem:driver_masking;DB_CLOSE_DELAY=-1");
             Statement s = raw.createStatement()) {
            s.execute("DROP ALL OBJECTS");
            s.execute("CREATE TABLE people (id INT PRIMARY KEY, email VARCHAR(60), phone VARCHAR(30), born DATE)");
            s.execute("CREATE TABLE copy (id INT, email VARCHAR(60))");
        }
        Path policy = files.resolve("policy.yaml");
        Files.writeString(policy, """
                version: 1
                classes:
                  email: { mask: email, predicates: allow }
                  phone: { mask: partial, keepLast: 2, predicates: masked }
                  born: { mask: year, predicates: masked }
                columns:
                  - { match: people.email, class: email }
                  - { match: copy.email, class: email }
                  - { match: people.phone, class: phone }
                  - { match: people.born, class: born }
                detect: { names: false, comments: false }
                """);
        Properties p = new Properties();
        p.setProperty("veil.policy", policy.toString());
        p.setProperty("veil.masking", "driver");
        veil = DriverManager.getConnection("jdbc:veil:h2:mem:driver_masking;DB_CLOSE_DELAY=-1", p);
    }

    @AfterEach
    void close() throws SQLException {
        veil.close();
    }

    private Explanation explain(String sql) throws SQLException {
        return veil.unwrap(VeilConnection.class).explain(sql);
    }

    private List<String> outcomes(String sql) throws SQLException {
        return explain(sql).references().stream().map(Explanation.Reference::outcome).toList();
    }

    @Test
    void plainProjectionsOfTextColumnsAreLeftToTheDriver() throws SQLException {
        Explanation e = explain("SELECT id, email, phone FROM people WHERE id > 1");
        assertThat(e.rewritten()).isEqualTo("SELECT id, email, phone FROM people WHERE id > 1");
        assertThat(outcomes("SELECT id, email, phone FROM people")).hasSize(2)
                .allSatisfy(o -> assertThat(o).startsWith(IN_DRIVER));
        assertThat(outcomes("SELECT * FROM people")).filteredOn(o -> o.startsWith(IN_DRIVER)).hasSize(2);
        assertThat(outcomes("SELECT p.email AS contact FROM people p")).singleElement().asString()
                .startsWith(IN_DRIVER).contains("result column 1");
    }

    @Test
    void everythingElseIsMaskedInSql() throws SQLException {
        for (String sql : List.of(
                "SELECT born FROM people",                                 // not text
                "SELECT LOWER(email) FROM people",                         // expression
                "SELECT MAX(email) FROM people",                           // aggregate
                "SELECT DISTINCT email FROM people",                       // compared
                "SELECT email FROM people UNION SELECT phone FROM people", // set operation
                "SELECT email FROM people ORDER BY email",                 // bound to the output
                "SELECT email FROM people ORDER BY 1",
                "SELECT email FROM people GROUP BY email",
                "SELECT x FROM (SELECT email AS x FROM people) d",         // derived table
                "SELECT (SELECT email FROM people q WHERE q.id = p.id) FROM people p",
                "SELECT email, email FROM people",                         // two columns, one label
                "INSERT INTO copy SELECT id, email FROM people")) {
            assertThat(outcomes(sql)).as(sql).isNotEmpty().noneSatisfy(o -> assertThat(o).startsWith(IN_DRIVER));
        }
        assertThat(explain("SELECT email, LOWER(email) FROM people").rewritten())
                .startsWith("SELECT email, LOWER(").contains("***@");
    }
}
