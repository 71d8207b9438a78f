package dev.veil.driver.engine.postgresql;

import dev.veil.driver.engine.AllowedSettings;
import java.util.List;
import java.util.Set;

/** PostgreSQL's settings a client may set, reset or show. */
final class PostgreSqlSettings {

    static final AllowedSettings ALLOWED = AllowedSettings.of(Set.of("search_path", "schema", "time zone",
            "timezone", "application_name", "statement_timeout", "lock_timeout",
            "idle_in_transaction_session_timeout", "idle_session_timeout", "transaction", "session characteristics",
            "constraints", "datestyle", "intervalstyle", "extra_float_digits", "work_mem", "maintenance_work_mem",
            "temp_buffers", "jit", "random_page_cost", "seq_page_cost", "effective_cache_size",
            "max_parallel_workers_per_gather", "default_transaction_isolation", "default_transaction_read_only",
            "synchronous_commit", "client_min_messages", "cursor_tuple_fraction", "transaction_isolation",
            "transaction_read_only", "timezone_abbreviations"),
            List.of("enable_"),
            // SHOW reads one setting; ALL would list Veil's session secrets
            shown -> !shown.isEmpty() && !shown.equals("all"));

    private PostgreSqlSettings() {
    }
}
