package dev.veil.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ColumnReference#flows()}: the ways a reference's value reaches the caller, from the statement's graph —
 * not from the clause it sits in — and whether it reaches row selection as a whole value.
 */
class DataFlowTest {

    private static final SqlAnalyzer ANALYZER = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(false));

    private static List<ColumnReference> refs(Dialect d, String sql) {
        Analysis a = ANALYZER.analyze(sql, d, TestCatalogs.of(d));
        assertThat(a.isUnknown()).as(a.toString()).isFalse();
        return a.statements().get(0).columnReferences();
    }

    /** The one reference whose text is {@code text}. */
    private static ColumnReference ref(String sql, String text) {
        return ref(Dialect.POSTGRESQL, sql, text);
    }

    private static ColumnReference ref(Dialect d, String sql, String text) {
        List<ColumnReference> found = refs(d, sql).stream().filter(r -> r.text().equals(text)).toList();
        assertThat(found).as(sql + " / " + text).hasSize(1);
        return found.get(0);
    }

    @Test
    void theSelectListIsReturnedAndWhereSelectsRows() {
        String sql = "SELECT email FROM users WHERE ssn = '1'";
        assertThat(ref(sql, "email").flows()).containsExactly(Flow.RETURNED);
        assertThat(ref(sql, "ssn").flows()).containsExactly(Flow.ROW_SELECTING);
        assertThat(ref(sql, "ssn").partOfValue()).isFalse();
    }

    @Test
    void theOutputsOfASubqueryInAPredicateOnlySelectRows() {
        String in = "SELECT id FROM users WHERE name IN (SELECT note FROM orders)";
        assertThat(ref(in, "note").flows()).containsExactly(Flow.ROW_SELECTING);
        assertThat(ref(in, "note").partOfValue()).isFalse();
        String scalar = "SELECT id FROM users WHERE name = (SELECT MAX(note) FROM orders)";
        assertThat(ref(scalar, "note").flows()).containsExactly(Flow.ROW_SELECTING);
        String notIn = "DELETE FROM users WHERE name NOT IN (SELECT note FROM orders WHERE note IS NOT NULL)";
        refs(Dialect.POSTGRESQL, notIn).forEach(r -> assertThat(r.flows()).containsExactly(Flow.ROW_SELECTING));
        String exists = "SELECT id FROM users u WHERE EXISTS (SELECT note FROM orders o WHERE o.note = u.email)";
        refs(Dialect.POSTGRESQL, exists).stream().filter(r -> !r.text().equals("id"))
                .forEach(r -> assertThat(r.flows()).containsExactly(Flow.ROW_SELECTING));
    }

    @Test
    void aScalarSubqueryInTheSelectListIsReturned() {
        assertThat(ref("SELECT (SELECT MAX(note) FROM orders) FROM users", "note").flows())
                .containsExactly(Flow.RETURNED);
    }

    @Test
    void derivedTablesInsideAPredicateSubquerySelectRowsAndRememberIt() {
        String sql = "SELECT id FROM users WHERE email IN (SELECT d.n FROM (SELECT note AS n FROM orders) d)";
        assertThat(ref(sql, "note").flows()).containsExactly(Flow.ROW_SELECTING);
        ColumnReference outer = ref(sql, "d.n");
        assertThat(outer.origin()).isEqualTo(ColumnReference.Origin.DERIVED);
        assertThat(outer.producedFor()).containsExactly(Flow.ROW_SELECTING);
    }

    @Test
    void aCteGoesWhereItsReadersSendIt() {
        String sql = "WITH o AS (SELECT note FROM orders) SELECT id FROM users WHERE email IN (SELECT note FROM o)";
        ColumnReference inCte = refs(Dialect.POSTGRESQL, sql).stream()
                .filter(r -> r.text().equals("note") && r.origin() == ColumnReference.Origin.BASE_TABLE)
                .findFirst().orElseThrow();
        assertThat(inCte.flows()).containsExactly(Flow.ROW_SELECTING);
        ColumnReference read = refs(Dialect.POSTGRESQL, sql).stream()
                .filter(r -> r.text().equals("note") && r.origin() == ColumnReference.Origin.DERIVED)
                .findFirst().orElseThrow();
        assertThat(read.flows()).containsExactly(Flow.ROW_SELECTING);
        assertThat(read.producedFor()).containsExactly(Flow.ROW_SELECTING);
        String returned = "WITH o AS (SELECT note FROM orders) SELECT note FROM o WHERE note = 'x'";
        ColumnReference produced = refs(Dialect.POSTGRESQL, returned).stream()
                .filter(r -> r.text().equals("note") && r.origin() == ColumnReference.Origin.BASE_TABLE)
                .findFirst().orElseThrow();
        assertThat(produced.flows()).containsExactlyInAnyOrder(Flow.RETURNED, Flow.ROW_SELECTING);
    }

    @Test
    void aDerivedColumnOnlyJoinedOnSelectsRows() {
        String joined = "SELECT u.id FROM users u JOIN (SELECT note AS n FROM orders) d ON d.n = u.email";
        assertThat(ref(joined, "note").flows()).containsExactly(Flow.ROW_SELECTING);
        assertThat(ref(joined, "d.n").producedFor()).containsExactly(Flow.ROW_SELECTING);
        String alsoReturned = "SELECT d.n FROM users u JOIN (SELECT note AS n FROM orders) d ON d.n = u.email";
        assertThat(ref(alsoReturned, "note").flows()).containsExactlyInAnyOrder(Flow.RETURNED, Flow.ROW_SELECTING);
        assertThat(refs(Dialect.POSTGRESQL, alsoReturned)).filteredOn(r -> r.text().equals("d.n"))
                .allSatisfy(r -> assertThat(r.producedFor()).contains(Flow.RETURNED));
    }

    @Test
    void derivedOutputsNobodyReadsOrThatAreReadThroughAStarAreReturned() {
        assertThat(ref("SELECT d.id FROM (SELECT id, email FROM users) d", "email").flows())
                .containsExactly(Flow.RETURNED);
        assertThat(ref("SELECT * FROM (SELECT email FROM users) d", "email").flows())
                .containsExactly(Flow.RETURNED);
        String using = "SELECT * FROM (SELECT email FROM users) a JOIN (SELECT note AS email FROM orders) b"
                + " USING (email)";
        assertThat(ref(using, "note").flows()).containsExactlyInAnyOrder(Flow.RETURNED, Flow.ROW_SELECTING);
        assertThat(refs(Dialect.POSTGRESQL, "SELECT * FROM (SELECT id, email FROM users) d").stream()
                .filter(r -> r.text().equals("email")).findFirst().orElseThrow().flows())
                .containsExactly(Flow.RETURNED);
    }

    @Test
    void distinctAndSetOperationsCompareTheirOutputs() {
        assertThat(ref("SELECT COUNT(*) FROM (SELECT DISTINCT email FROM users) d", "email").flows())
                .containsExactly(Flow.ROW_SELECTING);
        assertThat(ref("SELECT DISTINCT email FROM users", "email").flows())
                .containsExactlyInAnyOrder(Flow.RETURNED, Flow.ROW_SELECTING);
        String union = "SELECT email FROM users UNION SELECT note FROM orders";
        assertThat(ref(union, "note").flows()).containsExactlyInAnyOrder(Flow.RETURNED, Flow.ROW_SELECTING);
        assertThat(ref("SELECT email FROM users UNION ALL SELECT note FROM orders", "note").flows())
                .containsExactly(Flow.RETURNED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT id FROM users WHERE SUBSTR(email, 1, 1) = 'a'",
        "SELECT id FROM users WHERE email LIKE '_b%'",
        "SELECT id FROM users WHERE POSITION('a' IN email) = 1",
        "SELECT id FROM users WHERE LENGTH(email) = 5",
        "SELECT id FROM users WHERE ASCII(email) = 97",
        "SELECT id FROM users WHERE email ~ '^a'",
        "SELECT id FROM users WHERE email || 'x' = 'ax'",
        "SELECT u.id FROM users u JOIN orders o ON o.user_id = u.id AND STRPOS(u.email, 'a') > 0",
        "SELECT id FROM users GROUP BY id, email HAVING SUBSTR(email, 2, 1) = 'b'",
        "SELECT id FROM users ORDER BY CASE WHEN SUBSTR(email, 1, 1) = 'a' THEN 0 ELSE 1 END",
        "SELECT ROW_NUMBER() OVER (ORDER BY LENGTH(email)) FROM users",
        "SELECT id FROM orders LIMIT (SELECT COUNT(*) FROM users WHERE STRPOS(email, 'a') > 0)",
        "SELECT id FROM orders WHERE EXISTS (SELECT 1 FROM users WHERE LEFT(email, 1) = 'a')",
        "SELECT id FROM orders WHERE note IN (SELECT SUBSTR(email, 1, 2) FROM users)",
        "UPDATE users SET name = name WHERE SUBSTR(email, 1, 1) = 'a'",
        "DELETE FROM users WHERE STRPOS(email, 'a') > 0",
        "SELECT COUNT(*) FILTER (WHERE email LIKE 'a%') FROM users",
        "SELECT COUNT(DISTINCT SUBSTR(email, 1, 1)) FROM users"
    })
    void aPredicateOverAPartOfTheValueIsMarked(String sql) {
        List<ColumnReference> email = emails(sql);
        assertThat(email).as(sql).anySatisfy(r -> {
            assertThat(r.flows()).contains(Flow.ROW_SELECTING).doesNotContain(Flow.RETURNED);
            assertThat(r.partOfValue()).isTrue();
        });
    }

    private static List<ColumnReference> emails(String sql) {
        List<ColumnReference> found = refs(Dialect.POSTGRESQL, sql).stream()
                .filter(r -> r.text().equals("email") || r.text().equals("u.email")).toList();
        assertThat(found).as(sql).isNotEmpty();
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT id FROM users WHERE email = 'a'",
        "SELECT id FROM users WHERE email <> 'a' AND NOT (email IS NULL)",
        "SELECT id FROM users WHERE email IN ('a', 'b')",
        "SELECT id FROM users WHERE email BETWEEN 'a' AND 'b'",
        "SELECT id FROM users WHERE (email, id) IN (('a', 1))",
        "SELECT u.id FROM users u JOIN orders o ON o.note = u.email",
        "SELECT id FROM users GROUP BY id, email HAVING MAX(email) > 'm'",
        "SELECT id FROM users ORDER BY CASE WHEN email = 'a' THEN 0 ELSE 1 END",
        "SELECT id FROM orders WHERE note IN (SELECT email FROM users)",
        "SELECT COUNT(DISTINCT email) FROM users",
        "SELECT COUNT(email) FROM users"
    })
    void wholeValueUsesAreNot(String sql) {
        assertThat(emails(sql)).as(sql).allSatisfy(r -> {
            assertThat(r.flows()).containsExactly(Flow.ROW_SELECTING);
            assertThat(r.partOfValue()).isFalse();
        });
    }

    @Test
    void writtenValuesAndCasts() {
        assertThat(ref("INSERT INTO orders (note) SELECT email FROM users", "email").flows())
                .containsExactly(Flow.WRITTEN);
        assertThat(ref("UPDATE orders SET note = (SELECT MAX(email) FROM users)", "email").flows())
                .containsExactly(Flow.WRITTEN);
        assertThat(ref("SELECT id FROM users WHERE CAST(email AS integer) = 1", "email").flows())
                .containsExactlyInAnyOrder(Flow.ROW_SELECTING, Flow.ERROR_RAISING);
        assertThat(ref("SELECT CAST(email AS integer) FROM users", "email").flows())
                .containsExactlyInAnyOrder(Flow.RETURNED, Flow.ERROR_RAISING);
    }

    @Test
    void aViewDefinitionStoresItsPredicatesAndReturnsNothingYet() {
        for (Dialect d : List.of(Dialect.POSTGRESQL, Dialect.H2, Dialect.MARIADB)) {
            String sql = "CREATE VIEW v2 AS SELECT email FROM users WHERE ssn = '1'";
            assertThat(ref(d, sql, "email").flows()).as(d.toString()).isEmpty();
            assertThat(ref(d, sql, "ssn").flows()).containsExactlyInAnyOrder(Flow.ROW_SELECTING,
                    Flow.SCHEMA_EMBEDDED);
        }
        assertThat(ref("CREATE MATERIALIZED VIEW mv AS SELECT email FROM users", "email").flows())
                .containsExactly(Flow.WRITTEN);
    }

    @Test
    void limitExpressionsSelectRows() {
        String sql = "SELECT id FROM orders LIMIT (SELECT COUNT(*) FROM users WHERE email = 'a')";
        assertThat(ref(sql, "email").flows()).isEqualTo(Set.of(Flow.ROW_SELECTING));
    }
}
