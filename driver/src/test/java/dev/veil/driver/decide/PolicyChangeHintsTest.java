package dev.veil.driver.decide;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A refusal the policy causes names the policy change that would allow the statement, and never a value. */
class PolicyChangeHintsTest {

    private Connection veil;

    @BeforeEach
    void open() throws SQLException {
        veil = DriverManager.getConnection("jdbc:veil:h2:mem:hints;DB_CLOSE_DELAY=-1");
        try (Connection raw = DriverManager.getConnection("jdbc:h2:mem:hints;DB_CLOSE_DELAY=-1");
             Statement s = raw.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS hint_people"
                    + " (id INT PRIMARY KEY, email VARCHAR(80), ssn VARCHAR(11))");
            s.execute("MERGE INTO hint_people KEY (id) VALUES (1, 'ann@example.com', '123-45-6789')");
        }
    }

    @AfterEach
    void close() throws SQLException {
        veil.close();
    }

    private org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> refusal(String sql) {
        return assertThatThrownBy(() -> {
            try (Statement s = veil.createStatement()) {
                s.executeQuery(sql).close();
            }
        }).isInstanceOf(SQLException.class);
    }

    @Test
    void aDeniedPredicateNamesThePredicateModesOfItsClassesAndTheExemptUsers() {
        refusal("SELECT id FROM hint_people WHERE email = 'ann@example.com' AND ssn = '123-45-6789'")
                .hasMessageContaining("set classes.email.predicates")
                .hasMessageContaining("to masked (compares masked values) or allow (compares whole raw values)")
                .hasMessageContaining("exempt.users")
                .hasMessageEndingWith("(rule: predicates: deny)")
                .hasMessageNotContaining("ann@example.com").hasMessageNotContaining("6789");
    }

    @Test
    void anExportNamesTheApprovalThatWouldLetItWait() {
        refusal("SELECT CSVWRITE('hints.csv', 'SELECT id FROM hint_people')")
                .hasMessageContaining("set approvals.exports: true in the policy so that a reviewer can approve it")
                .hasMessageEndingWith("(rule: exports)");
    }
}
