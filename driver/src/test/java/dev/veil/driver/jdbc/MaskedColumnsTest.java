package dev.veil.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code veil.masking=driver}, every method of {@link ResultSet} that takes a column, called on a masked column,
 * gives the masked value or a refusal: never the raw value, and never the vendor's result. Found by reflection, so
 * that a method added to {@code ResultSet} later is held to it too.
 */
class MaskedColumnsTest {

    private static final String RAW = "ann@example.com";
    private static final String MASKED = "a***@example.com";
    /** Methods whose first {@code int} or {@code String} parameter is not a column. */
    private static final Set<String> NOT_COLUMNS = Set.of("absolute", "relative", "setFetchDirection",
            "setFetchSize", "findColumn");
    /** The getters that serve a masked column its masked text; every other column-taking method refuses it. */
    private static final Set<String> SERVED = Set.of("getString", "getNString", "getObject", "getBytes",
            "getCharacterStream", "getNCharacterStream", "getAsciiStream", "getBinaryStream", "getUnicodeStream",
            "getClob", "getNClob");

    @TempDir
    Path files;
    private Connection veil;

    @BeforeEach
    void open() throws Exception {
        try (Connection raw = DriverManager.getConnection("jdbc:h2:mem:masked_columns;DB_CLOSE_DELAY=-1");
             Statement s = raw.createStatement()) {
            s.execute("DROP ALL OBJECTS");
            s.execute("CREATE TABLE people (id INT PRIMARY KEY, email VARCHAR(60))");
            s.execute("INSERT INTO people VALUES (1, '" + RAW + "'), (2, NULL)");
        }
        Path policy = files.resolve("policy.yaml");
        Files.writeString(policy, """
                version: 1
                classes:
                  email: { mask: email, predicates: allow }
                columns:
                  - { match: people.email, class: email }
                detect: { names: false, comments: false }
                """);
        Properties p = new Properties();
        p.setProperty("veil.policy", policy.toString());
        p.setProperty("veil.masking", "driver");
        p.setProperty("veil.allowUnwrap", "true");
        veil = DriverManager.getConnection("jdbc:veil:h2:mem:masked_columns;DB_CLOSE_DELAY=-1", p);
    }

    @AfterEach
    void close() throws SQLException {
        veil.close();
    }

    @Test
    void everyMethodTakingAMaskedColumnServesTheMaskedValueOrRefuses() throws Exception {
        Set<String> served = new TreeSet<>();
        Set<String> refused = new TreeSet<>();
        try (Statement s = veil.createStatement(); ResultSet rs = s.executeQuery("SELECT email, id FROM people")) {
            assertThat(rs.next()).isTrue();
            for (Method method : ResultSet.class.getMethods()) {
                Class<?>[] types = method.getParameterTypes();
                if (types.length == 0 || NOT_COLUMNS.contains(method.getName())
                        || types[0] != int.class && types[0] != String.class) {
                    continue;
                }
                for (Object column : new Object[] {1, "EMAIL"}) {
                    if (column.getClass() == Integer.class != (types[0] == int.class)) {
                        continue;
                    }
                    String call = method.getName() + "(" + column + ")";
                    Object result;
                    try {
                        result = method.invoke(rs, arguments(column, types));
                    } catch (InvocationTargetException e) {
                        assertThat(e.getCause()).as(call).isInstanceOfSatisfying(SQLException.class, refusal -> {
                            assertThat(refusal.getSQLState()).as(call).isEqualTo("42501");
                            assertThat(refusal.getMessage()).as(call).contains("masking: driver")
                                    .contains(method.getName() + " of column " + column + " is refused")
                                    .doesNotContain(RAW);
                        });
                        refused.add(method.getName());
                        continue;
                    }
                    assertThat(text(result)).as(call).isEqualTo(MASKED);
                    assertThat(rs.wasNull()).as(call).isFalse();
                    served.add(method.getName());
                }
            }
        }
        assertThat(served).isEqualTo(SERVED);
        assertThat(refused).contains("getInt", "getLong", "getBigDecimal", "getBlob", "getArray", "getURL",
                "getTimestamp", "updateString", "updateNull", "updateObject");
    }

    @Test
    void otherColumnsAndMethodsReachTheVendor() throws Exception {
        try (Statement s = veil.createStatement(); ResultSet rs = s.executeQuery("SELECT email, id FROM people")) {
            rs.setFetchSize(1);
            assertThat(rs.findColumn("email")).isEqualTo(1);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(2)).isEqualTo(1);
            assertThat(rs.getLong("ID")).isEqualTo(1L);
            assertThat(rs.getString("Email")).isEqualTo(MASKED);
            assertThatThrownBy(() -> rs.getObject(1, Integer.class)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("getObject of column 1 is refused");
            assertThatThrownBy(() -> rs.unwrap(org.h2.jdbc.JdbcResultSet.class)).isInstanceOf(SQLException.class)
                    .hasMessageNotContaining(RAW);
            assertThat(rs.isWrapperFor(org.h2.jdbc.JdbcResultSet.class)).isFalse();
            assertThat(rs.getMetaData().getColumnClassName(1)).isEqualTo(String.class.getName());
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isNull();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getInt(2)).isEqualTo(2);
            assertThat(rs.wasNull()).isFalse();
            assertThat(rs.getClob("email")).isNull();
            assertThat(rs.wasNull()).isTrue();
            // NULL reads as NULL through any getter, as the SQL masks give it; an update is still refused
            assertThat(rs.getInt("email")).isZero();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getTimestamp(1)).isNull();
            assertThatThrownBy(() -> rs.updateNull(1)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("updateNull of column 1 is refused");
            assertThat(rs.next()).isFalse();
        }
    }

    /** The column, then zeros and nulls, except a type or a map that a masked value can be read as. */
    private static Object[] arguments(Object column, Class<?>[] types) {
        Object[] args = new Object[types.length];
        args[0] = column;
        for (int i = 1; i < types.length; i++) {
            Class<?> type = types[i];
            args[i] = type == Class.class ? String.class
                    : type == Map.class ? Map.of()
                    : type == boolean.class ? false
                    : type == long.class ? 0L
                    : type == double.class ? 0d
                    : type == float.class ? 0f
                    : type == byte.class ? (byte) 0
                    : type == short.class ? (short) 0
                    : type == int.class ? (Object) 0
                    : null;
        }
        return args;
    }

    private static String text(Object value) throws Exception {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof Reader reader) {
            StringBuilder out = new StringBuilder();
            for (int c; (c = reader.read()) >= 0; ) {
                out.append((char) c);
            }
            return out.toString();
        }
        if (value instanceof InputStream in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return String.valueOf(value);
    }
}
