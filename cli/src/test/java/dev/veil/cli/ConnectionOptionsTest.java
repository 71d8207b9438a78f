package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionOptionsTest {

    /** An H2 database that only the right password opens; kept open so that it lives as long as the tests. */
    private static final String URL = "jdbc:h2:mem:cli_password;DB_CLOSE_DELAY=-1";
    private static Connection keepAlive;

    @TempDir
    Path dir;

    @BeforeAll
    static void createDatabase() throws SQLException {
        keepAlive = DriverManager.getConnection(URL, "sa", "s3cret");
    }

    @AfterAll
    static void closeDatabase() throws SQLException {
        keepAlive.close();
    }

    @Test
    void passwordIsPromptedForAndTheSqlStaysTheSql() {
        Cli cli = new Cli().stdin("s3cret\n");
        assertThat(cli.run("run", "--url", URL, "--user", "sa", "--password", "SELECT 42 AS answer"))
                .as(cli::err).isZero();
        assertThat(cli.out()).contains("| ANSWER |", "| 42     |");
        assertThat(cli.console()).contains("Password: ");
    }

    @Test
    void passwordComesFromTheEnvironmentWithoutTheOption() {
        Cli cli = new Cli().env("VEIL_DB_PASSWORD", "s3cret");
        assertThat(cli.run("run", "--url", URL, "--user", "sa", "SELECT 42 AS answer")).as(cli::err).isZero();
        assertThat(cli.out()).contains("| 42     |");

        Cli without = new Cli();
        assertThat(without.run("run", "--url", URL, "--user", "sa", "SELECT 42 AS answer")).isEqualTo(1);
        assertThat(without.err()).contains("Wrong user name or password");
    }

    @Test
    void passwordIsNeverAnArgument() {
        Cli cli = new Cli();
        assertThat(cli.run("run", "--url", URL, "--user", "sa", "--password=s3cret", "SELECT 42")).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).contains("--password");
    }

    @Test
    void aMissingPolicyFileIsNamedByItsPath() {
        Path missing = dir.resolve("policy.yaml");
        Cli cli = new Cli();
        assertThat(cli.run("run", "--url", "jdbc:h2:mem:cli_policy", "--policy", missing.toString(), "SELECT 1"))
                .isEqualTo(1);
        assertThat(cli.err()).isEqualTo("veil: the policy file " + missing.toAbsolutePath() + " does not exist"
                + " [SQLState 08V01]\n");

        Cli viaProperty = new Cli();
        assertThat(viaProperty.run("explain", "--url", "jdbc:h2:mem:cli_policy", "-p",
                "veil.policy=" + missing, "SELECT 1")).isEqualTo(2);
        assertThat(viaProperty.err()).contains(missing.toAbsolutePath().toString(), "does not exist");
    }

    @Test
    void anUnquotedStarInThePolicySaysToQuoteIt() throws Exception {
        Path policy = Files.writeString(dir.resolve("policy.yaml"),
                "version: 1\ncolumns:\n  - match: *.ssn\n    class: ssn\n");
        Cli cli = new Cli();
        assertThat(cli.run("run", "--url", "jdbc:h2:mem:cli_star", "--policy", policy.toString(), "SELECT 1"))
                .isEqualTo(1);
        assertThat(cli.err()).contains(policy + " line 3", "quote a value that starts with '*', e.g. match:"
                + " \"*.ssn\"");
    }

    @Test
    void aDoubledJdbcPrefixIsCalledThat() {
        Cli cli = new Cli();
        assertThat(cli.run("run", "--url", "jdbc:veil:jdbc:h2:mem:cli_twice", "SELECT 1")).isEqualTo(1);
        assertThat(cli.err()).startsWith("veil: the URL has the jdbc: prefix twice: write jdbc:veil:h2:…"
                + " (jdbc:veil: then the vendor URL without its jdbc:), not jdbc:veil:jdbc:h2:…");
    }
}
