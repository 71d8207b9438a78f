package dev.veil.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.cli.VeilCli;
import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabases;
import dev.veil.policy.PolicyLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code veil classify}, {@code check} and {@code usage report} on real servers: a 3,000-table PostgreSQL schema
 * finishes, a column full of e-mail addresses under a harmless name is found by its samples, {@code --check} fails
 * until a policy covers it, the policy {@code --write-policy} drafts loads and, given to the driver, masks that
 * column; {@code check} reads a PostgreSQL log; the usage report reads the events the driver wrote.
 */
class CliCommandsIT {

    private static final int TABLES = 3_000;

    @TempDir
    Path dir;

    /** What one run of the command printed, and its exit code. */
    record Run(int exit, String out, String err) {
    }

    static Run veil(TestDatabase db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", db.url(), "--user", db.user(), "-p", "password=" + db.password()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = VeilCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aLargePostgreSqlSchemaIsClassifiedAndCheckedAndItsDraftPolicyMasks() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        try (Connection c = db.openRaw(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA cli_many");
            s.execute("DO $$ BEGIN FOR i IN 1.." + TABLES + " LOOP EXECUTE format("
                    + "'CREATE TABLE cli_many.t%s (id int, customer_email text, note text, misc text)', i);"
                    + " END LOOP; END $$");
            s.execute("INSERT INTO cli_many.t7 SELECT g, 'c' || g || '@example.org', 'note ' || g,"
                    + " 'person' || g || '@example.com' FROM generate_series(1, 50) g");
            s.execute("COMMENT ON COLUMN cli_many.t8.note IS 'free text. veil:free_text'");
        }

        long started = System.nanoTime();
        Run all = veil(db, "classify", "--schema", "cli_many", "--format", "csv");
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.err.println("veil classify: " + TABLES + " tables in " + seconds + " s");
        assertThat(all.exit()).as(all::err).isZero();
        List<String> lines = all.out().lines().toList();
        assertThat(lines).hasSize(1 + TABLES * 4);
        assertThat(lines.get(0)).isEqualTo("table,column,type,class,source,evidence");
        assertThat(lines).contains(
                "cli_many.t7,misc,text,email,sample,email-syntax: 50 of 50 samples matched",
                "cli_many.t7,customer_email,text,email,name,name 'customer_email' has the token 'email'",
                "cli_many.t8,note,text,free_text,comment,comment tag 'veil:free_text'",
                "cli_many.t9,misc,text,,,",
                "cli_many.t9,id,int4,,,");
        assertThat(all.out()).doesNotContain("person1@example.com", "c1@example.org");

        Path draft = dir.resolve("policy.yaml");
        Run check = veil(db, "classify", "--schema", "cli_many", "--check", "--write-policy", draft.toString(),
                "--format", "csv");
        assertThat(check.exit()).as(check::err).isEqualTo(1);
        assertThat(check.out().lines().skip(1)).hasSize(TABLES + 1)
                .allMatch(l -> l.contains(",customer_email,") || l.startsWith("cli_many.t7,misc,"));
        assertThat(check.err()).contains((TABLES + 1) + " columns look sensitive with no rule or comment tag");
        PolicyLoader.load(draft);
        assertThat(Files.readString(draft)).contains("  - match: \"cli_many.t7.misc\"\n    class: email   # sample:");

        Run covered = veil(db, "classify", "--schema", "cli_many", "--check", "--policy", draft.toString());
        assertThat(covered.exit()).as(covered::err).isZero();
        assertThat(covered.err()).contains(TABLES + " tables checked; every column that looks sensitive is covered");

        Run masked = veil(db, "run", "--policy", draft.toString(), "--format", "csv",
                "SELECT id, misc FROM cli_many.t7 WHERE id = 1");
        assertThat(masked.exit()).as(masked::err).isZero();
        assertThat(masked.out()).startsWith("id,misc\n1,").doesNotContain("person1@example.com");

        dropMany(db);
    }

    /** In steps: one transaction dropping 3,000 tables needs more locks than a default server has. */
    private static void dropMany(TestDatabase db) throws Exception {
        try (Connection c = db.openRaw(); Statement s = c.createStatement()) {
            for (int from = 1; from <= TABLES; from += 500) {
                List<String> tables = new ArrayList<>();
                for (int i = from; i < from + 500 && i <= TABLES; i++) {
                    tables.add("cli_many.t" + i);
                }
                s.execute("DROP TABLE " + String.join(", ", tables));
            }
            s.execute("DROP SCHEMA cli_many");
        }
    }

    @Test
    void checkReadsAPostgreSqlLogAndTheUsageReportReadsTheEventsTheDriverWrote() throws Exception {
        TestDatabase db = TestDatabases.postgres();
        try (Connection c = db.openRaw(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE cli_check_people (id int, email text, ssn text)");
            s.execute("INSERT INTO cli_check_people VALUES (1, 'a@example.org', '123-45-6789')");
        }
        Path log = Files.writeString(dir.resolve("postgresql.log"), """
                2026-12-05 10:00:00.001 UTC [41] LOG:  statement: SELECT id, email
                \t  FROM cli_check_people
                2026-12-05 10:00:00.002 UTC [41] LOG:  execute <unnamed>: SELECT id FROM cli_check_people WHERE ssn = $1
                2026-12-05 10:00:00.002 UTC [41] DETAIL:  parameters: $1 = '123-45-6789'
                2026-12-05 10:00:00.003 UTC [41] LOG:  statement: SELECT id FROM cli_check_people WHERE id = 1
                """);
        Run check = veil(db, "check", "--input", "postgresql-log", "--file", log.toString(), "--format", "csv");
        assertThat(check.exit()).as(check::err).isEqualTo(1);
        assertThat(check.out().lines()).containsExactly("n,decision,rule,statement,reason",
                "1,MASKED,,\"SELECT id, email FROM cli_check_people\",",
                check.out().lines().toList().get(2), "3,ALLOWED,,SELECT id FROM cli_check_people WHERE id = ?,");
        assertThat(check.out().lines().toList().get(2)).startsWith("2,REFUSED,predicates: deny,")
                .doesNotContain("123-45-6789");
        assertThat(check.err()).contains("3 statements: 1 allowed, 1 masked, 0 held for approval, 1 refused");

        Path events = dir.resolve("events.jsonl");
        Run ran = veil(db, "run", "-p", "veil.audit.file=" + events, "-p", "veil.requester=dana", "--format", "csv",
                "SELECT id, email FROM cli_check_people", "SELECT id FROM cli_check_people WHERE ssn = '1'");
        assertThat(ran.exit()).isEqualTo(1);
        // the driver's file sink writes in the background
        for (int waited = 0; waited < 100 && (!Files.exists(events) || Files.readAllLines(events).size() < 2);
                waited++) {
            Thread.sleep(100);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Run usage = new Run(VeilCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), "usage", "report",
                "--events", events.toString(), "--format", "csv"), out.toString(), err.toString());
        assertThat(usage.exit()).as(usage::err).isZero();
        assertThat(usage.out()).isEqualTo("requester,class,decision,statements,rows\n"
                + "dana,email,masked,1,1\ndana,ssn,refused,1,0\n");
        try (Connection c = db.openRaw(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE cli_check_people");
        }
    }

    @Test
    void onMariaDbTheDatabaseIsTheSchema() throws Exception {
        TestDatabase db = TestDatabases.mariadb();
        String schema;
        try (Connection c = db.openRaw(); Statement s = c.createStatement()) {
            schema = c.getCatalog();
            s.execute("DROP TABLE IF EXISTS cli_people");
            s.execute("CREATE TABLE cli_people (id INT, phone_number VARCHAR(40), extra VARCHAR(80)"
                    + " COMMENT 'veil:none')");
            s.execute("INSERT INTO cli_people VALUES (1, '+1 512 716 1890', 'a@b.org')");
        }
        Run run = veil(db, "classify", "--format", "csv");
        assertThat(run.exit()).as(run::err).isZero();
        assertThat(run.out()).contains(schema + ".cli_people,phone_number,VARCHAR,phone,name,",
                schema + ".cli_people,extra,VARCHAR,,,", schema + ".cli_people,id,INT,,,");
        try (Connection c = db.openRaw(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE cli_people");
        }
    }
}
