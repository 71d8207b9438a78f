package dev.veil.analyzer;

import java.util.List;

import dev.veil.analyzer.dialect.h2.H2Dialect;
import dev.veil.analyzer.dialect.mariadb.MariaDbDialect;
import dev.veil.analyzer.dialect.postgresql.PostgreSqlDialect;
import dev.veil.analyzer.internal.DialectRules;

/**
 * A SQL dialect the analyzer understands: one strategy object per engine, holding every rule in which the engines
 * differ (as Calcite's {@code SqlDialect} does) — identifier folding and quoting, lexical rules (comments, strings,
 * quoting, executable comments), how names resolve and results are labelled, and how the engine's JDBC driver
 * translates escape syntax. There is one instance per engine; compare them with {@code ==}.
 *
 * <p>The lexical rules assume the servers' defaults: PostgreSQL with {@code standard_conforming_strings = on},
 * MariaDB/MySQL without {@code ANSI_QUOTES} and without {@code NO_BACKSLASH_ESCAPES}. A connection whose session
 * settings differ must not be analyzed with these dialects.
 */
public abstract class Dialect {

    /** PostgreSQL: unquoted names fold to lower case; {@code "…"} quotes identifiers. */
    public static final Dialect POSTGRESQL = new PostgreSqlDialect();
    /** MariaDB and MySQL: backticks quote identifiers, {@code "…"} is a string; table names are case-sensitive. */
    public static final Dialect MARIADB = new MariaDbDialect();
    /** H2: unquoted names fold to upper case; {@code "…"} quotes identifiers. */
    public static final Dialect H2 = new H2Dialect();

    private static final List<Dialect> VALUES = List.of(POSTGRESQL, MARIADB, H2);

    private final String name;

    protected Dialect(String name) {
        this.name = name;
    }

    /** Every dialect, in a fixed order. */
    public static List<Dialect> values() {
        return VALUES;
    }

    /** The dialect of that {@link #name()}. */
    public static Dialect valueOf(String name) {
        for (Dialect d : VALUES) if (d.name.equals(name)) return d;
        throw new IllegalArgumentException("no dialect " + name);
    }

    /** {@code POSTGRESQL}, {@code MARIADB} or {@code H2}. */
    public final String name() {
        return name;
    }

    /** Folds an unquoted identifier the way the database does; quoted identifiers are never folded. */
    public abstract String foldUnquoted(String identifier);

    /** Whether two column names (already folded) denote the same column. */
    public boolean sameColumnName(String a, String b) {
        return a.equals(b);
    }

    /** Whether two relation names or aliases (already folded) are the same. */
    public boolean sameRelationName(String a, String b) {
        return a.equals(b);
    }

    /** Quotes an identifier so the database reads back exactly {@code name}. */
    public abstract String quoteIdentifier(String name);

    /**
     * The engine's rules as the analyzer applies them. Not part of the API: the type lives in the analyzer's
     * internal packages and changes with them.
     */
    public abstract DialectRules rules();

    @Override
    public final String toString() {
        return name;
    }
}
