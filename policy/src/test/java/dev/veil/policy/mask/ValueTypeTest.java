package dev.veil.policy.mask;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueTypeTest {

    @ParameterizedTest(name = "{0} ({1}) is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            varchar           | 12   | STRING
            text              | 12   | STRING
            bpchar            | 1    | STRING
            CLOB              | 2005 | STRING
            citext            | 1111 | STRING
            int4              | 4    | INTEGER
            BIGINT            | -5   | INTEGER
            TINYINT           | -6   | INTEGER
            BIGINT UNSIGNED   | -5   | DECIMAL
            numeric           | 2    | DECIMAL
            float8            | 8    | FLOATING
            REAL              | 7    | FLOATING
            bool              | -7   | BOOLEAN
            BOOLEAN           | 16   | BOOLEAN
            date              | 91   | DATE
            YEAR              | 91   | INTEGER
            timestamptz       | 93   | TIMESTAMP
            TIMESTAMP WITH TIME ZONE | 2014 | TIMESTAMP
            time              | 92   | TIME
            bytea             | -2   | BINARY
            BLOB              | 2004 | BINARY
            jsonb             | 1111 | JSON
            JSON              | -1   | JSON
            uuid              | 1111 | OTHER
            money             | 8    | OTHER
            _int4             | 2003 | OTHER
            """)
    void jdbcTypesMapToFamilies(String typeName, int code, ValueType expected) {
        assertThat(ValueType.of(typeName, code)).isEqualTo(expected);
    }
}
