package dev.veil.driver.catalog;

import dev.veil.analyzer.Catalog;
import dev.veil.analyzer.Relation;
import dev.veil.analyzer.TableName;
import dev.veil.driver.engine.Engine;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The catalog as one session sees it: the database's shared cache, looked up under this session's current database
 * and search path (which therefore belong to its identity), and loaded through this session's own connection — so
 * its temporary tables and its transaction's view of the schema are what the analyzer resolves against. How a
 * relation or function is read is the engine's ({@link Engine#catalog()}).
 */
public final class SessionCatalog implements Catalog {

    private final DatabaseCatalog database;
    private final Connection vendor;
    private final Engine engine;
    private final String currentCatalog;
    private final List<String> searchPath;
    private final String identity;

    public SessionCatalog(DatabaseCatalog database, Connection vendor, Engine engine, String currentCatalog,
                          List<String> searchPath) {
        this.database = database;
        this.vendor = vendor;
        this.engine = engine;
        this.currentCatalog = currentCatalog;
        this.searchPath = List.copyOf(searchPath);
        this.identity = database.identity() + "|" + currentCatalog + "|" + String.join(",", this.searchPath);
    }

    public DatabaseCatalog database() {
        return database;
    }

    @Override
    public String identity() {
        return identity;
    }

    @Override
    public long version() {
        return database.version();
    }

    @Override
    public String currentCatalog() {
        return currentCatalog;
    }

    @Override
    public List<String> searchPath() {
        return searchPath;
    }

    @Override
    public Optional<Relation> relation(String catalog, String schema, String name) {
        DatabaseCatalog.RelationKey key = new DatabaseCatalog.RelationKey(
                engine.catalog().catalogOf(catalog, currentCatalog), schema, name);
        return database.relation(key, () -> load(key));
    }

    @Override
    public boolean isUserDefinedFunction(String schema, String name) {
        DatabaseCatalog.FunctionKey key = new DatabaseCatalog.FunctionKey(schema, name,
                schema == null ? String.join(",", searchPath) : null);
        return database.function(key, () -> loadFunction(schema, name));
    }

    /** Cached with the functions: an operator is looked up under its symbol, on this session's search path. */
    @Override
    public boolean isUserDefinedOperator(String symbol) {
        DatabaseCatalog.FunctionKey key = new DatabaseCatalog.FunctionKey(null, "operator " + symbol,
                String.join(",", searchPath));
        return database.function(key, () -> {
            try {
                return engine.runInternal(vendor, c -> engine.catalog().isUserDefinedOperator(c, symbol));
            } catch (SQLException e) {
                throw new DatabaseCatalog.CatalogException("cannot look up operator " + symbol + " (SQLState "
                        + e.getSQLState() + ")", e);
            }
        });
    }

    /**
     * The unique keys of {@code table}, a relation as the analyzer resolved it ({@code CatalogReader#uniqueKeys}):
     * cached with the catalog's definitions, so a statement asks no more of the database than its table's
     * definition once per catalog version.
     */
    public List<List<String>> uniqueKeys(TableName table) {
        DatabaseCatalog.RelationKey key = new DatabaseCatalog.RelationKey(
                engine.catalog().catalogOf(table.catalog(), currentCatalog), table.schema(), table.name());
        return database.uniqueKeys(key, () -> {
            try {
                return engine.runInternal(vendor, c -> engine.catalog().uniqueKeys(c, table));
            } catch (SQLException e) {
                throw new DatabaseCatalog.CatalogException("cannot read the unique keys of " + table
                        + " (SQLState " + e.getSQLState() + ")", e);
            }
        });
    }

    /**
     * The relations sharing {@code table}'s stored rows (see {@code CatalogReader#relatives}), read through this
     * session's connection. Not cached here: it is read once per classification, which is cached.
     */
    public List<TableName> relatives(TableName table) {
        try {
            return engine.runInternal(vendor, c -> engine.catalog().relatives(c, table));
        } catch (SQLException e) {
            throw new DatabaseCatalog.CatalogException("cannot read the relations sharing the rows of " + table
                    + " (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private Optional<Relation> load(DatabaseCatalog.RelationKey key) {
        if (key.schema() == null || !engine.catalog().reachable(DatabaseCatalog.nameOf(key), currentCatalog)) {
            return Optional.empty();
        }
        try {
            return engine.runInternal(vendor, c -> engine.catalog().readRelation(c, DatabaseCatalog.nameOf(key)));
        } catch (SQLException e) {
            throw new DatabaseCatalog.CatalogException("cannot read the definition of "
                    + DatabaseCatalog.nameOf(key) + " (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private boolean loadFunction(String schema, String name) {
        try {
            return engine.runInternal(vendor, c -> engine.catalog().isUserDefinedFunction(c, schema, name));
        } catch (SQLException e) {
            throw new DatabaseCatalog.CatalogException("cannot look up function " + name + " (SQLState "
                    + e.getSQLState() + ")", e);
        }
    }
}
