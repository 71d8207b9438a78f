package dev.veil.it.masking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.it.support.TestDatabase;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.NClob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code veil.masking=driver} through every public JDBC route to a masked column's value: getters with every class,
 * duplicate and differently cased labels, scrollable and updatable result sets, the statement behind a result set,
 * metadata and conversion errors. Each value seen is either the masked value or a refusal, never the stored value.
 */
class DriverMaskingRoutesIT {

    private static final String POLICY = """
            version: 1
            classes:
              email: { mask: email, predicates: allow }
            columns:
              - match: "*.pm_drv_routes.email"
                class: email
              - match: "*.pm_drv_routes.notes"
                class: email
            """;
    private static final String RAW = "ann.secret@example.com";
    private static final String RAW_LOCAL = "nn.secret";
    private static final String MASKED = "a***@example.com";

    @TempDir
    Path dir;

    private Connection veil(TestDatabase db) throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, POLICY);
        Properties props = new Properties();
        props.setProperty("veil.policy", policy.toString());
        props.setProperty("veil.masking", "driver");
        return db.openVeil(props);
    }

    private static void seed(TestDatabase db) throws SQLException {
        String text = switch (db.engine()) {
            case POSTGRESQL -> "text";
            case MARIADB -> "LONGTEXT";
            case H2 -> "CLOB";
        };
        try (Connection raw = db.openRaw(); Statement s = raw.createStatement()) {
            s.execute("DROP TABLE IF EXISTS pm_drv_routes");
            s.execute("CREATE TABLE pm_drv_routes (id INT PRIMARY KEY, email VARCHAR(80), city VARCHAR(30), notes "
                    + text + ")");
            s.execute("INSERT INTO pm_drv_routes VALUES (1, '" + RAW + "', 'Oslo', '" + RAW + "'),"
                    + " (2, 'bob.hidden@example.org', 'Rome', 'bob.hidden@example.org')");
        }
    }

    private static void drop(TestDatabase db) throws SQLException {
        try (Connection raw = db.openRaw(); Statement s = raw.createStatement()) {
            s.execute("DROP TABLE IF EXISTS pm_drv_routes");
        }
    }

    /** Everything a value can turn into, as text; a refusal or error as its message. */
    private static String seen(Getter getter) {
        try {
            return text(getter.get());
        } catch (SQLException e) {
            return "error " + e.getSQLState() + " " + e.getMessage();
        } catch (Exception e) {
            return "error " + e;
        }
    }

    private static String text(Object v) throws Exception {
        if (v == null) {
            return "null";
        }
        if (v instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (v instanceof Reader r) {
            StringBuilder out = new StringBuilder();
            for (int c; (c = r.read()) >= 0; ) {
                out.append((char) c);
            }
            return out.toString();
        }
        if (v instanceof InputStream in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (v instanceof Clob c) {
            return c.getSubString(1, (int) c.length()) + " " + text(c.getCharacterStream());
        }
        if (v instanceof Blob b) {
            return new String(b.getBytes(1, (int) b.length()), StandardCharsets.UTF_8);
        }
        if (v instanceof SQLXML x) {
            return x.getString();
        }
        if (v instanceof Array a) {
            return String.valueOf(a.getArray());
        }
        return v + " " + v.getClass().getName();
    }

    @FunctionalInterface
    private interface Getter {
        Object get() throws Exception;
    }

    private static void assertNoRaw(String where, String seen) {
        assertThat(seen).as(where).doesNotContain(RAW_LOCAL).doesNotContain("ob.hidden");
    }

    /** Every getter, by index and label, of column {@code col} labelled {@code label}. */
    private static List<String> everything(ResultSet rs, int col, String label) {
        List<String> out = new ArrayList<>();
        List<Class<?>> classes = List.of(String.class, Object.class, CharSequence.class, byte[].class, Reader.class,
                InputStream.class, Clob.class, NClob.class, Blob.class, SQLXML.class, Array.class, java.net.URL.class,
                java.sql.Ref.class, java.sql.RowId.class, java.util.UUID.class, Integer.class, Long.class,
                java.math.BigDecimal.class, Boolean.class, java.time.LocalDate.class, java.sql.Timestamp.class,
                char[].class, java.io.Serializable.class, Comparable.class);
        for (Class<?> c : classes) {
            out.add(c.getSimpleName() + ": " + seen(() -> rs.getObject(col, c)));
            out.add(c.getSimpleName() + " by label: " + seen(() -> rs.getObject(label, c)));
        }
        List<Getter> getters = List.of(() -> rs.getString(col), () -> rs.getString(label), () -> rs.getNString(label),
                () -> rs.getObject(col), () -> rs.getObject(label), () -> rs.getObject(label, java.util.Map.of()),
                () -> rs.getBytes(label), () -> rs.getCharacterStream(label), () -> rs.getAsciiStream(label),
                () -> rs.getBinaryStream(label), () -> rs.getUnicodeStream(col), () -> rs.getClob(label),
                () -> rs.getNClob(label), () -> rs.getBlob(label), () -> rs.getSQLXML(col), () -> rs.getSQLXML(label),
                () -> rs.getRowId(col), () -> rs.getRef(col), () -> rs.getURL(label), () -> rs.getArray(label),
                () -> rs.getInt(col), () -> rs.getLong(label), () -> rs.getDouble(col), () -> rs.getFloat(col),
                () -> rs.getShort(col), () -> rs.getByte(col), () -> rs.getBigDecimal(col),
                () -> rs.getBigDecimal(col, 2), () -> rs.getBoolean(label), () -> rs.getDate(col),
                () -> rs.getTime(col), () -> rs.getTimestamp(label), () -> rs.getDate(col, java.util.Calendar
                        .getInstance()), () -> rs.getTimestamp(col, java.util.Calendar.getInstance()));
        for (int i = 0; i < getters.size(); i++) {
            out.add("getter " + i + ": " + seen(getters.get(i)));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void everyGetterAndClassGivesTheMaskedValueOrARefusal(TestDatabase db) throws Exception {
        seed(db);
        try (Connection veil = veil(db); Statement s = veil.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, email, notes FROM pm_drv_routes ORDER BY id")) {
            assertThat(rs.next()).isTrue();
            for (String seen : everything(rs, 2, "email")) {
                assertNoRaw("email " + seen, seen);
            }
            for (String seen : everything(rs, 3, "notes")) {
                assertNoRaw("notes " + seen, seen);
            }
            assertThat(rs.getString("EMAIL")).isEqualTo(MASKED);
            assertThat(rs.getString("Email")).isEqualTo(MASKED);
            assertThat(rs.getString(3)).isEqualTo(MASKED);
            // the statement behind the result set hands back the same masked rows
            assertThat(rs.getStatement()).isSameAs(s);
            ResultSetMetaData md = rs.getMetaData();
            assertThat(md.getColumnLabel(2)).isEqualToIgnoringCase("email");
        } finally {
            drop(db);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void duplicateLabelsFindTheFirstColumnAndMaskOnlyTheMaskedOne(TestDatabase db) throws Exception {
        seed(db);
        try (Connection veil = veil(db); Statement s = veil.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT email AS x, city AS x FROM pm_drv_routes WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("x")).isEqualTo(MASKED);
                assertThat(rs.getString("X")).isEqualTo(MASKED);
                assertThat(rs.getString(2)).isEqualTo("Oslo");
                assertThat(rs.findColumn("x")).isEqualTo(1);
                for (String seen : everything(rs, 1, "x")) {
                    assertNoRaw(seen, seen);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT city AS x, email AS x FROM pm_drv_routes WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("x")).isEqualTo("Oslo");
                assertThat(rs.getString(2)).isEqualTo(MASKED);
                for (String seen : everything(rs, 2, "x")) {
                    assertNoRaw(seen, seen);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT city AS email, email AS city FROM pm_drv_routes WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("email")).isEqualTo("Oslo");
                assertThat(rs.getString("city")).isEqualTo(MASKED);
                assertThat(rs.getString("CITY")).isEqualTo(MASKED);
            }
        } finally {
            drop(db);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void scrollableAndUpdatableResultSetsStayMasked(TestDatabase db) throws Exception {
        seed(db);
        try (Connection veil = veil(db)) {
            try (Statement s = veil.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
                 ResultSet rs = s.executeQuery("SELECT id, email FROM pm_drv_routes ORDER BY id")) {
                assertThat(rs.last()).isTrue();
                assertThat(rs.getString(2)).isEqualTo("b***@example.org");
                assertThat(rs.previous()).isTrue();
                assertThat(rs.getString(2)).isEqualTo(MASKED);
                assertThat(rs.absolute(2)).isTrue();
                assertNoRaw("absolute", rs.getString("email"));
                assertThat(rs.absolute(-2)).isTrue();
                assertThat(rs.getString("email")).isEqualTo(MASKED);
                assertThat(rs.relative(1)).isTrue();
                assertNoRaw("relative", rs.getString(2));
                rs.beforeFirst();
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).isEqualTo(MASKED);
            }
            List<String> seen = new ArrayList<>();
            try (Statement s = veil.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_UPDATABLE);
                 ResultSet rs = s.executeQuery("SELECT id, email FROM pm_drv_routes ORDER BY id")) {
                assertThat(rs.next()).isTrue();
                seen.add(seen(() -> rs.getString(2)));
                seen.add(seen(() -> {
                    rs.updateString(1, "1");
                    return rs.getString(2);
                }));
                seen.add(seen(() -> {
                    rs.refreshRow();
                    return rs.getString(2);
                }));
                seen.add(seen(() -> {
                    rs.updateString(2, "new@example.com");
                    return rs.getString(2);
                }));
                seen.add(seen(() -> {
                    rs.cancelRowUpdates();
                    return rs.getString(2);
                }));
                seen.add(seen(() -> {
                    rs.moveToInsertRow();
                    rs.updateInt(1, 3);
                    return rs.getString(2);
                }));
                seen.add(seen(() -> {
                    rs.moveToCurrentRow();
                    return rs.getString(2);
                }));
                seen.add(seen(() -> {
                    rs.absolute(2);
                    return rs.getString(2);
                }));
            } catch (SQLException e) {
                seen.add("error " + e.getMessage());
            }
            for (String v : seen) {
                assertNoRaw("updatable " + seen, v);
            }
        } finally {
            // the table must still hold what was stored: an updatable result set may not write masked values back
            try (Connection raw = db.openRaw(); Statement s = raw.createStatement();
                 ResultSet rs = s.executeQuery("SELECT email FROM pm_drv_routes WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(RAW);
            }
            drop(db);
        }
    }

    /**
     * The rows reached another way than the result set first handed out — through its statement, a row set copy, a
     * new text of the same shape, projections that are plain columns written otherwise — and a NULL between values.
     */
    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void otherWaysToTheRowsStayMasked(TestDatabase db) throws Exception {
        seed(db);
        try (Connection raw = db.openRaw(); Statement s = raw.createStatement()) {
            s.execute("INSERT INTO pm_drv_routes VALUES (3, NULL, 'Bern', NULL)");
        }
        String quoted = switch (db.engine()) {
            case POSTGRESQL -> "\"email\"";
            case MARIADB -> "`email`";
            case H2 -> "\"EMAIL\"";
        };
        try (Connection veil = veil(db); Statement s = veil.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id, email FROM pm_drv_routes WHERE id = 1")) {
                assertThat(rs.getStatement().getResultSet()).isSameAs(rs);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).isEqualTo(MASKED);
                ResultSetMetaData md = rs.getMetaData();
                assertThat(md.getPrecision(2)).isEqualTo(Integer.MAX_VALUE);
                assertThat(md.getColumnDisplaySize(2)).isEqualTo(Integer.MAX_VALUE);
                assertThat(rs.getStatement().getMoreResults()).isFalse();
                assertThat(rs.getStatement().getResultSet()).isNull();
            }
            // a new literal reuses the plan of the text above: its rows are masked as well
            for (int id = 2; id <= 3; id++) {
                try (ResultSet rs = s.executeQuery("SELECT id, email FROM pm_drv_routes WHERE id = " + id)) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(2)).isEqualTo(id == 2 ? "b***@example.org" : null);
                    assertThat(rs.wasNull()).isEqualTo(id == 3);
                    assertThat(rs.getInt(1)).isEqualTo(id);
                    assertThat(rs.wasNull()).isFalse();
                    assertThat(rs.getObject(2)).isEqualTo(id == 2 ? "b***@example.org" : null);
                    assertThat(rs.wasNull()).isEqualTo(id == 3);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT id, email FROM pm_drv_routes ORDER BY id")) {
                javax.sql.rowset.CachedRowSet copy = javax.sql.rowset.RowSetProvider.newFactory().createCachedRowSet();
                copy.populate(rs);
                List<String> seen = new ArrayList<>();
                while (copy.next()) {
                    seen.add(copy.getString(2));
                    seen.add(seen(() -> copy.getObject(2)));
                }
                assertThat(seen).contains(MASKED);
                for (String v : seen) {
                    assertNoRaw("row set copy " + v, String.valueOf(v));
                }
            }
            for (String sql : List.of("SELECT (email) FROM pm_drv_routes ORDER BY id",
                    "SELECT t.email FROM pm_drv_routes t ORDER BY t.id",
                    "SELECT " + quoted + " FROM pm_drv_routes ORDER BY id",
                    "SELECT * FROM pm_drv_routes ORDER BY id",
                    "SELECT email, email AS e, id AS email2 FROM pm_drv_routes ORDER BY id",
                    "SELECT email AS " + quoted + " FROM pm_drv_routes ORDER BY id")) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    assertThat(rs.next()).as(sql).isTrue();
                    for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                        for (String seen : everything(rs, col, rs.getMetaData().getColumnLabel(col))) {
                            assertNoRaw(sql + " column " + col + " " + seen, seen);
                        }
                    }
                } catch (SQLException refused) {
                    assertNoRaw(sql, refused.getMessage());
                }
            }
        } finally {
            drop(db);
        }
    }
}
