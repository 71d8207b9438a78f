package dev.veil.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The policy-free rewrite API: what the substitution is asked and what SQL comes out. */
class RewriteTest {

    private static final SqlAnalyzer ANALYZER = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(false));

    private static Analysis pg(String sql) {
        return ANALYZER.analyze(sql, Dialect.POSTGRESQL, TestCatalogs.postgres());
    }

    /** Masks every direct reference to users.ssn wherever it returns or writes a value. */
    private static final ColumnSubstitution MASK_SSN = ref -> ref.baseColumn()
            .filter(c -> c.column().equals("ssn") && (ref.clause() == Clause.OUTPUT
                    || ref.clause() == Clause.WRITE_VALUE))
            .map(c -> Substitution.replaceWith("mask(" + ref.text() + ")"))
            .orElse(Substitution.keep());

    @Test
    void replacesAndKeepsTheLabel() {
        RewriteResult r = pg("SELECT id, ssn FROM users WHERE ssn = '1'").rewrite(MASK_SSN);
        assertThat(r.sql()).isEqualTo("SELECT id, (mask(ssn)) AS \"ssn\" FROM users WHERE ssn = '1'");
        assertThat(r.changed()).isTrue();
    }

    @Test
    void existingAliasIsKept() {
        assertThat(pg("SELECT ssn AS s FROM users").rewrite(MASK_SSN).sql()).isEqualTo("SELECT (mask(ssn)) AS s FROM "
                + "users");
    }

    @Test
    void expressionsAroundTheReferenceKeepTheirLabel() {
        assertThat(pg("SELECT lower(u.ssn) FROM users u").rewrite(MASK_SSN).sql())
                .isEqualTo("SELECT lower((mask(u.ssn))) AS \"lower\" FROM users u");
    }

    @Test
    void starIsExpandedInOrderWhenAColumnIsReplaced() {
        assertThat(pg("SELECT * FROM users").rewrite(MASK_SSN).sql()).isEqualTo(
                "SELECT users.\"id\", users.\"name\", users.\"email\", (mask(users.\"ssn\")) AS \"ssn\", "
                        + "users.\"dept_id\", "
                        + "users.\"salary\" FROM users");
        assertThat(pg("SELECT d.*, u.* FROM depts d JOIN users u ON u.dept_id = d.id").rewrite(MASK_SSN).sql())
                .startsWith("SELECT d.*, \"u\".\"id\", \"u\".\"name\", \"u\".\"email\", (mask(\"u\".\"ssn\")) AS "
                        + "\"ssn\"");
    }

    @Test
    void starIsLeftAloneWhenNothingIsReplaced() {
        RewriteResult r = pg("SELECT * FROM orders").rewrite(MASK_SSN);
        assertThat(r.sql()).isEqualTo("SELECT * FROM orders");
        assertThat(r.changed()).isFalse();
    }

    @Test
    void nestedQueriesAreRewrittenAndRealiased() {
        assertThat(pg("SELECT x.s FROM (SELECT ssn AS s FROM users) x").rewrite(MASK_SSN).sql())
                .isEqualTo("SELECT x.s FROM (SELECT (mask(ssn)) AS s FROM users) x");
        assertThat(pg("SELECT s FROM (SELECT ssn FROM users) x(s)").rewrite(MASK_SSN).sql())
                .isEqualTo("SELECT s FROM (SELECT (mask(ssn)) AS \"ssn\" FROM users) x(s)");
        assertThat(pg("WITH c AS (SELECT ssn FROM users) SELECT ssn FROM c UNION SELECT ssn FROM users")
                .rewrite(MASK_SSN).sql())
                .isEqualTo("WITH c AS (SELECT (mask(ssn)) AS \"ssn\" FROM users) SELECT ssn FROM c UNION SELECT "
                        + "(mask(ssn)) AS \"ssn\" FROM users");
    }

    @Test
    void theSubstitutionSeesClauseOriginAndNesting() {
        List<ColumnReference> seen = new ArrayList<>();
        pg("SELECT d.e, count(*) FROM (SELECT email AS e FROM users WHERE ssn > '1') d GROUP BY d.e ORDER BY 1")
                .rewrite(r -> {
                    seen.add(r);
                    return Substitution.keep();
                });
        assertThat(seen).extracting(ColumnReference::text, ColumnReference::clause, ColumnReference::origin,
                ColumnReference::nested)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("d.e", Clause.OUTPUT, ColumnReference.Origin.DERIVED,
                                false),
                        org.assertj.core.groups.Tuple.tuple("email", Clause.OUTPUT, ColumnReference.Origin.BASE_TABLE,
                                true),
                        org.assertj.core.groups.Tuple.tuple("ssn", Clause.WHERE, ColumnReference.Origin.BASE_TABLE,
                                true),
                        org.assertj.core.groups.Tuple.tuple("d.e", Clause.GROUP_BY, ColumnReference.Origin.DERIVED,
                                false),
                        org.assertj.core.groups.Tuple.tuple("1", Clause.ORDER_BY, ColumnReference.Origin.DERIVED,
                                false));
        assertThat(seen.get(4).kind()).isEqualTo(ColumnReference.Kind.OUTPUT_POSITION);
        assertThat(seen.get(4).sources()).extracting(BaseColumn::column).containsExactly("email");
        assertThat(seen.get(4).qualifiedSource()).isEmpty(); // d.e is a derived table's column, not a stored one
    }

    @Test
    void viewColumnsCarryTheirBaseLineage() {
        List<ColumnReference> seen = new ArrayList<>();
        pg("SELECT mail FROM v_user_orders").rewrite(r -> {
            seen.add(r);
            return Substitution.keep();
        });
        assertThat(seen).singleElement().satisfies(r -> {
            assertThat(r.origin()).isEqualTo(ColumnReference.Origin.VIEW);
            assertThat(r.sources()).extracting(BaseColumn::column).containsExactly("email");
            assertThat(r.derived()).isTrue();
            assertThat(r.baseColumn()).isEmpty();
        });
        RewriteResult r = pg("SELECT mail FROM v_user_orders").rewrite(ref
                -> ref.origin() == ColumnReference.Origin.VIEW
                ? Substitution.replaceWith("mask(" + ref.text() + ")") : Substitution.keep());
        assertThat(r.sql()).isEqualTo("SELECT (mask(mail)) AS \"mail\" FROM v_user_orders");
    }

    @Test
    void writesAreRewritten() {
        assertThat(pg("INSERT INTO audit_log (email) SELECT ssn FROM users").rewrite(MASK_SSN).sql())
                .isEqualTo("INSERT INTO audit_log (email) SELECT (mask(ssn)) AS \"ssn\" FROM users");
        assertThat(pg("UPDATE users SET name = ssn").rewrite(MASK_SSN).sql()).isEqualTo("UPDATE users SET name = "
                + "(mask(ssn))");
        assertThat(pg("CREATE TABLE x AS SELECT ssn FROM users").rewrite(MASK_SSN).sql())
                .isEqualTo("CREATE TABLE x AS SELECT (mask(ssn)) AS \"ssn\" FROM users");
        assertThat(pg("DELETE FROM users RETURNING *").rewrite(MASK_SSN).sql()).contains("(mask(users.\"ssn\")) AS "
                + "\"ssn\"");
    }

    @Test
    void wholeRowReferencesAreOfferedAndCanBeRefused() {
        RewriteResult r = pg("SELECT row_to_json(u) FROM users u").rewrite(ref
                -> ref.kind() == ColumnReference.Kind.WHOLE_ROW
                ? Substitution.refuse("whole row of a table with sensitive columns") : Substitution.keep());
        assertThat(r.isRefused()).isTrue();
        assertThat(r.refusal()).isEqualTo("whole row of a table with sensitive columns");
    }

    @Test
    void usingColumnsCannotBeReplaced() {
        RewriteResult r = pg("SELECT * FROM users JOIN audit_log USING (email)").rewrite(ref ->
                ref.kind() == ColumnReference.Kind.USING_COLUMN ? Substitution.replaceWith("x") : Substitution.keep());
        assertThat(r.refusal()).contains("USING");
    }

    @Test
    void unknownStatementsAreNotRewritten() {
        RewriteResult r = pg("SELECT nope FROM users").rewrite(MASK_SSN);
        assertThat(r.isRefused()).isTrue();
        assertThat(r.refusal()).contains("column nope not found");
    }

    @Test
    void multiStatementStringsAreRewrittenInPlace() {
        assertThat(pg("SELECT ssn FROM users; SELECT 1; SELECT u.ssn FROM users u").rewrite(MASK_SSN).sql())
                .isEqualTo("SELECT (mask(ssn)) AS \"ssn\" FROM users; SELECT 1; SELECT (mask(u.ssn)) AS \"ssn\" FROM "
                        + "users u");
    }

    @Test
    void mariadbLabelsAreTheWrittenExpression() {
        Analysis a = ANALYZER.analyze("SELECT lower(ssn), `ssn` FROM users", Dialect.MARIADB, TestCatalogs.mariadb());
        assertThat(a.rewrite(MASK_SSN).sql()).isEqualTo("SELECT lower((mask(ssn))) AS `lower(ssn)`, (mask(`ssn`)) AS "
                + "`ssn` FROM users");
    }

    @Test
    void mariadbExecutableCommentContentIsRewrittenAsCode() {
        Analysis a = ANALYZER.analyze("SELECT id /*!50000 , ssn */ FROM users", Dialect.MARIADB,
                TestCatalogs.mariadb());
        assertThat(a.executedSql()).isEqualTo("SELECT id          , ssn    FROM users");
        assertThat(a.rewrite(MASK_SSN).sql()).isEqualTo("SELECT id          , (mask(ssn)) AS `ssn`    FROM users");
    }

    @Test
    void noReplacementGivesTheExecutedText() {
        RewriteResult r = pg("SELECT id FROM users").rewrite(ref -> Substitution.keep());
        assertThat(r.sql()).isEqualTo("SELECT id FROM users");
        assertThat(r.changed()).isFalse();
    }

    @Test
    void analysesAreNotChangedByRewrites() {
        Analysis a = pg("SELECT * FROM users");
        String first = a.rewrite(MASK_SSN).sql();
        assertThat(a.rewrite(ref -> Substitution.keep()).sql()).isEqualTo("SELECT * FROM users");
        assertThat(a.rewrite(MASK_SSN).sql()).isEqualTo(first);
    }
}
