package dev.veil.it.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.it.support.TestDatabase;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code veil.masking=driver}: plain top-level projections of sensitive text columns come back raw from the database
 * and are masked by the driver as rows are read, with the same values the SQL masks give, through every getter;
 * everything else is still masked in SQL, so every query returns exactly what it returns by default.
 */
class DriverMaskingIT {

    private static final String POLICY = """
            version: 1
            classes:
              email: { mask: email, predicates: allow }
              phone: { mask: partial, keepLast: 4, predicates: masked }
              code: { mask: hash, predicates: masked }
            columns:
              - match: "*.pm_drv_people.code"
                class: code
            """;
    private static final String HASH_KEY = "driver-masking-it-hash-key-0001";

    /** Seeded raw values: none may come back through Veil, in either mode. */
    private static final List<String> RAW = List.of("ann@example.com", "+1 555 0101", "😀bob@exämple.org",
            "+1 555 0202", "@lead@at.example", "A-1001", "B-2002");

    private static final List<String> QUERIES = List.of(
            "SELECT id, email, phone, code, city FROM pm_drv_people ORDER BY id",
            "SELECT * FROM pm_drv_people ORDER BY id",
            "SELECT p.email AS contact, p.phone FROM pm_drv_people p WHERE p.id > 1 ORDER BY p.id",
            "SELECT email, email AS again FROM pm_drv_people ORDER BY id",
            "SELECT UPPER(email), MAX(phone) FROM pm_drv_people GROUP BY email ORDER BY 1",
            "SELECT DISTINCT phone FROM pm_drv_people ORDER BY phone",
            "SELECT email FROM pm_drv_people UNION SELECT phone FROM pm_drv_people ORDER BY 1",
            "SELECT email FROM pm_drv_people UNION ALL SELECT email FROM pm_drv_people ORDER BY email",
            "SELECT email FROM pm_drv_people ORDER BY email",
            "SELECT email FROM pm_drv_people ORDER BY 1",
            "SELECT x FROM (SELECT email AS x FROM pm_drv_people) d ORDER BY x",
            "SELECT id, (SELECT q.phone FROM pm_drv_people q WHERE q.id = p.id) FROM pm_drv_people p ORDER BY id",
            "SELECT COUNT(*) FROM pm_drv_people WHERE phone = '+1 555 0101'",
            "SELECT id FROM pm_drv_people WHERE email = 'ann@example.com'");

    @TempDir
    Path dir;

