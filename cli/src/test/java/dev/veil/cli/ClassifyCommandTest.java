package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyCommandTest {

    private static final String URL = "jdbc:h2:mem:cli_classify;DB_CLOSE_DELAY=-1";
    private static Connection keepAlive;

    @TempDir
    Path dir;

    @BeforeAll
    static void createTables() throws Exception {
        keepAlive = DriverManager.getConnection(URL, "sa", "");
        try (Statement s = keepAlive.createStatement()) {
            s.execute("CREATE TABLE people (id INT, email VARCHAR(80), misc VARCHAR(80), note VARCHAR(80),"
                    + " contact VARCHAR(40), code VARCHAR(20))");
            s.execute("COMMENT ON COLUMN people.contact IS 'whom to call. veil:phone'");
            s.execute("COMMENT ON COLUMN people.code IS 'veil:none'");
            for (int i = 1; i <= 10; i++) {
                s.execute("INSERT INTO people VALUES (" + i + ", 'e" + i + "@example.org', 'raw" + i
                        + "@example.com', 'hello', '+1 512 716 18" + (10 + i) + "', 'x')");
            }
            s.execute("CREATE VIEW people_view AS SELECT * FROM people");
        }
    }

    @AfterAll
    static void close() throws Exception {
        keepAlive.close();
    }

    @Test
    void everyColumnWithItsClassAndSourceAndNoValue() {
        Cli cli = new Cli();
        assertThat(cli.run("classify", "--url", URL, "--user", "sa", "--format", "csv")).as(cli::err).isZero();
        assertThat(cli.out()).isEqualTo("""
                table,column,type,class,source,evidence
                PUBLIC.PEOPLE,ID,INTEGER,,,
                PUBLIC.PEOPLE,EMAIL,CHARACTER VARYING,email,name,name 'EMAIL' has the token 'email'
                PUBLIC.PEOPLE,MISC,CHARACTER VARYING,email,sample,email-syntax: 10 of 10 samples matched
                PUBLIC.PEOPLE,NOTE,CHARACTER VARYING,,,
                PUBLIC.PEOPLE,CONTACT,CHARACTER VARYING,phone,comment,comment tag 'veil:phone'
                PUBLIC.PEOPLE,CODE,CHARACTER VARYING,,,
                """);
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void withoutSamplesNoDataIsReadAndTheMiscColumnIsNotFound() {
        Cli cli = new Cli();
        assertThat(cli.run("classify", "--url", URL, "--user", "sa", "--format", "json", "--sample-rows", "0"))
                .as(cli::err).isZero();
        assertThat(cli.out()).contains("{\"table\":\"PUBLIC.PEOPLE\",\"column\":\"MISC\",\"type\":\"CHARACTER"
                + " VARYING\",\"class\":null,\"source\":null,\"evidence\":null}");
    }

    @Test
    void checkFailsUntilTheDraftedPolicyCoversTheColumns() throws Exception {
        Path draft = dir.resolve("draft.yaml");
        Cli check = new Cli();
        assertThat(check.run("classify", "--url", URL, "--user", "sa", "--check", "--format", "csv",
                "--write-policy", draft.toString())).isEqualTo(1);
        assertThat(check.out()).isEqualTo("""
                table,column,type,class,source,evidence
                PUBLIC.PEOPLE,EMAIL,CHARACTER VARYING,email,name,name 'EMAIL' has the token 'email'
                PUBLIC.PEOPLE,MISC,CHARACTER VARYING,email,sample,email-syntax: 10 of 10 samples matched
                """);
        assertThat(check.err()).contains("wrote " + draft.toAbsolutePath() + " with 2 rules",
                "2 columns look sensitive with no rule or comment tag");
        assertThat(PolicyLoader.load(draft).columns()).hasSize(2);
        assertThat(Files.readString(draft)).contains("  - match: \"PUBLIC.PEOPLE.MISC\"\n    class: email");

        Cli covered = new Cli();
        assertThat(covered.run("classify", "--url", URL, "--user", "sa", "--check", "--policy", draft.toString()))
                .as(covered::err).isZero();
        assertThat(covered.err()).contains("1 tables checked; every column that looks sensitive is covered");

        Cli again = new Cli();
        assertThat(again.run("classify", "--url", URL, "--user", "sa", "--write-policy", draft.toString()))
                .isEqualTo(2);
        assertThat(again.err()).contains(draft.toAbsolutePath() + " exists");
    }

    @Test
    void aNameNoPatternCanSpellIsMatchedThroughWildcards() throws Exception {
        String url = "jdbc:h2:mem:cli_classify_odd;DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"odd.name x\" (\"Customer SSN\" VARCHAR(11))");
            Path draft = dir.resolve("odd.yaml");
            Cli write = new Cli();
            assertThat(write.run("classify", "--url", url, "--user", "sa", "--write-policy", draft.toString()))
                    .as(write::err).isZero();
            assertThat(Files.readString(draft)).contains("  - match: \"PUBLIC.odd*name*x.Customer*SSN\"\n"
                    + "    class: ssn");
            Cli check = new Cli();
            assertThat(check.run("classify", "--url", url, "--user", "sa", "--check", "--policy", draft.toString()))
                    .as(check::err).isZero();
            s.execute("DROP TABLE \"odd.name x\"");
        }
    }

    @Test
    void aPolicyThatCannotBeReadIsNamed() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "version: 1\ncolumns:\n  - match: *.ssn\n");
        Cli cli = new Cli();
        assertThat(cli.run("classify", "--url", URL, "--user", "sa", "--policy", bad.toString())).isEqualTo(2);
        assertThat(cli.err()).contains(bad.toString(), "quote");
    }
}
