package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlInputTest {

    /** Semicolons in a string and a comment do not end statements; the third sees the table the first created. */
    private static final String SCRIPT = """
            CREATE TABLE notes (id INT, body VARCHAR(20));
            INSERT INTO notes VALUES (1, 'a;b'); -- a comment; not a statement
            /* neither; this */
            SELECT id, body FROM notes;
            """;

    @TempDir
    Path dir;

    @Test
    void statementsComeFromAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("script.sql"), SCRIPT);
        Cli cli = new Cli();
        assertThat(cli.run("run", "--url", "jdbc:h2:mem:cli_file", "--file", file.toString())).as(cli::err).isZero();
        assertThat(cli.out()).isEqualTo("""
                0 rows affected
                1 row affected
                +----+------+
                | ID | BODY |
                +----+------+
                | 1  | a;b  |
                +----+------+
                1 row
                """);
    }

    @Test
    void statementsComeFromStandardInput() {
        Cli cli = new Cli().stdin(SCRIPT);
        assertThat(cli.run("run", "--url", "jdbc:h2:mem:cli_stdin", "--format", "csv", "-f", "-"))
                .as(cli::err).isZero();
        assertThat(cli.out()).isEqualTo("ID,BODY\n1,a;b\n");
    }

    @Test
    void explainReadsStandardInput() {
        Cli cli = new Cli().stdin("SELECT 1 AS one\n");
        assertThat(cli.run("explain", "--url", "jdbc:h2:mem:cli_explain", "-f", "-")).as(cli::err).isZero();
        assertThat(cli.out()).contains("statement:  QUERY / SELECT", "decision:   ALLOWED");
    }

    @Test
    void sqlAndAFileTogetherAreAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("one.sql"), "SELECT 1");
        Cli cli = new Cli();
        assertThat(cli.run("run", "--url", "jdbc:h2:mem:cli_both", "--file", file.toString(), "SELECT 2"))
                .isEqualTo(2);
        assertThat(cli.err()).contains("(SQL... | -f=FILE)");
        assertThat(new Cli().run("run", "--url", "jdbc:h2:mem:cli_none")).isEqualTo(2);
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("missing.sql");
        Cli cli = new Cli();
        assertThat(cli.run("run", "--url", "jdbc:h2:mem:cli_missing", "-f", missing.toString())).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("veil: cannot read " + missing + ": no such file\n");
    }
}
