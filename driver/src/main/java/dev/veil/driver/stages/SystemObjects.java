package dev.veil.driver.stages;

import dev.veil.analyzer.StatementAnalysis;
import dev.veil.analyzer.TableName;
import dev.veil.driver.VeilErrors;
import dev.veil.driver.session.Engine;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * System objects no client of Veil may read or create, exempt or not: they hold other sessions' statements and
 * variables (Veil's hash secrets among them), column statistics with real values, settings, or reach a table through
 * another connection Veil does not see. The analyzer reports every relation a statement reads, system ones included;
 * this table, one list per engine, decides. It errs on the side of refusing.
 */
final class SystemObjects {

    /** PostgreSQL: these names in any schema (a view or table of the same name is refused too). */
    private static final Set<String> POSTGRESQL = Set.of("pg_stat_activity", "pg_stats", "pg_stats_ext",
            "pg_stats_ext_exprs", "pg_statistic", "pg_statistic_ext_data", "pg_settings", "pg_file_settings",
            "pg_db_role_setting", "pg_stat_statements", "pg_stat_statements_info", "pg_prepared_statements",
            "pg_cursors", "pg_hba_file_rules", "pg_shadow", "pg_authid", "pg_user_mapping", "pg_user_mappings",
            "pg_largeobject");
    /** MariaDB: whole schemas (performance_schema, mysql, sys) and single information_schema tables. */
    private static final Set<String> MARIADB_SCHEMAS = Set.of("performance_schema", "mysql", "sys");
    private static final Set<String> MARIADB = Set.of("user_variables", "processlist", "innodb_trx",
            "innodb_locks", "innodb_lock_waits", "innodb_buffer_page", "innodb_ft_being_deleted",
            "innodb_ft_index_cache", "innodb_ft_index_table", "innodb_ft_deleted", "innodb_ft_config",
            "column_statistics", "optimizer_trace", "session_variables", "global_variables", "session_status",
            "global_status", "user_variables_by_thread", "variables_by_thread", "events_statements_current",
            "events_statements_history", "events_statements_history_long", "events_statements_summary_by_digest",
            "prepared_statements_instances", "general_log", "slow_log");
    /** H2: INFORMATION_SCHEMA tables. */
    private static final Set<String> H2 = Set.of("sessions", "session_state", "settings", "query_statistics", "locks",
            "in_doubt");

    private SystemObjects() {
    }

    static void check(Engine engine, StatementAnalysis s, String which) throws SQLException {
        for (TableName table : s.tablesRead()) {
            if (forbidden(engine, table)) {
                throw VeilErrors.refused(which + "it reads " + table + ", which exposes other sessions' statements"
                        + " or variables, or column statistics (rule: system-objects)");
            }
        }
        List<String> tokens = List.of(s.fingerprint().normalized().split(" "));
        if (engine == Engine.H2 && tokens.size() > 2 && tokens.get(0).equals("create") && tokens.contains("linked")) {
            throw VeilErrors.refused(which + "a linked table reads through a connection Veil does not see"
                    + " (rule: opaque-code)");
        }
    }

    private static boolean forbidden(Engine engine, TableName table) {
        String schema = table.schema() == null ? "" : table.schema().toLowerCase(Locale.ROOT);
        String name = table.name().toLowerCase(Locale.ROOT);
        return switch (engine) {
            case POSTGRESQL -> POSTGRESQL.contains(name);
            case MARIADB -> MARIADB_SCHEMAS.contains(schema)
                    || (schema.equals("information_schema") && MARIADB.contains(name));
            case H2 -> schema.equals("information_schema") && H2.contains(name);
        };
    }
}
