package dev.veil.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The columns a single-table query's WHERE pins with {@code =} to a literal at its top level are a typed fact; any
 * query whose rows could be multiplied or produced otherwise, or whose comparison is not a plain equality with a
 * literal at the top level, reports none.
 */
class PinnedColumnsTest {

    private static final SqlAnalyzer ANALYZER = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(false));

    private static StatementAnalysis analyze(Dialect d, String sql) {
        return ANALYZER.analyze(sql, d, TestCatalogs.of(d)).statements().get(0);
    }

    private static final TableName USERS = new TableName("app", "public", "users");

    @Test
    void aPointSelectPinsItsColumnWithTheLiteralsKind() {
        StatementAnalysis s = analyze(Dialect.POSTGRESQL, "SELECT id, email FROM users WHERE id = 42");
        assertThat(s.pinnedColumns()).contains(new PinnedColumns(USERS,
                Map.of("id", Set.of(PinnedColumns.Literal.NUMBER))));
    }

    @Test
    void everyTopLevelConjunctPinsAndOtherConjunctsOnlyNarrow() {
        StatementAnalysis s = analyze(Dialect.POSTGRESQL, "SELECT id, email FROM users"
                + " WHERE (id = -7 AND 'a@b' = email) AND (name = 'x' OR dept_id > 3)"
                + " AND salary IN (SELECT budget FROM depts) LIMIT 5");
        assertThat(s.pinnedColumns()).contains(new PinnedColumns(USERS,
                Map.of("id", Set.of(PinnedColumns.Literal.NUMBER), "email", Set.of(PinnedColumns.Literal.STRING))));
    }

    @Test
    void mariaDbAndH2NameTheColumnsAsTheirCatalogsDo() {
        assertThat(analyze(Dialect.MARIADB, "SELECT email FROM users WHERE `id` = 3").pinnedColumns().get()
                .columns()).containsOnlyKeys("id");
        assertThat(analyze(Dialect.H2, "SELECT email FROM users WHERE id = 3").pinnedColumns().get()
                .columns()).containsOnlyKeys("ID");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // no equality at the top level
        "SELECT id FROM users WHERE id = 1 OR id = 2",
        "SELECT id FROM users WHERE NOT (id = 1)",
        "SELECT id FROM users WHERE id IN (1)",
        "SELECT id FROM users WHERE id >= 1 AND id <= 1",
        "SELECT id FROM users WHERE id <> 1",
        "SELECT id FROM users",
        // not a plain column or not a plain literal
        "SELECT id FROM users WHERE id + 0 = 1",
        "SELECT id FROM users WHERE lower(email) = 'a'",
        "SELECT id FROM users WHERE id = 1::bigint",
        "SELECT id FROM users WHERE email = 'a' COLLATE \"C\"",
        "SELECT id FROM users WHERE id = dept_id",
        "SELECT id FROM users WHERE id = (SELECT 1)",
        // rows multiplied or produced: joins, set operations, WITH, derived tables, grouping, functions
        "SELECT u.id FROM users u JOIN orders o ON o.user_id = u.id WHERE u.id = 1",
        "SELECT u.id FROM users u, depts d WHERE u.id = 1",
        "SELECT id FROM users WHERE id = 1 UNION ALL SELECT id FROM users WHERE id = 1",
        "WITH x AS (SELECT id FROM users) SELECT id FROM x WHERE id = 1",
        "SELECT id FROM (SELECT id FROM users) x WHERE id = 1",
        "SELECT dept_id FROM users WHERE id = 1 GROUP BY dept_id",
        "SELECT generate_series(1, 1000), id FROM users WHERE id = 1",
        "SELECT id FROM users WHERE id = 1 ORDER BY generate_series(1, 3)",
        "SELECT count(*) FROM users WHERE id = 1",
        // a view reads its own relations
        "SELECT id FROM v_users WHERE id = 1",
        // a correlated column of an outer query is not the query's own
        "SELECT id FROM users WHERE EXISTS (SELECT 1 FROM orders o WHERE o.id = 1)",
    })
    void noFactWhenTheRowsAreNotSelectedByTopLevelEqualitiesAlone(String sql) {
        StatementAnalysis s = analyze(Dialect.POSTGRESQL, sql);
        assertThat(s.pinnedColumns()).as(s.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "MARIADB | SELECT id FROM users FOR SYSTEM_TIME ALL WHERE id = 1",
        "MARIADB | SELECT id FROM users WHERE id <=> 1",
        "MARIADB | SELECT id FROM users WHERE id = 1 OR 1 = 1",
    })
    void noFactForHistoryReadsNorNullSafeEquality(Dialect d, String sql) {
        StatementAnalysis s = analyze(d, sql);
        assertThat(s.pinnedColumns()).as(s.toString()).isEmpty();
    }

    @Test
    void aBindParameterPinsAsAParameter() {
        assertThat(analyze(Dialect.POSTGRESQL, "SELECT email FROM users WHERE ? = id AND name = ?").pinnedColumns()
                .get().columns()).isEqualTo(Map.of("id", Set.of(PinnedColumns.Literal.PARAMETER),
                        "name", Set.of(PinnedColumns.Literal.PARAMETER)));
    }

    @Test
    void otherTextsOfTheShapeKeepTheFact() {
        // the kind of literal is what a shape keeps; a number of another form pins as a number
        assertThat(analyze(Dialect.POSTGRESQL, "SELECT id FROM users WHERE id = 1.5e3").pinnedColumns().get()
                .columns().get("id")).containsExactly(PinnedColumns.Literal.NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "UPDATE users SET name = 'x' WHERE id = 42",
        "UPDATE users SET name = (SELECT max(name) FROM depts) WHERE id = 42 AND salary > 3",
        "DELETE FROM users WHERE id = 42",
        "DELETE FROM users WHERE 42 = id AND name LIKE 'a%' RETURNING id"})
    void anUpdateOrDeleteOfOneTablePinsLikeAQuery(String sql) {
        assertThat(analyze(Dialect.POSTGRESQL, sql).pinnedColumns()).as(sql).contains(new PinnedColumns(USERS,
                Map.of("id", Set.of(PinnedColumns.Literal.NUMBER))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | UPDATE users SET name = 'x' FROM depts WHERE users.id = 1",
        "POSTGRESQL | DELETE FROM users USING depts WHERE users.id = 1",
        "POSTGRESQL | UPDATE users SET name = 'x' WHERE id = 1 OR id = 2",
        "POSTGRESQL | DELETE FROM users WHERE id IN (1, 2)",
        "POSTGRESQL | DELETE FROM users",
        "POSTGRESQL | UPDATE v_users SET name = 'x' WHERE id = 1",
        "MARIADB | UPDATE users u JOIN depts d ON d.id = u.dept_id SET u.name = 'x' WHERE u.id = 1",
        "MARIADB | DELETE users FROM users JOIN depts ON depts.id = users.dept_id WHERE users.id = 1",
    })
    void noFactForWritesThatReadOrChangeMoreThanOneTable(Dialect d, String sql) {
        StatementAnalysis s = analyze(d, sql);
        assertThat(s.pinnedColumns()).as(s.toString()).isEmpty();
    }
}
