package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RunCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int veil(String... args) {
        CommandLine cli = VeilCli.commandLine(Map.of());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void printsTheResultOfEachStatementAsATable() {
        int exit = veil("run", "--url", "jdbc:veil:h2:mem:cli_run",
                "CREATE TABLE greeting (id INT, text VARCHAR(20))",
                "INSERT INTO greeting VALUES (1, 'hello'), (2, NULL)",
                "SELECT id, text AS greeting FROM greeting ORDER BY id");
        assertThat(exit).isZero();
        assertThat(out.toString()).contains(
                "0 rows affected",
                "2 rows affected",
                "| ID | GREETING |",
                "| 1  | hello    |",
                "| 2  | NULL     |",
                "2 rows");
    }

    @Test
    void reportsVeilErrorsWithTheirSqlState() {
        int exit = veil("run", "--url", "jdbc:veil:h2:mem:x;veil.nope=1", "SELECT 1");
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("veil: unknown setting 'veil.nope'").contains("[SQLState 08V01]");
    }
}
