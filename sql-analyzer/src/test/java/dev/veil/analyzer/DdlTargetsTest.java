package dev.veil.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The relation a DDL statement changes is the one the database resolves the name to: a search path may start with a
 * schema that does not exist yet (PostgreSQL's {@code "$user"}), and the table then lives further down the path.
 */
class DdlTargetsTest {

    private static final SqlAnalyzer ANALYZER = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(false));

    private static Catalog catalog() {
        return InMemoryCatalog.builder("pg-missing-user").version(1).currentCatalog("app").searchPath("alice", "public")
                .table("public", "users", "id integer", "email text").build();
    }

    private static StatementAnalysis analyze(String sql) {
        return ANALYZER.analyze(sql, Dialect.POSTGRESQL, catalog()).statements().get(0);
    }

    @Test
    void ddlOnAnExistingTableNamesItWhereTheSearchPathFindsIt() {
        TableName users = new TableName("app", "public", "users");
        assertThat(analyze("CREATE INDEX ix ON users ((email::int))").tablesWritten()).containsExactly(users);
        assertThat(analyze("ALTER TABLE users RENAME TO clients").tablesWritten()).containsExactly(users);
        assertThat(analyze("ALTER INDEX users RENAME TO clients").tablesWritten()).containsExactly(users);
        assertThat(analyze("COMMENT ON COLUMN users.email IS 'x'").tablesWritten()).containsExactly(users);
    }
}
