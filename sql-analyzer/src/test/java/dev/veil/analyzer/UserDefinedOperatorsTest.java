package dev.veil.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A user-defined operator of a built-in's symbol (PostgreSQL {@code CREATE OPERATOR +}) runs the user's function
 * wherever its operand types match: the statement calls code Veil cannot see, as a user-defined function would.
 */
class UserDefinedOperatorsTest {

    private static final SqlAnalyzer ANALYZER = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(false));

    private static Catalog catalog(String... operators) {
        InMemoryCatalog.Builder b = InMemoryCatalog.builder("operators-" + String.join("", operators)).version(1)
                .currentCatalog("app").searchPath("public");
        b.relation("public", "t", Relation.Kind.TABLE, null, "id integer", "nickname varchar");
        for (String operator : operators) {
            b.operator(operator);
        }
        return b.build();
    }

    private static StatementAnalysis analyze(Catalog catalog, String sql) {
        return ANALYZER.analyze(sql, Dialect.POSTGRESQL, catalog).statements().get(0);
    }

    @Test
    void anOperatorWhoseSymbolAUserDefinedIsAUserDefinedFunctionUse() {
        Catalog withPlus = catalog("+");
        assertThat(analyze(withPlus, "SELECT nickname + 1 FROM t").functions())
                .contains(new FunctionUse("operator +", FunctionCategory.USER_DEFINED));
        assertThat(analyze(withPlus, "SELECT id FROM t WHERE id IN (SELECT id + 1 FROM t)").functions())
                .contains(new FunctionUse("operator +", FunctionCategory.USER_DEFINED));
        assertThat(analyze(catalog("="), "SELECT id FROM t WHERE nickname = 'x'").functions())
                .contains(new FunctionUse("operator =", FunctionCategory.USER_DEFINED));
    }

    @Test
    void formsThatCompareWithoutWritingTheOperatorAskForItToo() {
        Catalog withEquals = catalog("=");
        for (String sql : new String[] {"SELECT id FROM t WHERE nickname IN (1, 2)",
                "SELECT CASE nickname WHEN 1 THEN 'a' END FROM t"}) {
            assertThat(analyze(withEquals, sql).functions()).as(sql)
                    .contains(new FunctionUse("operator =", FunctionCategory.USER_DEFINED));
        }
        assertThat(analyze(catalog(">="), "SELECT id FROM t WHERE nickname BETWEEN 1 AND 2").functions())
                .contains(new FunctionUse("operator >=", FunctionCategory.USER_DEFINED));
        assertThat(analyze(withEquals, "SELECT CASE WHEN id > 1 THEN 'a' END FROM t").functions())
                .noneMatch(f -> f.category() == FunctionCategory.USER_DEFINED);
    }

    @Test
    void keywordsThatRunAnOperatorAskForItsName() {
        String[][] cases = {
            {"~~", "SELECT id FROM t WHERE nickname LIKE 1"},
            {"!~~", "SELECT id FROM t WHERE nickname NOT LIKE 1"},
            {"~~*", "SELECT id FROM t WHERE nickname ILIKE 1"},
            {"!~~*", "SELECT id FROM t WHERE nickname NOT ILIKE 1"},
            {"~", "SELECT id FROM t WHERE nickname SIMILAR TO 1"},
            {"=", "SELECT id FROM t WHERE nickname IS DISTINCT FROM 1"},
            {"=", "SELECT NULLIF(nickname, 1) FROM t"},
            {"-", "SELECT -nickname FROM t"},
            {"~", "SELECT ~id FROM t"},
            {"->", "SELECT nickname -> 1 FROM t"},
            {"->>", "SELECT nickname ->> 'a' FROM t"}};
        for (String[] c : cases) {
            assertThat(analyze(catalog(c[0]), c[1]).functions()).as(c[1])
                    .contains(new FunctionUse("operator " + c[0], FunctionCategory.USER_DEFINED));
        }
        assertThat(analyze(catalog("~~"), "SELECT id FROM t WHERE nickname NOT LIKE 'a%'").functions())
                .noneMatch(f -> f.category() == FunctionCategory.USER_DEFINED);
    }

    @Test
    void builtInOperatorsAloneCallNoUserCode() {
        assertThat(analyze(catalog(), "SELECT nickname || 'x', id + 1 FROM t WHERE id = 1").functions())
                .noneMatch(f -> f.category() == FunctionCategory.USER_DEFINED);
        assertThat(analyze(catalog("||"), "SELECT id + 1 FROM t WHERE id = 1").functions())
                .noneMatch(f -> f.category() == FunctionCategory.USER_DEFINED);
    }
}
