package dev.veil.analyzer.internal.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.insert.Insert;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiteralProjectionsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO t SELECT 1, 2",
        "INSERT INTO t (a, b) SELECT ?, ?",
        "INSERT INTO t SELECT -1, 'x', NULL",
        "INSERT INTO t SELECT 1 WHERE 1 = 0"})
    void aQueryOfValuesOverNoTableIsOneRow(String sql) throws Exception {
        assertThat(LiteralProjections.oneRowOfValues(source(sql))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO t SELECT g, g FROM generate_series(1, 5000) g",
        "INSERT INTO t SELECT generate_series(1, 5000), 0",
        "INSERT INTO t SELECT unnest(ARRAY[1, 2, 3]), 0",
        "INSERT INTO t SELECT a, b FROM s",
        "INSERT INTO t SELECT 1, 2 UNION ALL SELECT 3, 4",
        "INSERT INTO t WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n, n FROM r",
        "INSERT INTO t SELECT 1 + 1, 2",
        "INSERT INTO t SELECT (SELECT max(a) FROM s), 2"})
    void anythingElseMayMakeMoreRows(String sql) throws Exception {
        assertThat(LiteralProjections.oneRowOfValues(source(sql))).isFalse();
    }

    private static net.sf.jsqlparser.statement.select.Select source(String sql) throws Exception {
        return ((Insert) CCJSqlParserUtil.parseStatements(sql).get(0)).getSelect();
    }
}
