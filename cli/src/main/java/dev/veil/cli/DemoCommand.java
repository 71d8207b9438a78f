package dev.veil.cli;

import dev.veil.driver.VeilUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A short tour with no setup: an embedded H2 database with fictitious customers, orders and support tickets, the
 * same queries through the vendor driver and through Veil, side by side.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "A tour of Veil on an embedded H2 database: the same queries through the vendor driver and"
                + " through Veil, side by side.")
final class DemoCommand implements Callable<Integer> {

    /** One stop of the tour; {@code runRaw} is false where the vendor driver would have effects (files). */
    record Scenario(String title, String why, String sql, boolean runRaw) {
        Scenario(String title, String why, String sql) {
            this(title, why, sql, true);
        }
    }

    static final List<Scenario> TOUR = List.of(
            new Scenario("Plain query",
                    "Names, e-mails, phones and SSNs are found by their column names and masked; ids and cities"
                            + " are untouched.",
                    "SELECT id, full_name, email, phone, ssn, city FROM customers ORDER BY id LIMIT 5"),
            new Scenario("Join",
                    "Masks follow the columns through joins; card numbers keep their last four digits.",
                    "SELECT o.id, c.full_name, o.total, o.card_number FROM orders o"
                            + " JOIN customers c ON c.id = o.customer_id WHERE o.status = 'refunded'"
                            + " ORDER BY o.id LIMIT 5"),
            new Scenario("Aggregates",
                    "Aggregates see masked values: MAX over e-mails returns a masked e-mail, MIN over birth dates"
                            + " a year.",
                    "SELECT country, COUNT(*) AS customers, MIN(birth_date) AS oldest, MAX(email) AS last_email"
                            + " FROM customers GROUP BY country ORDER BY country"),
            new Scenario("Free text",
                    "Support tickets quote e-mails and phone numbers; the body is declared free text and redacted.",
                    "SELECT id, subject, body FROM support_tickets ORDER BY id LIMIT 3"),
            new Scenario("Lookup by e-mail",
                    "The policy allows e-mail in predicates: the lookup works on the raw value, the result is"
                            + " still masked.",
                    "SELECT id, full_name, email, city FROM customers WHERE email = 'liam.nakamura45@example.org'"),
            new Scenario("Adversarial: hide the column",
                    "Aliases, expressions, a derived table and a CTE do not hide where a value comes from.",
                    "WITH c AS (SELECT id, email AS contact, ssn FROM customers)"
                            + " SELECT id, UPPER(contact) AS shout, LEFT(ssn, 6) AS first_digits,"
                            + " SUBSTRING(contact, 2, 5) AS middle FROM (SELECT * FROM c) x ORDER BY id LIMIT 3"),
            new Scenario("Adversarial: set operations",
                    "Every branch of a UNION is masked, whatever the first branch's column is called: the cities"
                            + " pass, the phones leave masked.",
                    "SELECT id, 'city' AS kind, city AS anything FROM customers WHERE id < 3"
                            + " UNION ALL SELECT id, 'phone', phone FROM customers WHERE id < 3 ORDER BY 1, 2"),
            new Scenario("Adversarial: make the database quote it",
                    "A failing cast would put the raw value in the error message: Veil masks first and withholds"
                            + " the text of errors of statements that read sensitive columns.",
                    "SELECT CAST(ssn AS INT) FROM customers"),
            new Scenario("Refused: probing a denied predicate",
                    "SSNs may not be used in predicates (the default): LIKE '1%' would reveal them digit by digit.",
                    "SELECT id, full_name FROM customers WHERE ssn LIKE '1%'"),
            new Scenario("Refused: an export",
                    "Writing a table to a file on the server is an export: refused, or held for a reviewer when the"
                            + " policy sets approvals.exports. (Not run through the vendor driver: it would write the"
                            + " file.)",
                    "SELECT CSVWRITE('customers.csv', 'SELECT * FROM customers')", false));

    @Spec
    CommandSpec spec;

    @Option(names = "--width", defaultValue = "${env:COLUMNS:-160}",
            description = "Terminal width for side-by-side tables (default: $COLUMNS or 160)")
    int width;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // lives while the raw connection is open: a second tour in the same JVM starts afresh
        String database = "jdbc:h2:mem:demo";
        Path policy = Files.createTempFile("veil-demo-policy", ".yaml");
        try (Connection raw = DriverManager.getConnection(database, "demo", "")) {
            load(raw);
            Files.writeString(policy, resource("policy.yaml"));
            Properties props = new Properties();
            props.setProperty("user", "demo");
            props.setProperty("veil.policy", policy.toString());
            try (Connection veil = DriverManager.getConnection(VeilUrl.wrapping(database), props)) {
                out.println("Veil demo — an embedded H2 database with fictitious customers, orders and support"
                        + " tickets.");
                out.println("Left: the vendor driver (jdbc:h2:…). Right: Veil (jdbc:veil:h2:…) with this policy:");
                out.println();
                resource("policy.yaml").lines().filter(l -> !l.startsWith("#")).forEach(l -> out.println("    " + l));
                int n = 1;
                for (Scenario scenario : TOUR) {
                    out.println();
                    out.println(n++ + ". " + scenario.title());
                    out.println("   " + scenario.why());
                    out.println("   " + scenario.sql());
                    out.println();
                    List<String> left = scenario.runRaw() ? outcome(raw, scenario.sql())
                            : List.of("(not run: it would write customers.csv)");
                    sideBySide(left, outcome(veil, scenario.sql()), out);
                }
                out.println();
                out.println("Try your own: java -jar cli/target/veil.jar explain --url 'jdbc:veil:…' \"SELECT …\"");
                out.flush();
            }
        } finally {
            Files.deleteIfExists(policy);
        }
        return 0;
    }

    /** A query's table, or its error message, as lines. */
    private List<String> outcome(Connection connection, String sql) {
        try (Statement s = connection.createStatement()) {
            if (!s.execute(sql)) {
                return List.of(s.getUpdateCount() + " rows affected");
            }
            try (ResultSet rs = s.getResultSet()) {
                TablePrinter.Table table = TablePrinter.Table.read(rs, 20);
                List<String> lines = new ArrayList<>(table.lines(Math.max(12, width / 2 / 5)));
                lines.add(table.footer());
                return lines;
            }
        } catch (SQLException e) {
            return wrap("ERROR [SQLState " + e.getSQLState() + "] " + e.getMessage().replaceAll("\\s+", " "),
                    width / 2 - 4);
        }
    }

    private void sideBySide(List<String> left, List<String> right, PrintWriter out) {
        int leftWidth = left.stream().mapToInt(String::length).max().orElse(0);
        int rightWidth = right.stream().mapToInt(String::length).max().orElse(0);
        if (leftWidth + rightWidth + 4 > width) {
            out.println("   vendor driver:");
            left.forEach(l -> out.println("   " + l));
            out.println("   through Veil:");
            right.forEach(l -> out.println("   " + l));
            return;
        }
        out.println("   " + pad("vendor driver", leftWidth) + "    through Veil");
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            String l = i < left.size() ? left.get(i) : "";
            String r = i < right.size() ? right.get(i) : "";
            out.println("   " + pad(l, leftWidth) + "    " + r);
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static void load(Connection raw) throws SQLException {
        try (Statement s = raw.createStatement()) {
            for (String sql : resource("sample.sql").split(";\n")) {
                String statement = sql.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = DemoCommand.class.getResourceAsStream("demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
