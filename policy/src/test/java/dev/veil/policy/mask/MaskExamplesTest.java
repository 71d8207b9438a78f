package dev.veil.policy.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of docs/masking.md: each holds for the JVM reference and for the SQL rendered for (embedded) H2.
 * PostgreSQL and MariaDB are held to the same results by the cross-database property test in it-tests.
 */
class MaskExamplesTest {

    static final HashKey KEY = HashKey.of("docs-example-key-0123");
    private static Connection h2;

    @BeforeAll
    static void open() throws SQLException {
        h2 = DriverManager.getConnection("jdbc:h2:mem:mask_examples");
        for (SessionSetup.Statement s : KEY.sessionSetup(MaskDialects.H2).statements()) {
            try (PreparedStatement ps = h2.prepareStatement(s.sql())) {
                for (int i = 0; i < s.parameters().size(); i++) {
                    ps.setObject(i + 1, s.parameters().get(i));
                }
                ps.execute();
            }
        }
    }

    @AfterAll
    static void close() throws SQLException {
        h2.close();
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of(Mask.redact(), ValueType.STRING, "Jane Doe", "***"),
                Arguments.of(Mask.redact(), ValueType.INTEGER, 42L, 0L),
                Arguments.of(Mask.redact(), ValueType.DATE, LocalDate.of(1984, 7, 14), LocalDate.of(1970, 1, 1)),
                Arguments.of(Mask.nullify(), ValueType.STRING, "s3cr3t", null),
                Arguments.of(Mask.partial(0, 4, "*"), ValueType.STRING, "123-45-6789", "*******6789"),
                Arguments.of(Mask.partial(0, 4, "*"), ValueType.STRING, "abc", "***"),
                Arguments.of(Mask.partial(2, 2, "•"), ValueType.STRING, "DE89370400440532013000",
                        "DE••••••••••••••••••00"),
                Arguments.of(Mask.partial(0, 2, "*"), ValueType.STRING, "😀😀😀😀😀", "***😀😀"),
                Arguments.of(Mask.partial(0, 4, "*"), ValueType.STRING, "", ""),
                Arguments.of(Mask.email(), ValueType.STRING, "jane.doe@example.com", "j***@example.com"),
                Arguments.of(Mask.email(), ValueType.STRING, "élodie@exemple.fr", "é***@exemple.fr"),
                Arguments.of(Mask.email(), ValueType.STRING, "@example.com", "***@example.com"),
                Arguments.of(Mask.email(), ValueType.STRING, "not an address", "***"),
                Arguments.of(Mask.hash(), ValueType.STRING, "jane.doe@example.com",
                        HashKey.hex(KEY.hmac(
                                "jane.doe@example.com".getBytes(java.nio.charset.StandardCharsets.UTF_8)))),
                Arguments.of(Mask.year(), ValueType.DATE, LocalDate.of(1984, 7, 14), LocalDate.of(1984, 1, 1)),
                Arguments.of(Mask.year(), ValueType.TIMESTAMP, LocalDateTime.of(2000, 2, 29, 13, 45, 10),
                        LocalDateTime.of(2000, 1, 1, 0, 0)),
                Arguments.of(Mask.round(new BigDecimal("1000")), ValueType.INTEGER, 52_499L, 52_000L),
                Arguments.of(Mask.round(new BigDecimal("1000")), ValueType.INTEGER, 52_500L, 53_000L),
                Arguments.of(Mask.round(BigDecimal.TEN), ValueType.INTEGER, -15L, -20L),
                Arguments.of(Mask.round(new BigDecimal("0.05")), ValueType.DECIMAL, new BigDecimal("19.97"),
                        new BigDecimal("19.95")),
                Arguments.of(Mask.round(new BigDecimal("0.25")), ValueType.FLOATING, 0.125, 0.25),
                // A mask that does not apply to a type degrades to redact.
                Arguments.of(Mask.email(), ValueType.INTEGER, 5551234L, 0L),
                Arguments.of(Mask.year(), ValueType.STRING, "1984-07-14", "***"));
    }

    @ParameterizedTest(name = "{0} of {2} ({1}) is {3}")
    @MethodSource("examples")
    void jvmReferenceGivesTheDocumentedOutput(Mask mask, ValueType type, Object input, Object expected) {
        assertThat(ReferenceMasker.of(KEY).apply(mask, input, type)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} of {2} ({1}) is {3}")
    @MethodSource("examples")
    void h2GivesTheDocumentedOutput(Mask mask, ValueType type, Object input, Object expected) throws SQLException {
        String sql = "SELECT " + MaskRenderer.of(MaskDialects.H2, KEY).render(mask, "t.v", type)
                + " FROM (SELECT CAST(? AS " + h2Type(type) + ") AS v) t";
        try (PreparedStatement ps = h2.prepareStatement(sql)) {
            ps.setObject(1, input);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                Object actual = switch (type) {
                    case INTEGER -> rs.getLong(1);
                    case DECIMAL -> rs.getBigDecimal(1);
                    case FLOATING -> rs.getDouble(1);
                    case DATE -> rs.getObject(1, LocalDate.class);
                    case TIMESTAMP -> rs.getObject(1, LocalDateTime.class);
                    default -> rs.getString(1);
                };
                assertThat(rs.wasNull() ? null : actual).isEqualTo(expected);
            }
        }
    }

    private static String h2Type(ValueType type) {
        return switch (type) {
            case INTEGER -> "BIGINT";
            case DECIMAL -> "NUMERIC(20, 2)";
            case FLOATING -> "DOUBLE PRECISION";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            default -> "VARCHAR";
        };
    }
}
