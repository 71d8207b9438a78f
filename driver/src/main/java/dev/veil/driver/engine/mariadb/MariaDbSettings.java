package dev.veil.driver.engine.mariadb;

import dev.veil.driver.engine.AllowedSettings;
import java.util.List;
import java.util.Set;

/** MariaDB's settings a client may set, and what SHOW may show: metadata, not other sessions' statements. */
final class MariaDbSettings {

    static final AllowedSettings ALLOWED = AllowedSettings.of(Set.of("autocommit", "time_zone", "transaction",
            "tx_isolation", "transaction_isolation", "tx_read_only", "transaction_read_only", "max_statement_time",
            "max_execution_time", "sql_select_limit", "net_read_timeout", "net_write_timeout", "wait_timeout",
            "interactive_timeout", "lock_wait_timeout", "innodb_lock_wait_timeout", "foreign_key_checks",
            "unique_checks", "group_concat_max_len", "sql_safe_updates"),
            List.of(),
            // not WARNINGS/ERRORS: they quote the previous statement's values; JDBC's getWarnings() is scrubbed.
            // Not the binary log or other sessions' statements either.
            AllowedSettings.showing(List.of("tables", "full tables", "databases", "schemas", "columns",
                    "full columns", "fields", "full fields", "index", "indexes", "keys", "create", "table status",
                    "engines", "collation", "character set", "charset", "variables", "session variables",
                    "global variables", "status", "session status", "global status", "grants", "privileges",
                    "plugins", "triggers", "function status", "procedure status", "open tables")));

    private MariaDbSettings() {
    }
}
