package dev.veil.analyzer;

/**
 * The SQL dialects the analyzer understands. Each has its own lexical rules (comments, strings, identifier quoting)
 * and identifier folding.
 *
 * <p>The lexical rules assume the servers' defaults: PostgreSQL with {@code standard_conforming_strings = on},
 * MariaDB/MySQL without {@code ANSI_QUOTES} and without {@code NO_BACKSLASH_ESCAPES}. A connection whose session
 * settings differ must not be analyzed with these dialects.
 */
public enum Dialect {
    /** PostgreSQL: unquoted names fold to lower case; {@code "…"} quotes identifiers. */
    POSTGRESQL,
    /** MariaDB and MySQL: backticks quote identifiers, {@code "…"} is a string; table names are case-sensitive. */
    MARIADB,
    /** H2: unquoted names fold to upper case; {@code "…"} quotes identifiers. */
    H2;

    /** Folds an unquoted identifier the way the database does; quoted identifiers are never folded. */
    public String foldUnquoted(String identifier) {
        return switch (this) {
            case POSTGRESQL -> identifier.toLowerCase(java.util.Locale.ROOT);
            case H2 -> identifier.toUpperCase(java.util.Locale.ROOT);
            case MARIADB -> identifier;
        };
    }

    /** Whether two column names (already folded) denote the same column: MariaDB column names ignore case. */
    public boolean sameColumnName(String a, String b) {
        return this == MARIADB ? a.equalsIgnoreCase(b) : a.equals(b);
    }

    /** Whether two relation names or aliases (already folded) are the same; MariaDB table names are case-sensitive on Linux. */
    public boolean sameRelationName(String a, String b) {
        return a.equals(b);
    }

    /** Quotes an identifier so the database reads back exactly {@code name}. */
    public String quoteIdentifier(String name) {
        return this == MARIADB
                ? "`" + name.replace("`", "``") + "`"
                : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
