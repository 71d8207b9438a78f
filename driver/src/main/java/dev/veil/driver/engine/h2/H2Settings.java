package dev.veil.driver.engine.h2;

import dev.veil.driver.engine.AllowedSettings;
import java.util.List;
import java.util.Set;

/** H2's settings a client may set, and what SHOW may show. */
final class H2Settings {

    static final AllowedSettings ALLOWED = AllowedSettings.of(Set.of("schema", "schema_search_path", "time zone",
            "lock_timeout", "query_timeout", "default_lock_timeout", "lazy_query_execution", "throttle",
            "max_memory_rows", "autocommit"),
            List.of(),
            AllowedSettings.showing(List.of("tables", "columns", "schemas")));

    private H2Settings() {
    }
}
