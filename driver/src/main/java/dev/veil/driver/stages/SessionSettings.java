package dev.veil.driver.stages;

import dev.veil.driver.session.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which session settings a client may change through Veil. Veil reads SQL as the server's defaults do, installs its
 * hash secrets in session state and resolves names with the session's search path; a setting that changes how text
 * is read (quoting, escapes, character sets, compatibility modes), who runs statements (roles) or that clears
 * session state could make Veil misread or misresolve a later statement. So SET, RESET and SHOW are checked against a
 * list of settings known to be harmless, and anything else is refused.
 */
final class SessionSettings {

    private static final Set<String> POSTGRESQL = Set.of("search_path", "schema", "time zone", "timezone",
            "application_name", "statement_timeout", "lock_timeout", "idle_in_transaction_session_timeout",
            "idle_session_timeout", "transaction", "session characteristics", "constraints", "datestyle",
            "intervalstyle", "extra_float_digits", "work_mem", "maintenance_work_mem", "temp_buffers", "jit",
            "random_page_cost", "seq_page_cost", "effective_cache_size", "max_parallel_workers_per_gather",
            "default_transaction_isolation", "default_transaction_read_only", "synchronous_commit",
            "client_min_messages", "cursor_tuple_fraction", "transaction_isolation", "transaction_read_only",
            "timezone_abbreviations");
    private static final List<String> POSTGRESQL_PREFIXES = List.of("enable_");

    private static final Set<String> MARIADB = Set.of("autocommit", "time_zone", "transaction", "tx_isolation",
            "transaction_isolation", "tx_read_only", "transaction_read_only", "max_statement_time",
            "max_execution_time", "sql_select_limit", "net_read_timeout", "net_write_timeout", "wait_timeout",
            "interactive_timeout", "lock_wait_timeout", "innodb_lock_wait_timeout", "foreign_key_checks",
            "unique_checks", "group_concat_max_len", "sql_safe_updates");

    private static final Set<String> H2 = Set.of("schema", "schema_search_path", "time zone", "lock_timeout",
            "query_timeout", "default_lock_timeout", "lazy_query_execution", "throttle", "max_memory_rows",
            "autocommit");

    /** What MariaDB's SHOW statements may show: metadata, not other sessions' statements or the binary log. */
    // not WARNINGS/ERRORS: they quote the previous statement's values; JDBC's getWarnings() is scrubbed
    private static final List<String> MARIADB_SHOW = List.of("tables", "full tables", "databases", "schemas",
            "columns", "full columns", "fields", "full fields", "index", "indexes", "keys", "create", "table status",
            "engines", "collation", "character set", "charset", "variables",
            "session variables", "global variables", "status", "session status", "global status", "grants",
            "privileges", "plugins", "triggers", "function status", "procedure status", "open tables");
    private static final List<String> H2_SHOW = List.of("tables", "columns", "schemas");

    private static final Set<String> SCOPE_WORDS = Set.of("session", "local", "global", "persist");

    private SessionSettings() {
    }

    /**
     * The first setting a SET/RESET/SHOW statement names that a client may not touch, from the statement's
     * normalized text (tokens separated by single spaces, literals as {@code ?}); empty when every one is allowed.
     */
    static Optional<String> forbidden(Engine engine, String type, String normalized) {
        List<String> tokens = List.of(normalized.split(" "));
        if (tokens.isEmpty()) {
            // a blank text splits into nothing; the analyzer does not promise it never gives one, so refuse it
            return Optional.of(type.toLowerCase(Locale.ROOT));
        }

        if (type.equals("SHOW")) {
            String shown = String.join(" ", tokens.subList(1, tokens.size()));
            return showAllowed(engine, shown) ? Optional.empty() : Optional.of(shown);
        }
        List<String> names = switch (type) {
            case "SET" -> engine == Engine.MARIADB ? assignedNames(tokens)
                    : List.of(joinName(namePart(tokens.subList(1, tokens.size()))));
            case "RESET" -> List.of(joinName(tokens.subList(1, tokens.size())));
            // not reached from DecideStage, which passes only SET and RESET here: kept so that another type is
            // still checked (as a setting of its own name) instead of passing unchecked
            default -> List.of(type.toLowerCase(Locale.ROOT));
        };
        for (String name : names) {
            if (!allowed(engine, name)) {
                return Optional.of(name.isEmpty() ? type.toLowerCase(Locale.ROOT) : name);
            }
        }
        return Optional.empty();
    }

