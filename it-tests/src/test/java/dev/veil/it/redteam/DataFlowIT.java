package dev.veil.it.redteam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabase.Engine;
import dev.veil.it.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Masking by data flow (docs/analyzer.md): a value only compared, never returned, is compared raw under
 * {@code predicates: allow} — so Veil returns and changes exactly the rows the vendor driver does — and masked on both
 * sides under {@code masked}; a predicate over a part of an {@code allow} value, an aggregate that counts a
 * {@code deny} value and a stored definition filtering on a sensitive column are refused. Every case runs on H2,
 * PostgreSQL and MariaDB and compares Veil's answer with the vendor driver's.
 */
class DataFlowIT {

    private static final String POLICY = """
            version: 1
            classes:
              email: { mask: email, predicates: allow }
              phone: { mask: partial, keepLast: 2, predicates: masked }
              person_name: { mask: redact }
            columns:
              - { match: df_people.email, class: email }
              - { match: df_orders.ship_email, class: email }
              - { match: df_people.phone, class: phone }
              - { match: df_orders.ship_phone, class: phone }
              - { match: df_people.full_name, class: person_name }
            detect: { names: false, comments: false }
            """;

    private static Path policy;

    @BeforeAll
    static void setUp() throws Exception {
        policy = Files.createTempFile("veil-dataflow", ".yaml");
        Files.writeString(policy, POLICY);
        for (TestDatabase db : TestDatabases.all()) {
            try (Connection c = db.openRaw(); Statement s = c.createStatement()) {
                drop(s);
                s.execute("CREATE TABLE df_people (id INT PRIMARY KEY, full_name VARCHAR(40), email VARCHAR(60),"
                        + " phone VARCHAR(30), score INT)");
                s.execute("CREATE TABLE df_orders (id INT PRIMARY KEY, person_id INT, ship_email VARCHAR(60),"
                        + " ship_phone VARCHAR(30))");
                s.execute("INSERT INTO df_people VALUES (1, 'Ann Lee', 'ann@a.example', '+1 555-000-0101', 5),"
                        + " (2, 'Bob Roe', 'bob@b.example', '+1 555-000-0202', 7),"
                        + " (3, 'Cy Poe', 'cy@a.example', '+1 555-000-0303', 9)");
                // order 11 ships to an address that is not a customer's, and to a phone whose masked form equals
                // customer 2's (same length, same last two digits)
                s.execute("INSERT INTO df_orders VALUES (10, 1, 'ann@a.example', '+1 555-000-0101'),"
                        + " (11, 2, 'zed@b.example', '+1 555-999-0202'), (12, 3, 'cy@a.example', '+1 555-000-0303')");
            }
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        for (TestDatabase db : TestDatabases.all()) {
            try (Connection c = db.openRaw(); Statement s = c.createStatement()) {
                drop(s);
            }
        }
        Files.deleteIfExists(policy);
    }

    private static void drop(Statement s) throws SQLException {
        s.execute("DROP VIEW IF EXISTS df_v");
        s.execute("DROP TABLE IF EXISTS df_orders");
        s.execute("DROP TABLE IF EXISTS df_people");
    }

    private static Connection veil(TestDatabase db) throws SQLException {
        Properties p = new Properties();
        p.setProperty("veil.policy", policy.toString());
        return db.openVeil(p);
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    private static String refusal(TestDatabase db, String sql) {
        try (Connection c = veil(db); Statement s = c.createStatement()) {
            s.execute(sql);
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    static Stream<Arguments> sameRows() {
        List<String> queries = List.of(
                // a value only compared is compared raw (predicates: allow)
                "SELECT id FROM df_people WHERE email IN (SELECT ship_email FROM df_orders) ORDER BY id",
                "SELECT id FROM df_people WHERE email NOT IN (SELECT ship_email FROM df_orders) ORDER BY id",
                "SELECT id FROM df_people p WHERE p.email = (SELECT o.ship_email FROM df_orders o WHERE o.id = 10)",
                "SELECT id FROM df_people p WHERE EXISTS (SELECT 1 FROM df_orders o WHERE o.ship_email = p.email)"
                        + " ORDER BY id",
                "SELECT id FROM df_people p WHERE EXISTS (SELECT o.ship_email FROM df_orders o WHERE o.ship_email"
                        + " = p.email AND o.ship_email IN (SELECT email FROM df_people)) ORDER BY id",
                "SELECT p.id, o.id FROM df_people p JOIN df_orders o ON o.ship_email = p.email ORDER BY p.id",
                "SELECT id FROM df_people WHERE email IN (SELECT d.e FROM (SELECT ship_email AS e FROM df_orders) d)"
                        + " ORDER BY id",
                "SELECT p.id FROM df_people p JOIN (SELECT ship_email AS e FROM df_orders) d ON d.e = p.email"
                        + " ORDER BY p.id",
                "WITH o AS (SELECT ship_email FROM df_orders) SELECT id FROM df_people WHERE email IN"
                        + " (SELECT ship_email FROM o) ORDER BY id",
                "SELECT COUNT(*) FROM (SELECT DISTINCT ship_email FROM df_orders) d",
                "SELECT p.id FROM df_people p WHERE p.email IN (SELECT email FROM df_people UNION"
                        + " SELECT ship_email FROM df_orders) ORDER BY p.id",
                "SELECT id FROM df_people WHERE email BETWEEN 'b' AND 'z' ORDER BY id",
                "SELECT id FROM df_orders ORDER BY ship_email, id",
                "SELECT id FROM df_orders LIMIT (SELECT COUNT(*) FROM df_people WHERE email IN"
                        + " (SELECT ship_email FROM df_orders))",
                "SELECT COUNT(DISTINCT email), COUNT(email) FROM df_people",
                "SELECT COUNT(DISTINCT ship_email) FROM df_orders WHERE ship_email IN (SELECT email FROM df_people)");
        List<Arguments> out = new ArrayList<>();
        for (TestDatabase db : TestDatabases.all()) {
            for (String q : queries) {
                if (q.contains("LIMIT (") && db.engine() == Engine.MARIADB) {
                    continue; // MariaDB takes no expression in LIMIT
                }
                out.add(Arguments.of(db, q));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("sameRows")
    void allowComparesRawValuesAndReturnsTheVendorsRows(TestDatabase db, String sql) throws SQLException {
        try (Connection raw = db.openRaw(); Connection veil = veil(db)) {
            assertThat(rows(veil, sql)).as(sql).isEqualTo(rows(raw, sql)).isNotEmpty();
        }
    }

    static Stream<TestDatabase> databases() {
        return TestDatabases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void deleteWithNotInDeletesTheVendorsRows(TestDatabase db) throws SQLException {
        String delete = "DELETE FROM df_orders WHERE ship_email NOT IN (SELECT email FROM df_people)";
        try (Connection c = veil(db)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate(delete)).as("only order 11 ships to no customer").isEqualTo(1);
                assertThat(rows(c, "SELECT id FROM df_orders ORDER BY id")).containsExactly("10", "12");
            } finally {
                c.rollback();
            }
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("UPDATE df_people SET score = score + 1 WHERE email IN"
                        + " (SELECT ship_email FROM df_orders)")).isEqualTo(2);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void maskedComparesMaskedValuesOnBothSides(TestDatabase db) throws SQLException {
        // customer 2's phone and order 11's differ raw but mask alike: both sides masked, they match
        try (Connection c = veil(db)) {
            assertThat(rows(c, "SELECT id FROM df_people WHERE phone IN (SELECT ship_phone FROM df_orders)"
                    + " ORDER BY id")).containsExactly("1", "2", "3");
            assertThat(rows(c, "SELECT p.id FROM df_people p WHERE EXISTS (SELECT 1 FROM df_orders o WHERE"
                    + " o.ship_phone = p.phone AND o.id = 11)")).containsExactly("2");
        }
    }

    static Stream<Arguments> partOfValue() {
        List<String> statements = List.of(
                "SELECT id FROM df_people WHERE SUBSTRING(email, 1, 1) = 'a'",
                "SELECT id FROM df_people WHERE email LIKE '_n%'",
                "SELECT id FROM df_people WHERE CHAR_LENGTH(email) = 13",
                "SELECT id FROM df_people WHERE POSITION('n' IN email) = 2",
                "SELECT id FROM df_people WHERE ASCII(email) = 97",
                "SELECT id FROM df_people WHERE LOWER(email) = 'ann@a.example'",
                "SELECT p.id FROM df_people p JOIN df_orders o ON o.person_id = p.id AND SUBSTRING(p.email, 2, 1)"
                        + " = 'n'",
                "SELECT id FROM df_people GROUP BY id, email HAVING SUBSTRING(email, 2, 1) = 'n'",
                "SELECT id FROM df_people ORDER BY CASE WHEN SUBSTRING(email, 2, 1) = 'n' THEN 0 ELSE 1 END, id",
                "SELECT ROW_NUMBER() OVER (ORDER BY SUBSTRING(email, 2, 1)), id FROM df_people",
                "SELECT id FROM df_orders WHERE EXISTS (SELECT 1 FROM df_people WHERE SUBSTRING(email, 2, 1) = 'n')",
                "SELECT id FROM df_orders WHERE ship_email IN (SELECT SUBSTRING(email, 1, 3) FROM df_people)",
                "SELECT id FROM df_orders WHERE (SELECT MAX(CHAR_LENGTH(email)) FROM df_people) > 12",
                "UPDATE df_people SET score = score WHERE SUBSTRING(email, 2, 1) = 'n'",
                "DELETE FROM df_people WHERE id = 99 AND SUBSTRING(email, 2, 1) = 'n'",
                "SELECT COUNT(DISTINCT SUBSTRING(email, 1, 1)) FROM df_people",
                "SELECT id FROM df_orders LIMIT (SELECT COUNT(*) FROM df_people WHERE SUBSTRING(email, 2, 1) = 'n')");
        List<Arguments> out = new ArrayList<>();
        for (TestDatabase db : TestDatabases.all()) {
            for (String q : statements) {
                if (q.contains("LIMIT (") && db.engine() == Engine.MARIADB) {
                    continue;
                }
                out.add(Arguments.of(db, q));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("partOfValue")
    void allowRefusesPredicatesOverAPartOfTheValue(TestDatabase db, String sql) {
        assertThat(refusal(db, sql)).as(sql).isNotNull().contains("predicates: allow");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aggregatesThatReturnNoValueFollowThePredicateMode(TestDatabase db) throws SQLException {
        // full_name denies predicates: counting its distinct values would compare them
        assertThat(refusal(db, "SELECT COUNT(DISTINCT full_name) FROM df_people")).contains("predicates: deny");
        // phone compares masked values: three distinct raw phones, three distinct masked ones
        try (Connection c = veil(db)) {
            assertThat(rows(c, "SELECT COUNT(DISTINCT phone) FROM df_people")).containsExactly("3");
            // email allows whole-value predicates: the count is the vendor's
            assertThat(rows(c, "SELECT COUNT(DISTINCT email) FROM df_people")).containsExactly("3");
        }
        if (db.engine() != Engine.MARIADB) {
            assertThat(refusal(db, "SELECT COUNT(*) FILTER (WHERE full_name IS NULL) FROM df_people"))
                    .contains("predicates: deny");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aStoredDefinitionFilteringOnASensitiveColumnIsRefusedAndAViewIsNotMaskedTwice(TestDatabase db)
            throws SQLException {
        assertThat(refusal(db, "CREATE VIEW df_v AS SELECT id FROM df_people WHERE email = 'ann@a.example'"))
                .contains("schema-embedded");
        assertThat(refusal(db, "CREATE VIEW df_v AS SELECT id, email FROM df_people")).isNull();
        try (Connection c = veil(db)) {
            assertThat(rows(c, "SELECT email FROM df_v ORDER BY id")).containsExactly("a***@a.example",
                    "b***@b.example", "c***@a.example");
        }
        try (Connection c = db.openRaw()) {
            assertThat(rows(c, "SELECT email FROM df_v ORDER BY id")).as("the view stores the definition as written")
                    .containsExactly("ann@a.example", "bob@b.example", "cy@a.example");
            try (Statement s = c.createStatement()) {
                s.execute("DROP VIEW df_v");
            }
        }
    }
}
