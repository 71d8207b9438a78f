package dev.veil.it.masking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabases;
import dev.veil.policy.mask.HashKey;
import dev.veil.policy.mask.Mask;
import dev.veil.policy.mask.MaskDialect;
import dev.veil.policy.mask.MaskDialects;
import dev.veil.policy.mask.MaskRenderer;
import dev.veil.policy.mask.ReferenceMasker;
import dev.veil.policy.mask.SessionSetup;
import dev.veil.policy.mask.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every mask on every value family gives the same result on H2, PostgreSQL, MariaDB and in the JVM reference
 * implementation, for generated inputs including NULL, empty and long strings, astral characters, numeric and
 * calendar edges. Each try stores a batch of values in one table per engine and reads all masks back in one query.
 */
class MaskEquivalenceIT {

    private static final HashKey KEY = HashKey.of("mask-equivalence-test-key");
    private static final ReferenceMasker JVM = ReferenceMasker.of(KEY);
    private static final String TABLE_PREFIX = "mask_eq_";

    /** Masks under test, with parameter variants; those not applying to a family test the fallback to redact. */
    private static final List<Mask> MASKS = List.of(
            Mask.redact(),
            Mask.nullify(),
            Mask.partial(0, 4, "*"),
            Mask.partial(2, 3, "•"),
            Mask.partial(1, 1, "😀"),
            Mask.partial(0, 0, "#"),
            Mask.email(),
            Mask.hash(),
            Mask.year(),
            Mask.round(BigDecimal.TEN),
            Mask.round(new BigDecimal("7")),
            Mask.round(new BigDecimal("0.25")),
            Mask.round(new BigDecimal("0.01")),
            Mask.round(new BigDecimal("1000000000000000000")));

    private static final Map<MaskDialect, Engine> ENGINES = new LinkedHashMap<>();

    private record Engine(TestDatabase database, MaskDialect dialect, Connection connection, MaskRenderer renderer) {
    }

    @BeforeContainer
    static void openEngines() throws SQLException {
        for (TestDatabase db : TestDatabases.all()) {
            MaskDialect dialect = switch (db.engine()) {
                case H2 -> MaskDialects.H2;
                case POSTGRESQL -> MaskDialects.POSTGRESQL;
                case MARIADB -> MaskDialects.MARIADB;
            };
            Connection connection = db.openRaw();
            installHashSecrets(connection, dialect);
            Engine engine = new Engine(db, dialect, connection, MaskRenderer.of(dialect, KEY));
            for (Family family : Family.values()) {
                try (Statement st = connection.createStatement()) {
                    st.execute("DROP TABLE IF EXISTS " + family.table());
                    st.execute("CREATE TABLE " + family.table() + " (id INT PRIMARY KEY, v "
                            + family.sqlType(db.engine()) + ")"
                            + (dialect == MaskDialects.MARIADB ? " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" : ""));
                }
            }
            ENGINES.put(dialect, engine);
        }
    }

    @AfterContainer
    static void closeEngines() throws SQLException {
        for (Engine engine : ENGINES.values()) {
            try (Statement st = engine.connection().createStatement()) {
                for (Family family : Family.values()) {
                    st.execute("DROP TABLE IF EXISTS " + family.table());
                }
            } finally {
                engine.connection().close();
            }
        }
        ENGINES.clear();
    }

    /** Installs the hash secrets as the driver will: bind parameters, server-side prepared on MariaDB. */
    private static void installHashSecrets(Connection connection, MaskDialect dialect) throws SQLException {
        for (SessionSetup.Statement setup : KEY.sessionSetup(dialect).statements()) {
            try (PreparedStatement ps = dialect == MaskDialects.MARIADB
                    ? connection.unwrap(org.mariadb.jdbc.Connection.class).prepareInternal(setup.sql(),
                            Statement.NO_GENERATED_KEYS, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, true)
                    : connection.prepareStatement(setup.sql())) {
                for (int i = 0; i < setup.parameters().size(); i++) {
                    ps.setObject(i + 1, setup.parameters().get(i));
                }
                ps.execute();
            }
        }
    }

    // ---- properties ------------------------------------------------------------------------------------------

    @Property(tries = 60)
    void strings(@ForAll("strings") List<String> values) throws SQLException {
        check(Family.STRING, values);
    }

    @Property(tries = 40)
    void integers(@ForAll("integers") List<Long> values) throws SQLException {
        check(Family.INTEGER, values);
    }

