package dev.veil.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.it.support.ResultSnapshot;
import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus of legitimate statements (test resources {@code legitimate/<engine>.sql}): statements that touch
 * nothing sensitive must run through Veil exactly as through the vendor driver — same result, same table contents
 * afterwards. Each statement once was refused, or is a neighbour of one that was.
 */
class LegitimateStatementsIT {

    @TestFactory
    Stream<DynamicTest> legitimateStatementsRunAsWithTheVendorDriver() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (TestDatabase.Engine engine : TestDatabase.Engine.values()) {
            for (String sql : corpus(engine)) {
                tests.add(DynamicTest.dynamicTest("[" + engine + "] " + sql,
                        () -> sameAsVendor(TestDatabases.of(engine), sql)));
            }
        }
        return tests.stream();
    }

    static List<String> corpus(TestDatabase.Engine engine) throws IOException {
        String name = "/legitimate/" + engine.name().toLowerCase(Locale.ROOT) + ".sql";
        try (InputStream in = LegitimateStatementsIT.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            List<String> statements = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("--")) {
                    statements.add(line.strip());
                }
            }
            return statements;
        }
    }

    private static void sameAsVendor(TestDatabase db, String sql) throws Exception {
        List<Object> vendor;
        try (Connection raw = db.openRaw()) {
            reset(raw);
            vendor = run(raw, raw, sql);
        }
        List<Object> veil;
        try (Connection raw = db.openRaw(); Connection c = db.openVeil()) {
            reset(raw);
            veil = run(c, raw, sql);
            reset(raw);
        }
        assertThat(veil).as(sql).isEqualTo(vendor);
    }

    /** What the statement returned, then the tables' contents as the vendor driver reads them. */
    private static List<Object> run(Connection c, Connection raw, String sql) throws SQLException {
        List<Object> seen = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            boolean result = s.execute(sql);
            seen.add(result ? ResultSnapshot.of(s.getResultSet()) : "updated " + s.getUpdateCount());
        }
        seen.add(ResultSnapshot.query(raw, "SELECT * FROM lg_items ORDER BY id"));
        if (tableExists(raw, "lg_copy")) {
            seen.add(ResultSnapshot.query(raw, "SELECT * FROM lg_copy ORDER BY id"));
        }
        return seen;
    }

    private static boolean tableExists(Connection raw, String name) {
        try (Statement s = raw.createStatement()) {
            s.executeQuery("SELECT 1 FROM " + name + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void reset(Connection raw) throws SQLException {
        try (Statement s = raw.createStatement()) {
            s.execute("DROP TABLE IF EXISTS lg_copy");
            s.execute("DROP TABLE IF EXISTS lg_items");
            s.execute("CREATE TABLE lg_items (id INT PRIMARY KEY, label VARCHAR(40), qty INT, doc VARCHAR(200))");
            s.execute("INSERT INTO lg_items VALUES (1, 'one', 10, '<a>first</a>'), (2, 'two', 20, '<a>second</a>'),"
                    + " (3, 'xoxo', 30, NULL)");
        }
    }
}
