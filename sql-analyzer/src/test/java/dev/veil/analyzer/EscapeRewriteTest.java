package dev.veil.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Rewriting statements with JDBC escapes: the edits land in the text handed to the vendor driver (escapes kept), at
 * the places the analysis of the translated text found, and the driver's translation of the result is what was
 * analyzed, edited.
 */
class EscapeRewriteTest {

    private static final SqlAnalyzer ANALYZER = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(false));

    private static Analysis analyze(Dialect d, String sql) {
        Analysis a = ANALYZER.analyze(sql, d, TestCatalogs.of(d));
        assertThat(a.isUnknown()).as(a.toString()).isFalse();
        return a;
    }

    private static final ColumnSubstitution MASK_SSN = ref -> ref.baseColumn()
            .filter(c -> c.column().equalsIgnoreCase("ssn"))
            .map(c -> Substitution.replaceWith("mask(" + ref.text() + ")"))
            .orElse(Substitution.keep());

    @Test
    void theAnalyzedTextIsTheDriversTranslation() {
        Analysis a = analyze(Dialect.POSTGRESQL, "SELECT {fn ucase(ssn)}, {d '2024-01-01'} FROM users");
        assertThat(a.executedSql()).isEqualTo("SELECT {fn ucase(ssn)}, {d '2024-01-01'} FROM users");
        assertThat(a.analyzedSql()).isEqualTo("SELECT upper(ssn), DATE '2024-01-01' FROM users");
        assertThat(a.statements().get(0).text()).isEqualTo(a.sql());
        assertThat(analyze(Dialect.MARIADB,
                "SELECT {fn ucase(ssn)} FROM users").analyzedSql()).isEqualTo("SELECT ucase(ssn) FROM users");
        assertThat(analyze(Dialect.H2,
                "SELECT {fn ucase(ssn)} FROM users").analyzedSql()).isEqualTo("SELECT     ucase(ssn)  FROM users");
        assertThat(analyze(Dialect.POSTGRESQL, "{? = call upper(?)}").analyzedSql()).isEqualTo("SELECT upper(?)");
        assertThat(analyze(Dialect.POSTGRESQL, "{call my_proc(?)}").analyzedSql()).isEqualTo("call my_proc(?)");
    }

    @Test
    void editsLandInsideTheEscapeAndTheAliasAfterIt() {
        assertThat(analyze(Dialect.POSTGRESQL, "SELECT {fn ucase(ssn)} FROM users").rewrite(MASK_SSN).sql())
                .isEqualTo("SELECT {fn ucase((mask(ssn)))} AS \"upper\" FROM users");
        assertThat(analyze(Dialect.MARIADB, "SELECT {fn ucase(ssn)} FROM users").rewrite(MASK_SSN).sql())
                .isEqualTo("SELECT {fn ucase((mask(ssn)))} AS `ucase(ssn)` FROM users");
        assertThat(analyze(Dialect.H2, "SELECT {fn ucase(ssn)} FROM users").rewrite(MASK_SSN).sql())
                .isEqualTo("SELECT {fn ucase((mask(ssn)))} AS \"UCASE(SSN)\" FROM users");
        assertThat(analyze(Dialect.POSTGRESQL, "SELECT {fn concat(name, ssn)} AS x FROM users").rewrite(MASK_SSN).sql())
                .isEqualTo("SELECT {fn concat(name, (mask(ssn)))} AS x FROM users");
    }

    @Test
    void anArgumentTheDriverRepeatsIsEditedOnce() {
        // pgjdbc writes right(s, n) as substring(s from (length(s)+1-n)): two references, one place in the text
        Analysis a = analyze(Dialect.POSTGRESQL, "SELECT {fn right(ssn, 2)} AS r FROM users");
        assertThat(a.analyzedSql()).isEqualTo("SELECT substring(ssn from (length(ssn)+1- 2)) AS r FROM users");
        assertThat(a.statements().get(0).columnReferences()).hasSize(2);
        assertThat(a.rewrite(MASK_SSN).sql()).isEqualTo("SELECT {fn right((mask(ssn)), 2)} AS r FROM users");
    }

    @Test
    void referencesInOuterJoinEscapesAndCallArguments() {
        assertThat(analyze(Dialect.MARIADB, "SELECT u.id FROM {oj users u LEFT JOIN orders o ON o.note = u.ssn}")
                .rewrite(MASK_SSN).sql()).isEqualTo("SELECT u.id FROM {oj users u LEFT JOIN orders o ON o.note = "
                        + "(mask(u.ssn))}");
        assertThat(analyze(Dialect.POSTGRESQL,
                "{? = call upper((SELECT ssn FROM users WHERE id = ?))}").rewrite(MASK_SSN).sql())
                .isEqualTo("{? = call upper((SELECT (mask(ssn)) AS \"ssn\" FROM users WHERE id = ?))}");
        assertThat(analyze(Dialect.H2, "{call my_proc((SELECT ssn FROM users WHERE id = ?))}").rewrite(MASK_SSN).sql())
                .isEqualTo("{call my_proc((SELECT (mask(ssn)) AS \"SSN\" FROM users WHERE id = ?))}");
    }

    @Test
    void theFunctionCallEscapeGetsNoAlias() {
        // its value is the OUT parameter; an alias would break the escape
        Analysis a = analyze(Dialect.MARIADB, "{? = call upper((SELECT ssn FROM users WHERE id = ?))}");
        assertThat(a.rewrite(MASK_SSN).sql()).isEqualTo("{? = call upper((SELECT (mask(ssn)) AS `ssn` FROM users "
                + "WHERE id = ?))}");
    }

    @Test
    void aReplacementTheDriverWouldReadDifferentlyIsRefused() {
        // pgjdbc ends an outer join escape at the first brace, even one in a string
        Analysis a = analyze(Dialect.POSTGRESQL, "SELECT u.id FROM {oj users u LEFT JOIN orders o ON o.note = u.ssn}");
        RewriteResult r = a.rewrite(ref -> ref.text().equals("u.ssn") ? Substitution.replaceWith("'}'")
                : Substitution.keep());
        assertThat(r.isRefused()).isTrue();
        assertThat(r.refusal()).contains("translate the rewritten JDBC escapes differently");
        RewriteResult ok = a.rewrite(ref -> ref.text().equals("u.ssn") ? Substitution.replaceWith("'x'")
                : Substitution.keep());
        assertThat(ok.sql()).isEqualTo("SELECT u.id FROM {oj users u LEFT JOIN orders o ON o.note = ('x')}");
    }

    @Test
    void onlyCallsNameARoutine() {
        assertThat(analyze(Dialect.POSTGRESQL, "SELECT upper(?)").statements().get(0).routine()).isEmpty();
        assertThat(analyze(Dialect.POSTGRESQL, "{? = call upper(?)}").statements().get(0).routine()).contains("upper");
        assertThat(analyze(Dialect.POSTGRESQL,
                "CALL public.my_proc()").statements().get(0).routine()).contains("public.my_proc");
        assertThat(analyze(Dialect.POSTGRESQL, "SELECT id FROM users").statements().get(0).routine()).isEmpty();
    }

    @Test
    void unknownEscapesAreNotRewritten() {
        Analysis a = ANALYZER.analyze("SELECT ssn FROM users {limit 1}", Dialect.POSTGRESQL, TestCatalogs.postgres());
        assertThat(a.isUnknown()).isTrue();
        assertThat(a.rewrite(MASK_SSN).refusal()).contains("JDBC escape syntax");
    }
}
