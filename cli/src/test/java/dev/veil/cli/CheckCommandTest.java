package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    private static final String URL = "jdbc:h2:mem:cli_check;DB_CLOSE_DELAY=-1";
    private static Connection keepAlive;

    @TempDir
    Path dir;

    @BeforeAll
    static void createTables() throws Exception {
        keepAlive = DriverManager.getConnection(URL, "sa", "");
        try (Statement s = keepAlive.createStatement()) {
            s.execute("CREATE TABLE customers (id INT, email VARCHAR(80), ssn VARCHAR(11), city VARCHAR(40))");
            s.execute("INSERT INTO customers VALUES (1, 'a@example.org', '123-45-6789', 'Lyon')");
        }
    }

    @AfterAll
    static void close() throws Exception {
        keepAlive.close();
    }

    private static final String WORKLOAD = """
            SELECT id, city FROM customers WHERE id = 1;
            SELECT email FROM customers;
            SELECT id FROM customers WHERE ssn = '123-45-6789';
            DELETE FROM customers;
            """;

    @Test
    void everyStatementsDecisionAndTheTotalsWithoutRunningAny() throws Exception {
        Path policy = Files.writeString(dir.resolve("policy.yaml"), """
                version: 1
                approvals:
                  server: http://127.0.0.1:9/
                  dmlWithoutWhere: true
                """);
        Cli cli = new Cli().stdin(WORKLOAD);
        assertThat(cli.run("check", "--url", URL, "--user", "sa", "--policy", policy.toString(), "-p",
                "veil.approval.token=t0ken", "--format", "csv")).as(cli::err).isEqualTo(1);
        String[] lines = cli.out().split("\n");
        assertThat(lines[0]).isEqualTo("n,decision,rule,statement,reason");
        assertThat(lines[1]).isEqualTo("1,ALLOWED,,\"SELECT id, city FROM customers WHERE id = ?\",");
        assertThat(lines[2]).isEqualTo("2,MASKED,,SELECT email FROM customers,");
        assertThat(lines[3]).startsWith("3,REFUSED,predicates: deny,SELECT id FROM customers WHERE ssn = ?,\"veil: ")
                .doesNotContain("123-45-6789");
        assertThat(lines[4]).isEqualTo("4,HELD_FOR_APPROVAL,approvals.dmlWithoutWhere,DELETE FROM customers,");
        assertThat(cli.err()).contains("4 statements: 1 allowed, 1 masked, 1 held for approval, 1 refused");
        try (Statement s = keepAlive.createStatement()) {
            var rs = s.executeQuery("SELECT COUNT(*) FROM customers");
            rs.next();
            assertThat(rs.getInt(1)).as("nothing ran").isEqualTo(1);
        }
    }

    @Test
    void aWorkloadWithoutRefusalsExitsZeroAndTotalsUnderTheTable() {
        Cli cli = new Cli().stdin("SELECT id FROM customers\nSELECT email FROM customers;\n");
        assertThat(cli.run("check", "--url", URL, "--user", "sa", "--input", "lines")).as(cli::err).isZero();
        assertThat(cli.out()).contains("| 1 | ALLOWED  |", "| 2 | MASKED   |",
                "2 statements: 1 allowed, 1 masked, 0 held for approval, 0 refused");
    }

    @Test
    void aPostgreSqlLogGivesItsStatements() throws Exception {
        String log = """
                2026-12-05 10:00:00.001 UTC [41] LOG:  statement: SELECT id
                \t  FROM customers
                2026-12-05 10:00:00.002 UTC [41] LOG:  execute <unnamed>: SELECT email FROM customers WHERE id = $1
                2026-12-05 10:00:00.002 UTC [41] DETAIL:  parameters: $1 = '1'
                2026-12-05 10:00:00.003 UTC [41] LOG:  duration: 0.051 ms  statement: SELECT 1
                2026-12-05 10:00:00.004 UTC [41] LOG:  connection authorized: user=app
                """;
        assertThat(Workload.POSTGRESQL_LOG.statements(log, URL)).containsExactly("SELECT id\n  FROM customers",
                "SELECT email FROM customers WHERE id = $1", "SELECT 1");
    }
}
