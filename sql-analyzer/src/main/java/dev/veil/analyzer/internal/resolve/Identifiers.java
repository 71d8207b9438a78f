package dev.veil.analyzer.internal.resolve;

import java.util.Locale;
import java.util.Set;

import dev.veil.analyzer.Dialect;

/** Writing identifiers back into SQL: bare when the database reads the bare word as that name, quoted otherwise. */
final class Identifiers {

    private Identifiers() { }

    /**
     * Words any of the three databases reserves or treats specially (SQL:2016, PostgreSQL, MariaDB, H2). Generous on
     * purpose: a name that is quoted without need still means the same column.
     */
    private static final Set<String> KEYWORDS = Set.of(
            "all", "alter", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
            "between", "bigint", "binary", "bit", "boolean", "both", "by", "call", "case", "cast", "char", "character",
            "check", "coalesce", "collate", "collation", "column", "concurrently", "condition", "constraint", "create",
            "cross", "current", "current_catalog", "current_date", "current_path", "current_role", "current_schema",
            "current_time", "current_timestamp", "current_user", "cursor", "database", "databases", "date", "day",
            "dec", "decimal", "default", "deferrable", "delete", "desc", "describe", "distinct", "do", "double", "drop",
            "else", "end", "escape", "except", "exists", "explain", "extract", "false", "fetch", "float", "for",
            "force", "foreign", "freeze", "from", "full", "function", "grant", "group", "grouping", "groups",
            "having", "hour", "if", "ilike", "in", "index", "initially", "inner", "inout", "insert", "int", "integer",
            "intersect", "interval", "into", "is", "isnull", "join", "key", "keys", "kill", "lateral", "leading",
                    "left",
            "like", "limit", "localtime", "localtimestamp", "lock", "long", "match", "minus", "minute", "mod", "month",
            "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric",
            "offset", "on", "only", "or", "order", "out", "outer", "over", "overlaps", "overlay", "partition",
            "placing", "position", "precision", "primary", "procedure", "qualify", "range", "read", "real", "recursive",
            "references", "regexp", "rename", "replace", "returning", "revoke", "right", "rlike", "row", "rownum",
            "rows", "schema", "second", "select", "session_user", "set", "setof", "show", "similar", "smallint",
            "some", "sql", "substring", "symmetric", "system_user", "table", "tablesample", "then", "time",
            "timestamp", "to", "top", "trailing", "treat", "trim", "true", "union", "unique", "unknown", "update",
            "usage", "use", "user", "using", "value", "values", "varchar", "variadic", "verbose", "when", "where",
            "window", "with", "within", "without", "xor", "year", "_rowid_");

    /** {@code name} as the dialect reads it back: bare when that is unambiguous, quoted otherwise. */
    static String quoteIfNeeded(Dialect dialect, String name) {
        if (dialect.rules().bareIdentifier(name) && !KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) return name;
        return dialect.quoteIdentifier(name);
    }
}