    private Connection veil(TestDatabase db, String masking, String... extra) throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, POLICY);
        Properties props = new Properties();
        props.setProperty("veil.policy", policy.toString());
        props.setProperty("veil.hashKey", HASH_KEY);
        props.setProperty("veil.masking", masking);
        for (int i = 0; i < extra.length; i += 2) {
            props.setProperty(extra[i], extra[i + 1]);
        }
        return db.openVeil(props);
    }

    private static void seed(TestDatabase db) throws SQLException {
        try (Connection raw = db.openRaw(); Statement s = raw.createStatement()) {
            s.execute("DROP TABLE IF EXISTS pm_drv_people");
            s.execute("CREATE TABLE pm_drv_people (id INT PRIMARY KEY, email VARCHAR(80), phone VARCHAR(30),"
                    + " code VARCHAR(20), city VARCHAR(30))");
            try (PreparedStatement ps = raw.prepareStatement("INSERT INTO pm_drv_people VALUES (?, ?, ?, ?, ?)")) {
                Object[][] rows = {
                    {1, RAW.get(0), RAW.get(1), RAW.get(5), "Oslo"},
                    {2, RAW.get(2), RAW.get(3), RAW.get(6), "Rome"},
                    {3, RAW.get(4), "12", null, "Oslo"},
                    {4, null, null, null, null}};
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                    ps.execute();
                }
            }
        }
    }

    private static void drop(TestDatabase db) throws SQLException {
        try (Connection raw = db.openRaw(); Statement s = raw.createStatement()) {
            s.execute("DROP TABLE pm_drv_people");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void everyQueryReturnsWhatTheSqlMasksReturn(TestDatabase db) throws Exception {
        seed(db);
        try (Connection database = veil(db, "database"); Connection driver = veil(db, "driver")) {
            int answered = 0;
            for (String sql : QUERIES) {
                String expected = outcome(database, sql);
                assertThat(outcome(driver, sql)).as(sql).isEqualTo(expected);
                assertThat(expected).as(sql).doesNotContain(RAW.toArray(new String[0]));
                answered += expected.startsWith("refused") ? 0 : 1;
            }
            assertThat(answered).isGreaterThan(QUERIES.size() - 4);
            try (Statement s = driver.createStatement()) {
                assertThat(s.execute("SELECT email FROM pm_drv_people WHERE id = 1")).isTrue();
                ResultSet first = s.getResultSet();
                assertThat(s.getResultSet()).isSameAs(first);
                assertThat(first.next()).isTrue();
                assertThat(first.getString(1)).isEqualTo("a***@example.com");
            }
            String point = "SELECT email, phone FROM pm_drv_people WHERE id = ?";
            try (PreparedStatement ps = driver.prepareStatement(point)) {
                ps.setInt(1, 1);
                for (int run = 0; run < 3; run++) {
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).isEqualTo("a***@example.com");
                        assertThat(rs.getString("phone")).isEqualTo("*******0101");
                    }
                }
            }
        } finally {
            drop(db);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void everyGetterOfAMaskedColumnGivesTheMaskedValue(TestDatabase db) throws Exception {
        seed(db);
        try (Connection driver = veil(db, "driver", "veil.allowUnwrap", "true");
             Statement s = driver.createStatement();
             ResultSet rs = s.executeQuery("SELECT email, id, phone FROM pm_drv_people ORDER BY id")) {
            // the projection left the database raw: its metadata names the table, as no expression would
            ResultSetMetaData md = rs.getMetaData();
            assertThat(md.getTableName(1)).isEqualToIgnoringCase("pm_drv_people");
            assertThat(md.getColumnClassName(1)).isEqualTo(String.class.getName());
            assertThat(md.isWritable(1)).isFalse();
            assertThat(md.getColumnDisplaySize(1)).isEqualTo(Integer.MAX_VALUE);
            assertThat(rs.next()).isTrue();
            String masked = "a***@example.com";
            assertThat(rs.getString(1)).isEqualTo(masked);
            assertThat(rs.getString("EMAIL")).isEqualTo(masked);
            assertThat(rs.getNString(1)).isEqualTo(masked);
            assertThat(rs.getObject(1)).isEqualTo(masked);
            assertThat(rs.getObject("email", String.class)).isEqualTo(masked);
            assertThat(rs.getObject(1, java.util.Map.of())).isEqualTo(masked);
            assertThat(new String(rs.getBytes(1), StandardCharsets.UTF_8)).isEqualTo(masked);
            assertThat(read(rs.getCharacterStream(1))).isEqualTo(masked);
            assertThat(read(rs.getNCharacterStream("email"))).isEqualTo(masked);
            assertThat(read(rs.getAsciiStream(1))).isEqualTo(masked);
            assertThat(read(rs.getBinaryStream(1))).isEqualTo(masked);
            Clob clob = rs.getClob(1);
            assertThat(clob.getSubString(1, (int) clob.length())).isEqualTo(masked);
            assertThat(rs.getNClob(1).getSubString(1, 4)).isEqualTo("a***");
            assertThat(rs.wasNull()).isFalse();
            assertThat(rs.getInt(2)).isEqualTo(1);
            // anything but text is refused, without the value
            for (ThrowingGetter getter : List.<ThrowingGetter>of(r -> r.getInt(1), r -> r.getLong("email"),
                    r -> r.getBigDecimal(1), r -> r.getTimestamp(1), r -> r.getArray(1), r -> r.getBlob(1),
                    r -> r.getObject(1, Integer.class), r -> r.getBoolean(1), r -> r.getURL(1))) {
                assertThatThrownBy(() -> getter.get(rs)).isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("42501");
                    assertThat(e.getMessage()).contains("masking: driver").doesNotContain(RAW.get(0));
                });
            }
            // unwrap is refused even where veil.allowUnwrap permits it: the vendor's rows are raw
            assertThatThrownBy(() -> rs.unwrap(Class.forName(vendorResultSet(db)))).isInstanceOf(SQLException.class);
            assertThat(rs.isWrapperFor(Class.forName(vendorResultSet(db)))).isFalse();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("😀***@exämple.org");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("***@at.example");
            assertThat(rs.getString(3)).isEqualTo("**");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isNull();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getInt(2)).isEqualTo(4);
            assertThat(rs.wasNull()).isFalse();
            assertThat(rs.getInt(3)).isZero();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getClob(1)).isNull();
            assertThat(rs.getCharacterStream(3)).isNull();
        } finally {
            drop(db);
        }
    }

    private static String vendorResultSet(TestDatabase db) {
        return switch (db.engine()) {
            case H2 -> "org.h2.jdbc.JdbcResultSet";
            case POSTGRESQL -> "org.postgresql.jdbc.PgResultSet";
            case MARIADB -> "org.mariadb.jdbc.client.result.Result";
        };
    }

    @FunctionalInterface
    private interface ThrowingGetter {
        Object get(ResultSet rs) throws SQLException;
    }

    private static String read(Reader reader) throws Exception {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[64];
        for (int n; (n = reader.read(buffer)) > 0; ) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }

    private static String read(InputStream in) throws Exception {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The rows as text, or the refusal's SQLState and rule. */
    private static String outcome(Connection c, String sql) {
        try {
            return rows(c, sql).toString();
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            int rule = message.lastIndexOf("(rule:");
            return "refused " + e.getSQLState() + (rule < 0 ? "" : " " + message.substring(rule));
        }
    }

    private static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