    @Property(tries = 40)
    void decimals(@ForAll("decimals") List<BigDecimal> values) throws SQLException {
        check(Family.DECIMAL, values);
    }

    @Property(tries = 40)
    void doubles(@ForAll("doubles") List<Double> values) throws SQLException {
        check(Family.FLOATING, values);
    }

    @Property(tries = 30)
    void dates(@ForAll("dates") List<LocalDate> values) throws SQLException {
        check(Family.DATE, values);
    }

    @Property(tries = 30)
    void timestamps(@ForAll("timestamps") List<LocalDateTime> values) throws SQLException {
        check(Family.TIMESTAMP, values);
    }

    @Property(tries = 10)
    void times(@ForAll("times") List<LocalTime> values) throws SQLException {
        check(Family.TIME, values);
    }

    @Property(tries = 20)
    void binaries(@ForAll("binaries") List<byte[]> values) throws SQLException {
        check(Family.BINARY, values);
    }

    @Property(tries = 5)
    void booleans(@ForAll("booleans") List<Boolean> values) throws SQLException {
        check(Family.BOOLEAN, values);
    }

    // ---- generators ------------------------------------------------------------------------------------------

    private static final List<String> PIECES = List.of("a", "Z", "0", "9", " ", "@", ".", "-", "_", "'", "\"", "\\",
            "%", "\n", "\r", "\t", "é", "ß", "Ω", "ç", "e\u0301", "中", "文", "한", "😀", "👍🏽", "𝔘", "\uFFFD", "\u00A0",
            "*", "•", "$1", "(?s)");