    /** Names assigned by {@code SET a = ?, b = ?} (MariaDB) or {@code SET [SESSION|LOCAL] name TO|= …}. */
    private static List<String> assignedNames(List<String> tokens) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        List<String> current = new ArrayList<>();
        boolean inValue = false;
        for (String token : tokens.subList(1, tokens.size())) {
            if (token.equals("(")) {
                depth++;
            } else if (token.equals(")")) {
                depth--;
            }
            if (depth > 0) {
                continue;
            }
            if (token.equals(",")) {
                names.add(joinName(current));
                current.clear();
                inValue = false;
            } else if (token.equals("=") || token.equals(":=") || token.equals("to")) {
                inValue = true;
            } else if (!inValue) {
                current.add(token);
            }
        }
        names.add(joinName(current));
        return names;
    }

    /** The words before {@code =} or {@code TO}: a PostgreSQL or H2 SET assigns one setting, whatever its value. */
    private static List<String> namePart(List<String> words) {
        List<String> name = new ArrayList<>();
        for (String word : words) {
            if (word.equals("=") || word.equals("to")) {
                break;
            }
            name.add(word);
        }
        return name;
    }

    /** {@code session time zone} → {@code time zone}; {@code @@session.sql_mode} → {@code sql_mode}. */
    private static String joinName(List<String> words) {
        List<String> kept = new ArrayList<>();
        for (String word : words) {
            String w = word.toLowerCase(Locale.ROOT);
            if (kept.isEmpty() && SCOPE_WORDS.contains(w)) {
                continue;
            }
            if (w.startsWith("@@")) {
                w = w.substring(2);
                for (String scope : SCOPE_WORDS) {
                    if (w.startsWith(scope + ".")) {
                        w = w.substring(scope.length() + 1);
                    }
                }
            }
            kept.add(w);
        }
        // SET TRANSACTION ISOLATION LEVEL …, SET SESSION CHARACTERISTICS AS …, SET CONSTRAINTS ALL …
        if (!kept.isEmpty() && Set.of("transaction", "constraints").contains(kept.get(0))) {
            return kept.get(0);
        }
        if (kept.size() >= 2 && kept.get(0).equals("characteristics")) {
            return "session characteristics";
        }
        if (kept.size() >= 2 && kept.get(0).equals("time") && kept.get(1).equals("zone")) {
            return "time zone";
        }
        return String.join(" ", kept);
    }

    /** A quoted or escaped name could spell any setting ({@code SHOW "all"}, {@code U&"\0061ll"}). */
    private static boolean quoted(String name) {
        return name.contains("\"") || name.contains("`") || name.contains("u&");
    }

    private static boolean allowed(Engine engine, String name) {
        if (quoted(name) || name.startsWith("@") || name.contains("veil")) {
            return false; // user variables carry values between statements; veil* is Veil's
        }
        Set<String> names = switch (engine) {
            case POSTGRESQL -> POSTGRESQL;
            case MARIADB -> MARIADB;
            case H2 -> H2;
        };
        if (engine == Engine.POSTGRESQL && POSTGRESQL_PREFIXES.stream().anyMatch(name::startsWith)) {
            return true;
        }
        // "schema ?" (SET SCHEMA 'x'), "time zone ?": a name followed by its value without '='
        return names.stream().anyMatch(n -> name.equals(n) || name.startsWith(n + " "));
    }

    private static boolean showAllowed(Engine engine, String shown) {
        if (quoted(shown) || shown.contains("veil")) {
            return false;
        }
        return switch (engine) {
            // PostgreSQL's SHOW reads one setting; ALL would list Veil's session secrets
            case POSTGRESQL -> !shown.isEmpty() && !shown.equals("all");
            case MARIADB -> MARIADB_SHOW.stream().anyMatch(p -> shown.equals(p) || shown.startsWith(p + " "));
            case H2 -> H2_SHOW.stream().anyMatch(p -> shown.equals(p) || shown.startsWith(p + " "));
        };
    }
}
