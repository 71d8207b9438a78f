package dev.veil.driver.engine.postgresql;

import dev.veil.driver.engine.SystemObjects;
import java.util.Set;

/** PostgreSQL's system objects no client may read. */
final class PostgreSqlSystemObjects {

    /** Other sessions' statements and settings, column statistics, credentials, large objects: in any schema. */
    static final SystemObjects FORBIDDEN = SystemObjects.of(Set.of("pg_stat_activity", "pg_stats",
            "pg_stats_ext", "pg_stats_ext_exprs", "pg_statistic", "pg_statistic_ext_data", "pg_settings",
            "pg_file_settings", "pg_db_role_setting", "pg_stat_statements", "pg_stat_statements_info",
            "pg_prepared_statements", "pg_cursors", "pg_hba_file_rules", "pg_shadow", "pg_authid", "pg_user_mapping",
            "pg_user_mappings", "pg_largeobject"), Set.of(), Set.of());

    private PostgreSqlSystemObjects() {
    }
}
