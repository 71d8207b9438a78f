package dev.veil.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The partition range predicate engines add to split one read (Spark's three forms, Flink's BETWEEN) is a typed
 * fact with the statement without it; look-alikes that are not a range of the whole read are not.
 */
class PartitionRangeTest {

    private static final SqlAnalyzer ANALYZER = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(false));

    private static StatementAnalysis analyze(Dialect d, String sql) {
        return ANALYZER.analyze(sql, d, TestCatalogs.of(d)).statements().get(0);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        // Spark, a table: the three partition shapes, literals
        "POSTGRESQL | SELECT \"id\",\"name\" FROM users WHERE \"id\" < 11 or \"id\" is null"
                + " | \"id\" | SELECT \"id\",\"name\" FROM users",
        "POSTGRESQL | SELECT \"id\",\"name\" FROM users WHERE \"id\" >= 11 AND \"id\" < 21"
                + " | \"id\" | SELECT \"id\",\"name\" FROM users",
        "POSTGRESQL | SELECT \"id\",\"name\" FROM users WHERE \"id\" >= 21"
                + " | \"id\" | SELECT \"id\",\"name\" FROM users",
        // Spark's count: no column, the constant 1
        "POSTGRESQL | SELECT 1 FROM users WHERE \"id\" >= 21 | \"id\" | SELECT 1 FROM users",
        // a pushed-down filter before the range; a query wrapped as a derived table
        "POSTGRESQL | SELECT \"id\" FROM users WHERE (\"name\" IS NOT NULL) AND (\"id\" >= -5 AND \"id\" < 21)"
                + " | \"id\" | SELECT \"id\" FROM users WHERE (\"name\" IS NOT NULL)",
        "POSTGRESQL | SELECT \"id\",\"email\" FROM (SELECT id, email FROM users WHERE dept_id = 3) SPARK_GEN_SUBQ_7"
                + " WHERE \"id\" < 11 or \"id\" is null"
                + " | \"id\" | SELECT \"id\",\"email\" FROM (SELECT id, email FROM users WHERE dept_id = 3)"
                + " SPARK_GEN_SUBQ_7",
        // dates and timestamps are bounded by strings; MariaDB quotes with back-ticks
        "MARIADB    | SELECT `id`,`created_at` FROM orders WHERE `created_at` >= '2024-01-01 00:00:00'"
                + " AND `created_at` < '2024-02-01 00:00:00' | `created_at` | SELECT `id`,`created_at` FROM orders",
        "H2         | SELECT * FROM USERS WHERE \"ID\" < ? or \"ID\" is null | \"ID\" | SELECT * FROM USERS",
        // Flink: BETWEEN with parameters, first among parenthesized conjuncts
        "POSTGRESQL | SELECT id, name FROM users WHERE (id BETWEEN ? AND ?) AND ((name LIKE 'a%'))"
                + " | id | SELECT id, name FROM users WHERE ((name LIKE 'a%'))",
        "POSTGRESQL | SELECT id, name FROM users WHERE id BETWEEN ? AND ? ORDER BY id"
                + " | id | SELECT id, name FROM users ORDER BY id",
        "POSTGRESQL | SELECT \"id\", \"name\" FROM \"users\" WHERE (\"id\" BETWEEN ? AND ?)"
                + " | \"id\" | SELECT \"id\", \"name\" FROM \"users\"",
        "POSTGRESQL | SELECT \"id\" FROM \"users\" WHERE (\"id\" BETWEEN ? AND ?) AND (\"name\" LIKE ?)"
                + " | \"id\" | SELECT \"id\" FROM \"users\" WHERE (\"name\" LIKE ?)",
    })
    void partitionRangesAreRecognizedAndTheWholeReadIsTheStatementWithoutThem(Dialect d, String sql, String column,
                                                                            String whole) {
        StatementAnalysis s = analyze(d, sql);
        assertThat(s.partitionRange()).as(s.toString()).isPresent();
        PartitionRange range = s.partitionRange().get();
        assertThat(range.column()).isEqualTo(column);
        assertThat(range.unpartitionedSql()).isEqualTo(whole);
        StatementAnalysis plain = analyze(d, whole);
        assertThat(range.unpartitioned()).isEqualTo(plain.fingerprint());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT \"id\" FROM users WHERE \"id\" >= 11 AND \"id\" < 21",
        "SELECT \"id\" FROM users WHERE \"id\" >= 55 AND \"id\" < 99",
        "SELECT \"id\" FROM users WHERE \"id\" < 11 OR \"id\" IS NULL",
        "SELECT \"id\" FROM users WHERE \"id\" >= 9000",
    })
    void everyPartitionOfOneReadHasTheSameWholeRead(String sql) {
        assertThat(analyze(Dialect.POSTGRESQL, sql).partitionRange().orElseThrow().unpartitioned())
                .isEqualTo(analyze(Dialect.POSTGRESQL, "SELECT \"id\" FROM users").fingerprint());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // two columns
        "SELECT id FROM users WHERE id >= 1 AND dept_id < 5",
        "SELECT id FROM users WHERE id < 5 OR dept_id IS NULL",
        // OR with other conditions
        "SELECT id FROM users WHERE id >= 5 OR name = 'x'",
        "SELECT id FROM users WHERE (id >= 1 AND id < 5) OR name = 'x'",
        "SELECT id FROM users WHERE name = 'x' OR (id BETWEEN 1 AND 5)",
        "SELECT id FROM users WHERE id < 5 OR id IS NULL OR name = 'x'",
        // two ranges, or a range without parentheses among other conjuncts
        "SELECT id FROM users WHERE (id >= 1) AND (dept_id >= 2)",
        "SELECT id FROM users WHERE name = 'x' AND id >= 5",
        // inside a subquery
        "SELECT * FROM (SELECT id FROM users WHERE id >= 1 AND id < 5) q",
        "SELECT id FROM users WHERE id IN (SELECT user_id FROM orders WHERE user_id >= 3)",
        // not a range of the whole read: aggregates, grouping, limits, joins, expressions
        "SELECT max(salary) FROM users WHERE id >= 1 AND id < 5",
        "SELECT dept_id FROM users WHERE id >= 1 GROUP BY dept_id",
        "SELECT id FROM users WHERE id >= 1 LIMIT 10",
        "SELECT u.id FROM users u JOIN orders o ON o.user_id = u.id WHERE u.id >= 1",
        "SELECT id + 1 FROM users WHERE id >= 1",
        "SELECT row_number() OVER (ORDER BY id) FROM users WHERE id >= 1",
        // not a range form: other operators, negations, bounds that read columns
        "SELECT id FROM users WHERE id > 1 AND id <= 5",
        "SELECT id FROM users WHERE id NOT BETWEEN 1 AND 5",
        "SELECT id FROM users WHERE id < 5 OR id IS NOT NULL",
        "SELECT id FROM users WHERE id >= dept_id",
        "SELECT id FROM users WHERE id BETWEEN 1 AND salary",
        "SELECT id FROM users WHERE lower(name) >= 'a'",
        "SELECT id FROM users WHERE users.id >= 1",
    })
    void lookAlikesAreNotPartitionRanges(String sql) {
        StatementAnalysis s = analyze(Dialect.POSTGRESQL, sql);
        assertThat(s.isUnknown()).as(s.toString()).isFalse();
        assertThat(s.partitionRange()).as(sql).isEmpty();
    }

    @ParameterizedTest(name = "{0} | {1}")
    @CsvSource(delimiter = '|', value = {
        "SELECT 1 FROM users WHERE \"id\" >= 21                 | true",
        "SELECT 1, 'x' FROM users                                | true",
        "SELECT id FROM users                                    | false",
        "SELECT 1, id FROM users                                 | false",
        "SELECT count(*) FROM users                              | false",
        "SELECT (SELECT ssn FROM users LIMIT 1) FROM users        | false",
        "SELECT current_user FROM users                          | false",
    })
    void onlyALiteralSelectListCountsRowsOnly(String sql, boolean rowsOnly) {
        assertThat(analyze(Dialect.POSTGRESQL, sql).rowsOnly()).as(sql).isEqualTo(rowsOnly);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | CREATE TABLE features (\"id\" INTEGER , \"email\" TEXT )",
        "H2         | CREATE TABLE features (\"id\" INTEGER, \"email\" VARCHAR(80))",
        "MARIADB    | CREATE TABLE features (`id` INTEGER , `email` TEXT )",
    })
    void aCreateTableDefinesItsColumns(Dialect d, String sql) {
        StatementAnalysis s = analyze(d, sql);
        assertThat(s.definedColumns()).as(s.toString()).extracting(DefinedColumn::name).containsExactly("id", "email");
        assertThat(s.definedColumns().get(1).typeName()).isIn("TEXT", "VARCHAR");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CREATE TEMPORARY TABLE features (id INT, email TEXT)",
        "CREATE TEMP TABLE features (id INT, email TEXT)", "CREATE TABLE features AS SELECT id, email FROM users"})
    void temporaryTablesAndTablesFromAQueryReportNoDefinedColumns(String sql) {
        assertThat(analyze(Dialect.POSTGRESQL, sql).definedColumns()).as(sql).isEmpty();
    }
}
