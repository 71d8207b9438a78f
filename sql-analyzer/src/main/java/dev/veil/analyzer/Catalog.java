package dev.veil.analyzer;

import java.util.List;
import java.util.Optional;

/**
 * What the analyzer needs to know about a database. The driver implements it from JDBC metadata, lazily and cached;
 * every lookup is per relation so it can be answered on demand.
 *
 * <p>Names passed in are exact: the analyzer has already folded unquoted identifiers for the dialect. For MariaDB
 * the database is the {@code schema} and {@code catalog} is null (see {@link TableName}).
 *
 * <p>A lookup that cannot be answered (the database could not be read) throws an unchecked exception: the statement
 * is then UNKNOWN ("analyzer failure"), and that analysis is not cached, so the next call asks the catalog again.
 */
public interface Catalog {

    /**
     * Identifies the database this catalog describes (for example the JDBC URL and user). Two catalogs with equal
     * identity and version must answer every lookup identically; analyses are cached under both.
     */
    String identity();

    /** Bumped whenever anything this catalog answers may have changed (DDL seen through the driver, a TTL). */
    long version();

    /** The current database (PostgreSQL, H2); null for MariaDB. */
    String currentCatalog();

    /**
     * Schemas searched for unqualified relation names, in order. PostgreSQL: the effective search path (including
     * {@code pg_temp} first when the session has temporary tables; {@code pg_catalog} is searched first when absent);
     * MariaDB: the current database (empty when none); H2: the current schema.
     */
    List<String> searchPath();

    /** Looks up a relation by exact name; {@code catalog} may be null when not qualified by it. */
    Optional<Relation> relation(String catalog, String schema, String name);

    /**
     * Whether a function (or procedure) with this exact name exists that is not part of the database itself, in
     * {@code schema} or, when {@code schema} is null, anywhere on the search path. A user-defined function shadowing
     * a built-in name must answer true.
     */
    boolean isUserDefinedFunction(String schema, String name);

    /**
     * Whether an operator with this symbol exists, on the search path, that is not part of the database itself. A
     * user's operator runs a function of theirs wherever its operand types match better than a built-in's (PostgreSQL
     * {@code CREATE OPERATOR}); engines without user-defined operators answer false.
     */
    default boolean isUserDefinedOperator(String symbol) {
        return false;
    }
}
