package dev.veil.policy.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SqlLiteralsTest {

    @Test
    void postgresqlQuotesAndEscapesBackslashesOnlyInEscapeStrings() {
        assertThat(MaskDialects.POSTGRESQL.stringLiteral("it's")).isEqualTo("'it''s'");
        assertThat(MaskDialects.POSTGRESQL.stringLiteral("a\\'b")).isEqualTo("E'a\\\\''b'");
    }

    @Test
    void mariadbWritesAnythingButPlainAsciiAsUtf8Hex() {
        assertThat(MaskDialects.MARIADB.stringLiteral("***@")).isEqualTo("'***@'");
        assertThat(MaskDialects.MARIADB.stringLiteral("•")).isEqualTo("_utf8mb4 X'e280a2' COLLATE utf8mb4_bin");
        assertThat(MaskDialects.MARIADB.stringLiteral("'")).isEqualTo("_utf8mb4 X'27' COLLATE utf8mb4_bin");
        assertThat(MaskDialects.MARIADB.stringLiteral("\\")).isEqualTo("_utf8mb4 X'5c' COLLATE utf8mb4_bin");
    }

    @Test
    void h2DoublesQuotes() {
        assertThat(MaskDialects.H2.stringLiteral("a'\\")).isEqualTo("'a''\\'");
    }

    @Test
    void numbersAreWrittenSoEveryEngineReadsTheSameValue() {
        assertThat(MaskDialect.exact(new BigDecimal("-0.25"))).isEqualTo("(-0.25)");
        assertThat(MaskDialect.exact(Long.MIN_VALUE + 10)).isEqualTo("(-9223372036854775798)");
        assertThat(MaskDialects.POSTGRESQL.doubleLiteral(0.1)).isEqualTo("CAST('1E-1' AS double precision)");
        assertThat(MaskDialects.MARIADB.doubleLiteral(10.0)).isEqualTo("(100E-1)");
        assertThat(MaskDialects.H2.doubleLiteral(1e-5)).isEqualTo("CAST('10E-6' AS DOUBLE PRECISION)");
    }
}
