package dev.veil.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ColumnReference#qualifiedSource()}: a reference that orders or groups by an output column whose value is a
 * plain input column can be replaced by a qualified reference to that input column, which binds to the stored value
 * even after the select item is masked.
 */
class QualifiedSourceTest {

    private static final SqlAnalyzer ANALYZER = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(false));

    private static List<ColumnReference> refs(Dialect d, String sql, Clause clause) {
        Analysis a = ANALYZER.analyze(sql, d, TestCatalogs.of(d));
        assertThat(a.isUnknown()).as(a.toString()).isFalse();
        return a.statements().get(0).columnReferences().stream().filter(r -> r.clause() == clause).toList();
    }

    private static Optional<String> source(Dialect d, String sql, Clause clause) {
        List<ColumnReference> r = refs(d, sql, clause);
        assertThat(r).as(sql).hasSize(1);
        return r.get(0).qualifiedSource();
    }

    @Test
    void orderByAnOutputNameGivesTheQualifiedInputColumn() {
        assertThat(source(Dialect.POSTGRESQL, "SELECT email FROM users c ORDER BY email",
                Clause.ORDER_BY)).contains("c.email");
        assertThat(source(Dialect.POSTGRESQL, "SELECT email FROM users ORDER BY email",
                Clause.ORDER_BY)).contains("users.email");
        assertThat(source(Dialect.POSTGRESQL, "SELECT u.email AS e FROM public.users u ORDER BY e DESC",
                Clause.ORDER_BY))
                .contains("u.email");
        assertThat(source(Dialect.POSTGRESQL, "SELECT email FROM public.users ORDER BY email", Clause.ORDER_BY))
                .contains("public.users.email");
        assertThat(source(Dialect.MARIADB, "SELECT `email` FROM `users` AS `C` ORDER BY email",
                Clause.ORDER_BY)).contains("C.email");
        assertThat(source(Dialect.H2, "SELECT email FROM users c ORDER BY email", Clause.ORDER_BY)).contains("C.EMAIL");
    }

    @Test
    void theReferenceItselfIsDerived() {
        ColumnReference r = refs(Dialect.POSTGRESQL, "SELECT email FROM users c ORDER BY email",
                Clause.ORDER_BY).get(0);
        assertThat(r.origin()).isEqualTo(ColumnReference.Origin.DERIVED);
        assertThat(r.kind()).isEqualTo(ColumnReference.Kind.COLUMN);
        assertThat(r.sources()).extracting(BaseColumn::column).containsExactly("email");
    }

    @Test
    void namesThatNeedQuotingAreQuoted() {
        assertThat(source(Dialect.POSTGRESQL, "SELECT email FROM users AS \"order\" ORDER BY email", Clause.ORDER_BY))
                .contains("\"order\".email");
        assertThat(source(Dialect.POSTGRESQL, "SELECT email FROM users AS \"Big\" ORDER BY email", Clause.ORDER_BY))
                .contains("\"Big\".email");
        assertThat(source(Dialect.H2, "SELECT email FROM users AS \"low\" ORDER BY email", Clause.ORDER_BY))
                .contains("\"low\".EMAIL");
        assertThat(source(Dialect.MARIADB, "SELECT email FROM users AS `select` ORDER BY email", Clause.ORDER_BY))
                .contains("`select`.email");
    }

    @Test
    void positionsStarsAndDerivedTablesToo() {
        List<ColumnReference> pos = refs(Dialect.POSTGRESQL, "SELECT id, email FROM users u ORDER BY 2, 1",
                Clause.ORDER_BY);
        assertThat(pos).extracting(ColumnReference::text, ColumnReference::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2", ColumnReference.Kind.OUTPUT_POSITION),
                        org.assertj.core.groups.Tuple.tuple("1", ColumnReference.Kind.OUTPUT_POSITION));
        assertThat(pos).extracting(ColumnReference::qualifiedSource).containsExactly(Optional.of("u.email"),
                Optional.of("u.id"));
        assertThat(source(Dialect.POSTGRESQL, "SELECT * FROM users u ORDER BY ssn", Clause.ORDER_BY)).contains("u.ssn");
        // a derived table's column may itself be masked: it is no stored value to fall back on
        assertThat(source(Dialect.POSTGRESQL, "SELECT x.e FROM (SELECT email AS e FROM users) x ORDER BY e",
                Clause.ORDER_BY))
                .isEmpty();
        assertThat(source(Dialect.MARIADB, "SELECT email, count(*) FROM users u GROUP BY 1",
                Clause.GROUP_BY)).contains("u.email");
    }

    @Test
    void groupByAndHavingWhereTheyBindOutputs() {
        // H2 binds GROUP BY names to outputs first; PostgreSQL and MariaDB to inputs (then it is the input column)
        assertThat(source(Dialect.H2, "SELECT email AS e, count(*) FROM users u GROUP BY e",
                Clause.GROUP_BY)).contains("U.EMAIL");
        assertThat(source(Dialect.H2, "SELECT email, count(*) FROM users u GROUP BY email",
                Clause.GROUP_BY)).contains("U.EMAIL");
        ColumnReference pg = refs(Dialect.POSTGRESQL, "SELECT email, count(*) FROM users u GROUP BY email",
                Clause.GROUP_BY).get(0);
        assertThat(pg.origin()).isEqualTo(ColumnReference.Origin.BASE_TABLE);
        assertThat(pg.qualifiedSource()).isEmpty();
        assertThat(source(Dialect.POSTGRESQL, "SELECT email AS e, count(*) FROM users u GROUP BY e",
                Clause.GROUP_BY)).contains("u.email");
        assertThat(source(Dialect.MARIADB, "SELECT email AS e, count(*) FROM users u GROUP BY email HAVING e > 'a'",
                Clause.HAVING))
                .contains("u.email");
        assertThat(source(Dialect.POSTGRESQL, "SELECT DISTINCT ON (e) email AS e, id FROM users u ORDER BY u.email, id",
                Clause.DISTINCT_ON)).contains("u.email");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT lower(email) AS email FROM users u ORDER BY email",
            "SELECT DISTINCT email FROM users u ORDER BY email",
            "SELECT email FROM users UNION SELECT name FROM users ORDER BY email",
            "SELECT email FROM (SELECT email FROM users) ORDER BY email",
            "SELECT id FROM users JOIN orders USING (id) ORDER BY id",
            "SELECT (SELECT u.email FROM depts d ORDER BY email LIMIT 1) FROM users u",
            "SELECT count(*) AS email FROM users ORDER BY email",
    })
    void noQualifiedSourceWhenThereIsNoPlainLocalColumn(String sql) {
        Analysis a = ANALYZER.analyze(sql, Dialect.POSTGRESQL, TestCatalogs.postgres());
        assertThat(a.isUnknown()).as(a.toString()).isFalse();
        assertThat(a.statements().get(0).columnReferences())
                .filteredOn(r -> r.clause() == Clause.ORDER_BY)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.qualifiedSource()).as(r.text()).isEmpty());
    }

    @Test
    void otherClausesHaveNone() {
        Analysis a = ANALYZER.analyze("SELECT email FROM users u WHERE email > 'a' ORDER BY u.email",
                Dialect.POSTGRESQL, TestCatalogs.postgres());
        assertThat(a.statements().get(0).columnReferences()).allSatisfy(r -> assertThat(r.qualifiedSource()).isEmpty());
    }

    // ---- the rewritten statement orders and groups by the stored values (embedded H2) ---------------------------

    private static Connection db;

    @BeforeAll
    static void createDatabase() throws SQLException {
        db = DriverManager.getConnection("jdbc:h2:mem:qualified_source;DB_CLOSE_DELAY=-1");
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50), email VARCHAR(50), ssn VARCHAR(20), "
                    + "dept_id INT, salary NUMERIC(10,2))");
            // email order is the reverse of name order, and two users share an email
            s.execute("INSERT INTO users VALUES (1, 'a', 'z@x', '1', 1, 1), (2, 'b', 'z@x', '2', 1, 1), (3, 'c', "
                    + "'x@x', '3', 1, 1)");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    /**
     * "Masks" email in the select list: for ordering with the user's name (whose order differs), for grouping with a
     * value that is the same for every email (so the groups differ).
     */
    private static ColumnSubstitution maskAndUseRaw(boolean grouping, boolean useRaw) {
        return ref -> {
            if (ref.clause() == Clause.OUTPUT && ref.origin() == ColumnReference.Origin.BASE_TABLE
                    && ref.sources().stream().anyMatch(b -> b.column().equals("EMAIL"))) {
                return Substitution.replaceWith(grouping ? "LEFT(" + ref.text() + ", 0)" : "name");
            }
            if (useRaw && ref.clause() != Clause.OUTPUT && ref.qualifiedSource().isPresent()) {
                return Substitution.replaceWith(ref.qualifiedSource().get());
            }
            return Substitution.keep();
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT id, email FROM users u ORDER BY email, id",
            "SELECT id, email AS e FROM users ORDER BY e, 1",
            "SELECT id, email FROM users u ORDER BY 2, 1",
            "SELECT email, count(*) AS n FROM users u GROUP BY email ORDER BY email",
            "SELECT email AS e, count(*) AS n FROM users GROUP BY e ORDER BY 1",
            "SELECT * FROM users c ORDER BY email, id",
    })
    void rewrittenQueriesOrderAndGroupAsTheRawQuery(String sql) throws SQLException {
        Analysis a = ANALYZER.analyze(sql, Dialect.H2, TestCatalogs.h2());
        assertThat(a.isUnknown()).as(a.toString()).isFalse();
        boolean grouping = sql.contains("GROUP BY");
        RewriteResult raw = a.rewrite(maskAndUseRaw(grouping, true));
        RewriteResult masked = a.rewrite(maskAndUseRaw(grouping, false));
        assertThat(raw.isRefused()).as(raw.refusal()).isFalse();
        List<String> expected = firstColumnOtherThanEmail(sql);
        assertThat(firstColumnOtherThanEmail(raw.sql())).as(raw.sql()).isEqualTo(expected);
        // without the qualified source the statement orders or groups by the masked value: a different answer
        assertThat(firstColumnOtherThanEmail(masked.sql())).as(masked.sql()).isNotEqualTo(expected);
    }

    /** The id (or count) column of each row, in order. */
    private static List<String> firstColumnOtherThanEmail(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int col = 1;
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                String l = rs.getMetaData().getColumnLabel(i);
                if (l.equals("ID") || l.equals("N")) {
                    col = i;
                    break;
                }
            }
            List<String> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getString(col));
            return out;
        }
    }
}
