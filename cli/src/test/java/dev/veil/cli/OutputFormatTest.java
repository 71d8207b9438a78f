package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OutputFormatTest {

    /** Filled through H2 alone (Veil refuses writes into the e-mail column), kept open so that it lives on. */
    private static final String URL = "jdbc:h2:mem:cli_formats;DB_CLOSE_DELAY=-1";
    private static final String QUERY = "SELECT * FROM people ORDER BY id";
    private static Connection keepAlive;

    @BeforeAll
    static void createPeople() throws SQLException {
        keepAlive = DriverManager.getConnection(URL, "sa", "");
        try (Statement s = keepAlive.createStatement()) {
            s.execute("CREATE TABLE people (id INT, note VARCHAR(40), score DECIMAL(4,1), ok BOOLEAN,"
                    + " email VARCHAR(60))");
            s.execute("INSERT INTO people VALUES (1, 'a, \"b\"', 1.5, TRUE, 'jane.doe@example.com'),"
                    + " (2, NULL, NULL, FALSE, NULL), (3, '', 0.0, NULL, 'x@example.org')");
        }
    }

    @AfterAll
    static void closeDatabase() throws SQLException {
        keepAlive.close();
    }

    @Test
    void csvHasAHeaderAndOneLinePerRowWithNullsEmptyAndValuesMasked() {
        Cli cli = new Cli();
        assertThat(cli.run("run", "--url", URL, "--user", "sa", "--format", "csv", QUERY)).as(cli::err).isZero();
        assertThat(cli.out()).isEqualTo("""
                ID,NOTE,SCORE,OK,EMAIL
                1,"a, ""b\"\"",1.5,TRUE,j***@example.com
                2,,,FALSE,
                3,"",0.0,,x***@example.org
                """);
    }

    @Test
    void csvSeparatesResultSetsByAnEmptyLineAndLeavesOutUpdateCounts() {
        Cli cli = new Cli();
        assertThat(cli.run("run", "--url", "jdbc:h2:mem:cli_csv", "--format", "CSV", "SELECT 1 AS a",
                "CREATE TABLE t (x INT)", "SELECT 'x' AS b")).as(cli::err).isZero();
        assertThat(cli.out()).isEqualTo("A\n1\n\nB\nx\n");
    }

    @Test
    void jsonIsOneValuePerResultWithTypedValues() {
        Cli cli = new Cli();
        assertThat(cli.run("run", "--url", URL, "--user", "sa", "--format", "json", QUERY,
                "CREATE TABLE IF NOT EXISTS t (x INT)"))
                .as(cli::err).isZero();
        assertThat(cli.out()).isEqualTo("""
                [{"ID":1,"NOTE":"a, \\"b\\"","SCORE":1.5,"OK":true,"EMAIL":"j***@example.com"},\
                {"ID":2,"NOTE":null,"SCORE":null,"OK":false,"EMAIL":null},\
                {"ID":3,"NOTE":"","SCORE":0.0,"OK":null,"EMAIL":"x***@example.org"}]
                {"updateCount":0}
                """);
    }

    @Test
    void tableIsTheDefault() {
        Cli cli = new Cli();
        assertThat(cli.run("run", "--url", "jdbc:h2:mem:cli_table", "SELECT 1 AS a")).as(cli::err).isZero();
        assertThat(cli.out()).isEqualTo("+---+\n| A |\n+---+\n| 1 |\n+---+\n1 row\n");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Cli cli = new Cli();
        assertThat(cli.run("run", "--url", "jdbc:h2:mem:cli_xml", "--format", "xml", "SELECT 1")).isEqualTo(2);
        assertThat(cli.err()).contains("'xml'", "table, csv, json");
    }
}
