package dev.veil.policy.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SqlLiteralsTest {

    @Test
    void postgresqlQuotesAndEscapesBackslashesOnlyInEscapeStrings() {
        assertThat(SqlLiterals.string(Dialect.POSTGRESQL, "it's")).isEqualTo("'it''s'");
        assertThat(SqlLiterals.string(Dialect.POSTGRESQL, "a\\'b")).isEqualTo("E'a\\\\''b'");
    }

    @Test
    void mariadbWritesAnythingButPlainAsciiAsUtf8Hex() {
        assertThat(SqlLiterals.string(Dialect.MARIADB, "***@")).isEqualTo("'***@'");
        assertThat(SqlLiterals.string(Dialect.MARIADB, "•")).isEqualTo("_utf8mb4 X'e280a2' COLLATE utf8mb4_bin");
        assertThat(SqlLiterals.string(Dialect.MARIADB, "'")).isEqualTo("_utf8mb4 X'27' COLLATE utf8mb4_bin");
        assertThat(SqlLiterals.string(Dialect.MARIADB, "\\")).isEqualTo("_utf8mb4 X'5c' COLLATE utf8mb4_bin");
    }

    @Test
    void h2DoublesQuotes() {
        assertThat(SqlLiterals.string(Dialect.H2, "a'\\")).isEqualTo("'a''\\'");
    }

    @Test
    void numbersAreWrittenSoEveryEngineReadsTheSameValue() {
        assertThat(SqlLiterals.exact(new BigDecimal("-0.25"))).isEqualTo("(-0.25)");
        assertThat(SqlLiterals.exact(Long.MIN_VALUE + 10)).isEqualTo("(-9223372036854775798)");
        assertThat(SqlLiterals.floating(Dialect.POSTGRESQL, 0.1)).isEqualTo("CAST('1E-1' AS double precision)");
        assertThat(SqlLiterals.floating(Dialect.MARIADB, 10.0)).isEqualTo("(100E-1)");
        assertThat(SqlLiterals.floating(Dialect.H2, 1e-5)).isEqualTo("CAST('10E-6' AS DOUBLE PRECISION)");
    }
}
