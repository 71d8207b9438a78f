package dev.veil.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The typed facts of a statement: its type and what it carries, transaction effects, settings, WHERE, hazards. */
class StatementFactsTest {

    private static final SqlAnalyzer ANALYZER = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(false));

    private static StatementAnalysis analyze(Dialect d, String sql) {
        return ANALYZER.analyze(sql, d, TestCatalogs.of(d)).statements().get(0);
    }

    // ---- types ------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | SELECT id FROM users                                | SELECT          | QUERY",
        "POSTGRESQL | INSERT INTO users (id) VALUES (1)                   | INSERT          | DML",
        "POSTGRESQL | UPDATE users SET name = 'x' WHERE id = 1            | UPDATE          | DML",
        "POSTGRESQL | DELETE FROM users WHERE id = 1                      | DELETE          | DML",
        "POSTGRESQL | CREATE TABLE t2 (id int)                            | CREATE_TABLE    | DDL",
        "POSTGRESQL | CREATE TABLE t2 AS SELECT id FROM users             | CREATE_TABLE_AS | DDL",
        "POSTGRESQL | SELECT id INTO t2 FROM users                        | SELECT_INTO     | DDL",
        "POSTGRESQL | CREATE VIEW v2 AS SELECT id FROM users              | CREATE_VIEW     | DDL",
        "POSTGRESQL | ALTER TABLE users ADD COLUMN x int                  | ALTER_TABLE     | DDL",
        "POSTGRESQL | DROP TABLE users                                    | DROP            | DDL",
        "POSTGRESQL | TRUNCATE users                                      | TRUNCATE        | DDL",
        "POSTGRESQL | COMMENT ON TABLE users IS 'x'                       | COMMENT         | DDL",
        "POSTGRESQL | GRANT SELECT ON users TO bob                        | GRANT           | DCL",
        "POSTGRESQL | BEGIN                                               | BEGIN           | TCL",
        "POSTGRESQL | SET search_path = public                            | SET             | UTILITY",
        "POSTGRESQL | SHOW search_path                                    | SHOW            | UTILITY",
        "MARIADB    | USE test                                            | USE             | UTILITY",
        "MARIADB    | REPLACE INTO users (id) VALUES (1)                  | REPLACE         | DML",
        "MARIADB    | RENAME TABLE users TO people2                       | RENAME_TABLE    | DDL",
        "POSTGRESQL | COPY users TO STDOUT                                | COPY            | UNKNOWN",
        "MARIADB    | KILL 5                                              | OTHER           | UNKNOWN",
    })
    void typeAndKind(Dialect d, String sql, StatementType type, StatementKind kind) {
        StatementAnalysis s = analyze(d, sql);
        assertThat(s.statementType()).as(s.toString()).isEqualTo(type);
        assertThat(s.kind()).as(s.toString()).isEqualTo(kind);
    }

    @Test
    @SuppressWarnings("deprecation")
    void theStringTypeIsTheLabelOrTheLeadingKeyword() {
        assertThat(analyze(Dialect.POSTGRESQL,
                "CREATE TABLE t2 AS SELECT id FROM users").type()).isEqualTo("CREATE_TABLE_AS");
        StatementAnalysis kill = analyze(Dialect.MARIADB, "KILL 5");
        assertThat(kill.statementType()).isEqualTo(StatementType.OTHER);
        assertThat(kill.type()).isEqualTo("KILL");
        assertThat(analyze(Dialect.POSTGRESQL, "42").type()).isNull();
    }

    @Test
    void ddlActionsFollowTheTypes() {
        assertThat(StatementType.CREATE_TABLE_AS.ddlAction()).contains(DdlAction.CREATE);
        assertThat(StatementType.SELECT_INTO.ddlAction()).contains(DdlAction.CREATE);
        assertThat(StatementType.CREATE_MATERIALIZED_VIEW.ddlAction()).contains(DdlAction.CREATE);
        assertThat(StatementType.ALTER_VIEW.ddlAction()).contains(DdlAction.ALTER);
        assertThat(StatementType.RENAME_TABLE.ddlAction()).contains(DdlAction.RENAME);
        assertThat(StatementType.TRUNCATE.ddlAction()).contains(DdlAction.TRUNCATE);
        assertThat(StatementType.REVOKE.ddlAction()).contains(DdlAction.REVOKE);
        assertThat(StatementType.SELECT_INTO_OUTFILE.ddlAction()).isEmpty();
        assertThat(StatementType.INSERT.ddlAction()).isEmpty();
        assertThat(DdlAction.RENAME.policyKey()).isEqualTo("rename");
        // every type named CREATE_…, ALTER_…, DROP, … has that action, and no other type has one
        for (StatementType t : StatementType.values()) {
            String expected = null;
            for (DdlAction a : DdlAction.values()) {
                if (t.label().equals(a.name()) || t.label().startsWith(a.name() + "_")) expected = a.name();
            }
            if (t == StatementType.SELECT_INTO) expected = "CREATE";
            assertThat(t.ddlAction().map(Enum::name).orElse(null)).as(t.label()).isEqualTo(expected);
        }
    }

    @Test
    void writesAndSessionChanges() {
        assertThat(StatementType.values()).filteredOn(StatementType::writes).containsExactlyInAnyOrder(
                StatementType.INSERT, StatementType.UPDATE, StatementType.DELETE, StatementType.MERGE,
                StatementType.REPLACE, StatementType.REPLACE_SET, StatementType.UPSERT, StatementType.INSERT_OR_ABORT,
                StatementType.INSERT_OR_FAIL, StatementType.INSERT_OR_IGNORE, StatementType.INSERT_OR_REPLACE,
                StatementType.INSERT_OR_ROLLBACK);
        assertThat(StatementType.values()).filteredOn(StatementType::changesSession)
                .containsExactlyInAnyOrder(StatementType.SET, StatementType.RESET, StatementType.USE);
        assertThat(StatementType.values()).allSatisfy(t -> assertThat(t.label()).isEqualTo(t.name()));
    }

    // ---- transaction effects ----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | BEGIN                              | BEGINS",
        "POSTGRESQL | BEGIN ISOLATION LEVEL SERIALIZABLE | BEGINS",
        "MARIADB    | START TRANSACTION READ ONLY        | BEGINS",
        "H2         | COMMIT                             | ENDS",
        "POSTGRESQL | COMMIT AND CHAIN                   | ENDS_AND_BEGINS",
        "POSTGRESQL | COMMIT AND NO CHAIN                | ENDS",
        "MARIADB    | COMMIT WORK AND CHAIN              | ENDS_AND_BEGINS",
        "POSTGRESQL | END                                | ENDS",
        "POSTGRESQL | ABORT                              | ENDS",
        "POSTGRESQL | ROLLBACK                           | ENDS",
        "POSTGRESQL | ROLLBACK AND CHAIN                 | ENDS_AND_BEGINS",
        "POSTGRESQL | ROLLBACK TO SAVEPOINT s1           | ROLLS_BACK_TO_SAVEPOINT",
        "POSTGRESQL | ROLLBACK TO s1                     | ROLLS_BACK_TO_SAVEPOINT",
        "MARIADB    | ROLLBACK WORK TO SAVEPOINT s1      | ROLLS_BACK_TO_SAVEPOINT",
        "POSTGRESQL | SAVEPOINT s1                       | SAVEPOINT",
        "POSTGRESQL | RELEASE SAVEPOINT s1               | RELEASES_SAVEPOINT",
        "MARIADB    | RELEASE SAVEPOINT s1               | RELEASES_SAVEPOINT",
        "POSTGRESQL | SELECT 1                           | NONE",
        "POSTGRESQL | SET search_path = public           | NONE",
    })
    void transactionEffects(Dialect d, String sql, TransactionEffect effect) {
        StatementAnalysis s = analyze(d, sql);
        assertThat(s.transactionEffect()).as(s.toString()).isEqualTo(effect);
    }

    @Test
    void aCompoundBlockIsNoTransaction() {
        StatementAnalysis s = analyze(Dialect.MARIADB, "BEGIN NOT ATOMIC SELECT 1; END");
        assertThat(s.isUnknown()).isTrue();
        assertThat(s.transactionEffect()).isEqualTo(TransactionEffect.NONE);
    }

    // ---- settings ---------------------------------------------------------------------------------------------------

    private static List<String> names(Dialect d, String sql) {
        return analyze(d, sql).settings().stream().map(SettingAccess::name).toList();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | SET search_path = public, pg_catalog                        | search_path",
        "POSTGRESQL | SET search_path TO DEFAULT                                  | search_path",
        "POSTGRESQL | SET SESSION statement_timeout TO 5                          | statement_timeout",
        "POSTGRESQL | SET LOCAL search_path = rt_other                            | search_path",
        "POSTGRESQL | SET TIME ZONE 'UTC'                                         | time zone",
        "POSTGRESQL | SET SESSION TIME ZONE LOCAL                                 | time zone",
        "POSTGRESQL | SET TRANSACTION ISOLATION LEVEL SERIALIZABLE                | transaction",
        "POSTGRESQL | SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY        | session characteristics",
        "POSTGRESQL | SET CONSTRAINTS ALL DEFERRED                                | constraints",
        "POSTGRESQL | SET ROLE postgres                                           | role postgres",
        "POSTGRESQL | SET rt.y = 'x'                                              | rt . y",
        "POSTGRESQL | RESET ALL                                                   | all",
        "POSTGRESQL | RESET search_path                                           | search_path",
        "POSTGRESQL | SHOW search_path                                            | search_path",
        "POSTGRESQL | SHOW ALL                                                    | all",
        "POSTGRESQL | SHOW TRANSACTION ISOLATION LEVEL                            | transaction isolation level",
        "MARIADB    | SET @@sql_mode = 'ANSI_QUOTES'                              | sql_mode",
        "MARIADB    | SET @@session.sql_mode = 'ANSI_QUOTES'                      | sql_mode",
        "MARIADB    | SET GLOBAL wait_timeout = 5                                 | wait_timeout",
        "MARIADB    | SET NAMES gbk                                               | names gbk",
        "MARIADB    | SET CHARACTER SET gbk                                       | character set gbk",
        "MARIADB    | SET @rt_x = 1                                               | @rt_x",
        "MARIADB    | SHOW TABLES                                                 | tables",
        "MARIADB    | SHOW FULL PROCESSLIST                                       | full processlist",
        "MARIADB    | SHOW VARIABLES LIKE 'max_allowed_packet'                    | variables like ?",
        "MARIADB    | SHOW CREATE TABLE users                                     | create table users",
        "H2         | SET SCHEMA PUBLIC                                           | schema public",
        "H2         | SET MODE MySQL                                              | mode mysql",
        "H2         | SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED | session "
                + "characteristics",
        "H2         | SHOW TABLES                                                 | tables",
    })
    void oneSettingIsNamed(Dialect d, String sql, String name) {
        StatementAnalysis s = analyze(d, sql);
        assertThat(s.settings()).as(s.toString()).hasSize(1);
        assertThat(s.settings().get(0).name()).isEqualTo(name);
        assertThat(s.settings().get(0).spelledQuoted()).isFalse();
    }

    @Test
    void settingsCarryTheirAction() {
        assertThat(analyze(Dialect.POSTGRESQL, "SET search_path = public").settings())
                .containsExactly(new SettingAccess(SettingAccess.Action.SET, "search_path", false));
        assertThat(analyze(Dialect.POSTGRESQL, "RESET search_path").settings())
                .containsExactly(new SettingAccess(SettingAccess.Action.RESET, "search_path", false));
        assertThat(analyze(Dialect.POSTGRESQL, "SHOW search_path").settings())
                .containsExactly(new SettingAccess(SettingAccess.Action.SHOW, "search_path", false));
        assertThat(analyze(Dialect.POSTGRESQL, "SELECT 1").settings()).isEmpty();
    }

    @Test
    void mariadbAssignsSeveralSettingsInOneSet() {
        assertThat(names(Dialect.MARIADB, "SET autocommit = 1, @@session.sql_mode = 'ANSI', SESSION wait_timeout = 5"))
                .containsExactly("autocommit", "sql_mode", "wait_timeout");
        // a value's parentheses and commas name nothing
        assertThat(names(Dialect.MARIADB, "SET autocommit = IF(1, 0, 1), foreign_key_checks = 0"))
                .containsExactly("autocommit", "foreign_key_checks");
        // elsewhere SET assigns one setting, whatever its value
        assertThat(names(Dialect.POSTGRESQL, "SET search_path = a, b")).containsExactly("search_path");
    }

    @Test
    void quotedNamesAreFlagged() {
        assertThat(analyze(Dialect.POSTGRESQL, "SHOW \"all\"").settings())
                .containsExactly(new SettingAccess(SettingAccess.Action.SHOW, "\"all\"", true));
        assertThat(analyze(Dialect.POSTGRESQL, "SHOW U&\"\\0061ll\"").settings().get(0).spelledQuoted()).isTrue();
        assertThat(analyze(Dialect.POSTGRESQL,
                "SHOW \"veil\".\"hash_okey\"").settings().get(0).spelledQuoted()).isTrue();
        assertThat(analyze(Dialect.MARIADB, "SET `autocommit` = 1").settings().get(0).spelledQuoted()).isTrue();
        assertThat(analyze(Dialect.H2, "SET \"MODE\" MySQL").settings().get(0).spelledQuoted()).isTrue();
    }

    @Test
    void aStatementNamingNothingStillReportsOneSetting() {
        assertThat(analyze(Dialect.POSTGRESQL, "SHOW").settings())
                .containsExactly(new SettingAccess(SettingAccess.Action.SHOW, "", false));
        assertThat(analyze(Dialect.MARIADB, "SET").settings())
                .containsExactly(new SettingAccess(SettingAccess.Action.SET, "", false));
    }

    // ---- WHERE ------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | UPDATE users SET name = 'x'                                               | false",
        "POSTGRESQL | UPDATE users SET name = 'x' WHERE id = 1                                  | true",
        "POSTGRESQL | UPDATE users SET name = (SELECT name FROM users u WHERE u.id = 2)          | false",
        "POSTGRESQL | DELETE FROM users                                                         | false",
        "POSTGRESQL | DELETE FROM users WHERE id IN (SELECT id FROM users WHERE name = 'x')      | true",
        "POSTGRESQL | WITH x AS (SELECT id FROM users WHERE id = 1) DELETE FROM users            | false",
        "MARIADB    | DELETE FROM users ORDER BY id LIMIT 1                                     | false",
        "POSTGRESQL | SELECT id FROM users WHERE id = 1                                         | false",
    })
    void ownWhere(Dialect d, String sql, boolean where) {
        StatementAnalysis s = analyze(d, sql);
        assertThat(s.hasWhere()).as(s.toString()).isEqualTo(where);
    }

    // ---- hazards ----------------------------------------------------------------------------------------------------

    @Test
    void h2LinkedTablesReadForeignData() {
        StatementAnalysis linked = analyze(Dialect.H2,
                "CREATE LINKED TABLE l ('org.h2.Driver', 'jdbc:h2:mem:x', 'sa', '', 'T')");
        assertThat(linked.hasHazard(Hazard.Kind.FOREIGN_DATA)).isTrue();
        assertThat(analyze(Dialect.H2, "CREATE FORCE LINKED TABLE l ('org.h2.Driver', 'jdbc:h2:mem:x', 'sa', '', 'T')")
                .hasHazard(Hazard.Kind.FOREIGN_DATA)).isTrue();
        assertThat(analyze(Dialect.H2, "CREATE TABLE t2 (id INT)").hasHazard(Hazard.Kind.FOREIGN_DATA)).isFalse();
        assertThat(analyze(Dialect.POSTGRESQL,
                "CREATE TABLE linked (id int)").hasHazard(Hazard.Kind.FOREIGN_DATA)).isFalse();
    }

    // ---- system relations: reported, judged by the caller ---------------------------------------------------------

    @Test
    void systemRelationsAreReadWithTheirSchema() {
        StatementAnalysis pg = analyze(Dialect.POSTGRESQL, "SELECT most_common_vals FROM pg_stats");
        assertThat(pg.tablesRead()).anySatisfy(t -> {
            assertThat(t.schema()).isEqualTo("pg_catalog");
            assertThat(t.name()).isEqualTo("pg_stats");
        });
        assertThat(pg.hasHazard(Hazard.Kind.SYSTEM_RELATION)).isTrue();
        assertThat(pg.hasHazard(Hazard.Kind.LEAKY_SYSTEM_OBJECT)).isFalse();
        StatementAnalysis maria = analyze(Dialect.MARIADB, "SELECT INFO FROM information_schema.PROCESSLIST");
        assertThat(maria.tablesRead()).containsExactly(new TableName(null, "information_schema", "PROCESSLIST"));
        assertThat(maria.hasHazard(Hazard.Kind.LEAKY_SYSTEM_OBJECT)).isFalse();
        Catalog h2 = InMemoryCatalog.builder("h2-sessions").version(1).currentCatalog("TEST").searchPath("PUBLIC")
                .relation("INFORMATION_SCHEMA", "SESSIONS", Relation.Kind.SYSTEM_TABLE, null, "SESSION_ID integer",
                        "EXECUTING_STATEMENT varchar")
                .build();
        StatementAnalysis sessions = ANALYZER.analyze("SELECT EXECUTING_STATEMENT FROM INFORMATION_SCHEMA.SESSIONS",
                Dialect.H2, h2).statements().get(0);
        assertThat(sessions.unknownReason()).isEmpty();
        assertThat(sessions.tablesRead()).extracting(TableName::schema, TableName::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("INFORMATION_SCHEMA", "SESSIONS"));
        assertThat(sessions.hasHazard(Hazard.Kind.LEAKY_SYSTEM_OBJECT)).isFalse();
    }

    @Test
    void aViewOverASystemRelationReadsIt() {
        Catalog c = InMemoryCatalog.builder("pg-view-stats").version(1).currentCatalog("app").searchPath("public")
                .relation("pg_catalog", "pg_stat_activity", Relation.Kind.SYSTEM_TABLE, null, "pid integer",
                        "query text")
                .view("public", "v_activity", "SELECT pid, query FROM pg_stat_activity", "pid integer", "query text")
                .build();
        StatementAnalysis s = ANALYZER.analyze("SELECT query FROM v_activity", Dialect.POSTGRESQL,
                c).statements().get(0);
        assertThat(s.tablesRead()).extracting(TableName::name).contains("v_activity", "pg_stat_activity");
    }

    @Test
    void functionsReadingOtherSessionsStateStayDataReading() {
        StatementAnalysis s = analyze(Dialect.POSTGRESQL, "SELECT pg_stat_get_backend_activity(1)");
        assertThat(s.functions()).contains(new FunctionUse("pg_stat_get_backend_activity",
                FunctionCategory.DATA_READING));
        assertThat(s.hasHazard(Hazard.Kind.LEAKY_SYSTEM_OBJECT)).isTrue();
    }
}