    @Provide
    Arbitrary<List<String>> strings() {
        Arbitrary<String> pieces = Arbitraries.of(PIECES).list().ofMaxSize(12).map(l -> String.join("", l));
        Arbitrary<String> ascii = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20);
        Arbitrary<String> emails = net.jqwik.api.Combinators.combine(pieces, pieces)
                .as((local, domain) -> local + "@" + domain);
        Arbitrary<String> longOnes = Arbitraries.of(PIECES).list().ofMinSize(500).ofMaxSize(2500)
                .map(l -> String.join("", l));
        Arbitrary<String> edges = Arbitraries.of("", "@", "@@", "a@", "@b", "😀@😀", "ab", "abcd", "abcdefg",
                "jane.doe@example.com", " ", "x\n@y\n", "😀😀😀😀😀😀");
        Arbitrary<String> any = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, pieces), net.jqwik.api.Tuple.of(3, ascii), net.jqwik.api.Tuple.of(3, emails),
                net.jqwik.api.Tuple.of(1, longOnes), net.jqwik.api.Tuple.of(2, edges));
        return any.injectNull(0.1).list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<Long>> integers() {
        Arbitrary<Long> edges = Arbitraries.of(0L, 1L, -1L, 4L, 5L, -5L, 15L, -15L, 25L, -25L, 3L, -4L,
                Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, Long.MAX_VALUE - 3,
                999_999_999_999_999_999L, 500_000_000_000_000_000L, -500_000_000_000_000_000L,
                9_000_000_000_000_000_000L, -9_000_000_000_000_000_000L, Integer.MAX_VALUE + 0L);
        Arbitrary<Long> any = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, edges),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs()),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(-1000, 1000)));
        return any.injectNull(0.1).list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<BigDecimal>> decimals() {
        BigInteger max = BigInteger.TEN.pow(38).subtract(BigInteger.ONE);
        Arbitrary<BigDecimal> wide = Arbitraries.bigIntegers().between(max.negate(), max)
                .map(u -> new BigDecimal(u, Family.DECIMAL_SCALE));
        Arbitrary<BigDecimal> small = Arbitraries.bigIntegers().between(BigInteger.valueOf(-100_000_000),
                BigInteger.valueOf(100_000_000)).map(u -> new BigDecimal(u, Family.DECIMAL_SCALE));
        Arbitrary<BigDecimal> edges = Arbitraries.of("0", "0.005", "-0.005", "0.125", "-0.125", "5", "-5", "3.5",
                "-3.5", "0.000001", "-0.000001", "99999999999999999999999999999999.999999",
                "-99999999999999999999999999999999.999999").map(s -> new BigDecimal(s).setScale(Family.DECIMAL_SCALE));
        Arbitrary<BigDecimal> any = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, edges),
                net.jqwik.api.Tuple.of(1, wide), net.jqwik.api.Tuple.of(2, small));
        return any.injectNull(0.1).list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<Double>> doubles() {
        Arbitrary<Double> edges = Arbitraries.of(0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 5.0, -5.0, 15.0, 0.125, 0.375,
                0.1, 0.3, 1e300, -1e300, 1e-300, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 4.5e15,
                9.007199254740993e15, 123456789.123456789);
        Arbitrary<Double> bits = Arbitraries.longs().map(Double::longBitsToDouble)
                .filter(d -> !d.isNaN() && !d.isInfinite() && (d == 0.0 || Math.abs(d) >= Double.MIN_NORMAL));
        Arbitrary<Double> plain = Arbitraries.doubles().between(-1e6, 1e6);
        Arbitrary<Double> any = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, edges),
                net.jqwik.api.Tuple.of(1, bits), net.jqwik.api.Tuple.of(2, plain));
        return any.injectNull(0.1).list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<LocalDate>> dates() {
        Arbitrary<LocalDate> edges = Arbitraries.of(LocalDate.of(1, 1, 1), LocalDate.of(1, 12, 31),
                LocalDate.of(4, 2, 29), LocalDate.of(1582, 10, 4), LocalDate.of(1582, 10, 15), LocalDate.of(1900, 3, 1),
                LocalDate.of(2000, 2, 29), LocalDate.of(2024, 12, 31), LocalDate.of(9999, 12, 31),
                LocalDate.of(1970, 1, 1));
        Arbitrary<LocalDate> any = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, edges),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(LocalDate.of(1, 1, 1).toEpochDay(),
                        LocalDate.of(9999, 12, 31).toEpochDay()).map(LocalDate::ofEpochDay)));
        return any.injectNull(0.1).list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<LocalDateTime>> timestamps() {
        Arbitrary<LocalDateTime> any = net.jqwik.api.Combinators.combine(dates().map(l -> l.get(0)),
                Arbitraries.longs().between(0, 86_400_000_000L - 1))
                .as((d, micros) -> d == null ? null : d.atStartOfDay().plusNanos(micros * 1000));
        Arbitrary<LocalDateTime> edges = Arbitraries.of(LocalDateTime.of(1, 1, 1, 0, 0),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000), LocalDateTime.of(2000, 2, 29, 12, 0));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, any), net.jqwik.api.Tuple.of(1, edges))
                .injectNull(0.1).list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<LocalTime>> times() {
        return Arbitraries.longs().between(0, 86_400_000_000L - 1).map(m -> LocalTime.ofNanoOfDay(m * 1000))
                .injectNull(0.1).list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<byte[]>> binaries() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300).injectNull(0.1).list().ofMinSize(1)
                .ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<Boolean>> booleans() {
        return Arbitraries.of(true, false).injectNull(0.3).list().ofMinSize(1).ofMaxSize(6);
    }

    // ---- the check -------------------------------------------------------------------------------------------

    private static void check(Family family, List<?> values) throws SQLException {
        List<String> mismatches = new ArrayList<>();
        for (Engine engine : ENGINES.values()) {
            Connection c = engine.connection();
            try (Statement st = c.createStatement()) {
                st.execute("DELETE FROM " + family.table());
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + family.table() + " VALUES (?, ?)")) {
                for (int i = 0; i < values.size(); i++) {
                    insert.setInt(1, i);
                    insert.setObject(2, values.get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            StringBuilder select = new StringBuilder("SELECT id, v");
            for (Mask mask : MASKS) {
                select.append(", ").append(engine.renderer().render(mask, "v", family.valueType));
            }
            select.append(" FROM ").append(family.table()).append(" ORDER BY id");
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(select.toString())) {
                ResultSetMetaData meta = rs.getMetaData();
                int row = 0;
                while (rs.next()) {
                    Object input = values.get(row++);
                    Object stored = read(rs, 2, family.valueType);
                    if (!sameStored(stored, input)) {
                        mismatches.add(engine.dialect() + " stored " + show(input) + " as " + show(stored));
                        continue;
                    }
                    for (int m = 0; m < MASKS.size(); m++) {
                        Mask mask = MASKS.get(m);
                        Object expected = JVM.apply(mask, input, family.valueType);
                        Object actual = read(rs, m + 3, referenceResultType(family.valueType, mask));
                        if (!same(expected, actual)) {
                            mismatches.add(engine.dialect() + " " + mask + " of " + show(input) + ": expected "
                                    + show(expected) + " but was " + show(actual));
                        }
                        ValueType resultType = ValueType.of(meta.getColumnTypeName(m + 3), meta.getColumnType(m + 3));
                        ValueType expectedType = expectedResultType(engine.dialect(), family.valueType, mask);
                        if (resultType != expectedType) {
                            mismatches.add(engine.dialect() + " " + mask + " on " + family.valueType + " gives a "
                                    + resultType + " (" + meta.getColumnTypeName(m + 3) + "), expected "
                                    + expectedType);
                        }
                    }
                }
                assertThat(row).isEqualTo(values.size());
            }
        }
        assertThat(mismatches).as("differences between the engines and the JVM").isEmpty();
    }

    /** The family of a masked value: the input's, except that a fractional step turns integers into decimals. */
    private static ValueType referenceResultType(ValueType input, Mask mask) {
        Mask effective = mask.effectiveFor(input);
        if (input == ValueType.INTEGER && effective.kind() == dev.veil.policy.mask.MaskKind.ROUND
                && effective.step().stripTrailingZeros().scale() > 0) {
            return ValueType.DECIMAL;
        }
        return input;
    }

    /** The family of a masked column as an engine reports it. */
    private static ValueType expectedResultType(MaskDialect dialect, ValueType input, Mask mask) {
        if (dialect == MaskDialects.MARIADB && input == ValueType.BOOLEAN) {
            return ValueType.INTEGER; // MariaDB's BOOLEAN is TINYINT(1); only a bare column reports as boolean
        }
        return referenceResultType(input, mask);
    }

    private static Object read(ResultSet rs, int column, ValueType type) throws SQLException {
        Object value = switch (type) {
            case STRING -> rs.getString(column);
            case INTEGER -> rs.getLong(column);
            case DECIMAL -> rs.getBigDecimal(column);
            case FLOATING -> rs.getDouble(column);
            case DATE -> rs.getObject(column, LocalDate.class);
            case TIMESTAMP -> rs.getObject(column, LocalDateTime.class);
            case TIME -> rs.getObject(column, LocalTime.class);
            case BINARY -> rs.getBytes(column);
            case BOOLEAN -> rs.getBoolean(column);
            default -> throw new IllegalArgumentException("no reader for " + type);
        };
        return rs.wasNull() ? null : value;
    }

    /** Engines may store a negative zero as zero; every mask maps both to the same result. */
    private static boolean sameStored(Object stored, Object input) {
        if (stored instanceof Double x && input instanceof Double y) {
            return x.doubleValue() == y.doubleValue();
        }
        return same(stored, input);
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        return Objects.equals(a, b);
    }

    private static String show(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof byte[] b) {
            return "X'" + HexFormat.of().formatHex(b) + "'";
        }
        if (value instanceof String s) {
            String shown = s.length() > 80 ? s.substring(0, 80) + "…(" + s.length() + " chars)" : s;
            return "'" + shown.replace("\n", "\\n").replace("\r", "\\r") + "'";
        }
        return value + " (" + value.getClass().getSimpleName() + ")";
    }

    /** One value family with its column type per engine and how to read it back. */
    private enum Family {
        STRING(ValueType.STRING, "text", "MEDIUMTEXT", "CHARACTER VARYING"),
        INTEGER(ValueType.INTEGER, "bigint", "BIGINT", "BIGINT"),
        DECIMAL(ValueType.DECIMAL, "numeric(38,6)", "DECIMAL(38,6)", "NUMERIC(38,6)"),
        FLOATING(ValueType.FLOATING, "double precision", "DOUBLE", "DOUBLE PRECISION"),
        DATE(ValueType.DATE, "date", "DATE", "DATE"),
        TIMESTAMP(ValueType.TIMESTAMP, "timestamp(6)", "DATETIME(6)", "TIMESTAMP(6)"),
        TIME(ValueType.TIME, "time(6)", "TIME(6)", "TIME(6)"),
        BINARY(ValueType.BINARY, "bytea", "LONGBLOB", "BINARY VARYING"),
        BOOLEAN(ValueType.BOOLEAN, "boolean", "BOOLEAN", "BOOLEAN");

        static final int DECIMAL_SCALE = 6;

        final ValueType valueType;
        private final String postgres;
        private final String mariadb;
        private final String h2;

        Family(ValueType valueType, String postgres, String mariadb, String h2) {
            this.valueType = valueType;
            this.postgres = postgres;
            this.mariadb = mariadb;
            this.h2 = h2;
        }

        String table() {
            return TABLE_PREFIX + name().toLowerCase(java.util.Locale.ROOT);
        }

        String sqlType(TestDatabase.Engine engine) {
            return switch (engine) {
                case POSTGRESQL -> postgres;
                case MARIADB -> mariadb;
                case H2 -> h2;
            };
        }
    }
}
