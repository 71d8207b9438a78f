package dev.veil.driver.engine.mariadb;

import dev.veil.driver.engine.SystemObjects;
import java.util.Set;

/** MariaDB's system objects no client may read: whole schemas, and single information_schema tables. */
final class MariaDbSystemObjects {

    static final SystemObjects FORBIDDEN = SystemObjects.of(Set.of(),
            Set.of("performance_schema", "mysql", "sys"),
            Set.of("user_variables", "processlist", "innodb_trx", "innodb_locks", "innodb_lock_waits",
                    "innodb_buffer_page", "innodb_ft_being_deleted", "innodb_ft_index_cache", "innodb_ft_index_table",
                    "innodb_ft_deleted", "innodb_ft_config", "column_statistics", "optimizer_trace",
                    "session_variables", "global_variables", "session_status", "global_status",
                    "user_variables_by_thread", "variables_by_thread", "events_statements_current",
                    "events_statements_history", "events_statements_history_long",
                    "events_statements_summary_by_digest", "prepared_statements_instances", "general_log",
                    "slow_log"));

    private MariaDbSystemObjects() {
    }
}
