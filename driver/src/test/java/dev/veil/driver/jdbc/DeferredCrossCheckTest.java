package dev.veil.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.analyzer.CrossCheck;
import dev.veil.driver.pipeline.Entry;
import dev.veil.driver.pipeline.Session;
import dev.veil.driver.pipeline.StatementPipeline;
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
 * Calcite's second opinion on lineage, which the analyzer defers to the classify stage, runs before a statement is
 * decided wherever it could add a sensitive column, and only there.
 */
class DeferredCrossCheckTest {

    @TempDir
    Path files;
    private Connection veil;

    @BeforeEach
    void open() throws Exception {
        try (Connection raw = DriverManager.getConnection("jdbc:h2:mem:deferred;DB_CLOSE_DELAY=-1");
             Statement s = raw.createStatement()) {
            s.execute("DROP ALL OBJECTS");
            s.execute("CREATE TABLE people (id INT PRIMARY KEY, email VARCHAR(60), phone VARCHAR(30),"
                    + " city VARCHAR(30))");
            s.execute("CREATE TABLE cities (name VARCHAR(30) PRIMARY KEY, country VARCHAR(30))");
        }
        Path policy = files.resolve("policy.yaml");
        Files.writeString(policy, """
                version: 1
                classes:
                  email: { mask: email, predicates: allow }
                  phone: { mask: partial, keepLast: 2, predicates: masked }
                columns:
                  - { match: people.email, class: email }
                  - { match: people.phone, class: phone }
                detect: { names: false, comments: false }
                """);
        Properties p = new Properties();
        p.setProperty("veil.policy", policy.toString());
        veil = DriverManager.getConnection("jdbc:veil:h2:mem:deferred;DB_CLOSE_DELAY=-1", p);
    }

    @AfterEach
    void close() throws SQLException {
        veil.close();
    }

    private CrossCheck.Status crossCheckOf(String sql) throws SQLException {
        Session session = veil.unwrap(VeilConnection.class).session();
        StatementPipeline.Attempt attempt = session.pipeline().attempt(session, sql, Entry.QUERY);
        if (attempt.refusal() != null) {
            throw attempt.refusal();
        }
        return attempt.plan().analysis().orElseThrow().statements().get(0).crossCheck().status();
    }

    @Test
    void aQueryReadingASensitiveColumnItDoesNotAlreadyTouchIsCrossCheckedBeforeItIsDecided() throws SQLException {
        assertThat(crossCheckOf("SELECT id, city FROM people WHERE id = 1"))
                .isIn(CrossCheck.Status.AGREED, CrossCheck.Status.DISAGREED, CrossCheck.Status.NOT_APPLICABLE);
        assertThat(crossCheckOf("SELECT p.id, c.country FROM people p JOIN cities c ON c.name = p.city"))
                .isIn(CrossCheck.Status.AGREED, CrossCheck.Status.DISAGREED, CrossCheck.Status.NOT_APPLICABLE);
        assertThat(crossCheckOf("SELECT email FROM people")).isNotEqualTo(CrossCheck.Status.DEFERRED);
    }

    @Test
    void aQueryThatCannotGainASensitiveColumnIsNotCrossChecked() throws SQLException {
        // no sensitive column in the tables read: Calcite could only add columns of those tables
        assertThat(crossCheckOf("SELECT name, country FROM cities")).isEqualTo(CrossCheck.Status.DEFERRED);
        // every sensitive column of the table read is already touched
        assertThat(crossCheckOf("SELECT id, email, phone FROM people")).isEqualTo(CrossCheck.Status.DEFERRED);
    }
}
