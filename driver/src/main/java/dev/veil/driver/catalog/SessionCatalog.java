package dev.veil.driver.catalog;

import dev.veil.analyzer.Catalog;
import dev.veil.analyzer.CatalogColumn;
import dev.veil.analyzer.Relation;
import dev.veil.analyzer.TableName;
import dev.veil.driver.session.Engine;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalog as one session sees it: the database's shared cache, looked up under this session's current database
 * and search path (which therefore belong to its identity), and loaded through this session's own connection — so
 * its temporary tables and its transaction's view of the schema are what the analyzer resolves against.
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
                engine == Engine.MARIADB ? null : (catalog == null ? currentCatalog : catalog), schema, name);
        return database.relation(key, () -> load(key));
    }

    @Override
    public boolean isUserDefinedFunction(String schema, String name) {
        DatabaseCatalog.FunctionKey key = new DatabaseCatalog.FunctionKey(schema, name,
                schema == null ? String.join(",", searchPath) : null);
        return database.function(key, () -> loadFunction(schema, name));
    }

    // --- loading ---------------------------------------------------------------------------------------------------

    private Optional<Relation> load(DatabaseCatalog.RelationKey key) {
        if (key.schema() == null) {
            return Optional.empty();
        }
        if (engine == Engine.POSTGRESQL && key.catalog() != null && !key.catalog().equals(currentCatalog)) {
            return Optional.empty(); // PostgreSQL cannot reach another database by name
        }
        try {
            return InternalQueries.run(vendor, engine, c -> readRelation(c, key));
        } catch (SQLException e) {
            throw new DatabaseCatalog.CatalogException("cannot read the definition of "
                    + DatabaseCatalog.nameOf(key) + " (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private Optional<Relation> readRelation(Connection c, DatabaseCatalog.RelationKey key) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String escape = md.getSearchStringEscape();
        // MariaDB calls its databases catalogs in JDBC metadata
        String jdbcCatalog = engine == Engine.MARIADB ? key.schema() : key.catalog();
        String jdbcSchema = engine == Engine.MARIADB ? null : escapePattern(key.schema(), escape);
        String tablePattern = escapePattern(key.name(), escape);
        Relation.Kind kind = null;
        try (ResultSet rs = md.getTables(jdbcCatalog, jdbcSchema, tablePattern, null)) {
            while (rs.next()) {
                if (sameRelation(rs, key)) {
                    // the databases' own metadata relations are leaves: what they show is metadata, and the few
                    // that show data or other sessions' statements are refused by name
                    kind = systemSchema(key.schema()) ? Relation.Kind.SYSTEM_TABLE
                            : kindOf(rs.getString("TABLE_TYPE"));
                    break;
                }
            }
        }
        if (kind == null) {
            // a real table of that name wins over MariaDB's virtual sequence tables
            return engine == Engine.MARIADB ? MariaDbSequences.relation(key) : Optional.empty();
        }
        record Col(int position, CatalogColumn column) {
        }
        List<Col> read = new ArrayList<>();
        try (ResultSet rs = md.getColumns(jdbcCatalog, jdbcSchema, tablePattern, "%")) {
            while (rs.next()) {
                if (!sameRelation(rs, key)) {
                    continue;
                }
                String nullable = rs.getString("IS_NULLABLE");
                read.add(new Col(rs.getInt("ORDINAL_POSITION"), new CatalogColumn(rs.getString("COLUMN_NAME"), 1,
                        rs.getString("TYPE_NAME"), rs.getInt("DATA_TYPE"),
                        "YES".equals(nullable) ? Boolean.TRUE : "NO".equals(nullable) ? Boolean.FALSE : null,
                        rs.getString("REMARKS"))));
            }
        }
        read.sort(Comparator.comparingInt(Col::position));
        List<CatalogColumn> columns = new ArrayList<>();
        for (Col col : read) {
            CatalogColumn cc = col.column();
            // positions may have gaps (dropped columns); the analyzer wants 1..n in order
            columns.add(new CatalogColumn(cc.name(), columns.size() + 1, cc.typeName(), cc.jdbcType(), cc.nullable(),
                    cc.comment()));
        }
        String definition = kind == Relation.Kind.VIEW || kind == Relation.Kind.MATERIALIZED_VIEW
                ? viewDefinition(c, key) : null;
        return Optional.of(new Relation(DatabaseCatalog.nameOf(key), kind, columns, definition));
    }

    private boolean sameRelation(ResultSet rs, DatabaseCatalog.RelationKey key) throws SQLException {
        String name = rs.getString("TABLE_NAME");
        // MariaDB's information_schema names ignore case; table names elsewhere are exact
        boolean ignoreCase = engine == Engine.MARIADB && systemSchema(key.schema());
        if (ignoreCase ? !key.name().equalsIgnoreCase(name) : !key.name().equals(name)) {
            return false;
        }
        if (engine == Engine.MARIADB) {
            return key.schema().equalsIgnoreCase(rs.getString("TABLE_CAT"))
                    && (ignoreCase || key.schema().equals(rs.getString("TABLE_CAT")));
        }
        return key.schema().equals(rs.getString("TABLE_SCHEM"));
    }

    private String viewDefinition(Connection c, DatabaseCatalog.RelationKey key) throws SQLException {
        String sql = switch (engine) {
            case POSTGRESQL -> "SELECT definition FROM pg_catalog.pg_views WHERE schemaname = ? AND viewname = ?"
                    + " UNION ALL SELECT definition FROM pg_catalog.pg_matviews WHERE schemaname = ? AND matviewname = ?";
            case MARIADB -> "SELECT VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?"
                    + " AND TABLE_NAME = ?";
            case H2 -> "SELECT VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA = ?"
                    + " AND TABLE_NAME = ?";
        };
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, key.schema());
            p.setString(2, key.name());
            if (engine == Engine.POSTGRESQL) {
                p.setString(3, key.schema());
                p.setString(4, key.name());
            }
            try (ResultSet rs = p.executeQuery()) {
                // a view whose definition cannot be read resolves to UNKNOWN, never to "no sources"
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private boolean loadFunction(String schema, String name) {
        String sql = switch (engine) {
            case POSTGRESQL -> schema == null
                    ? "SELECT count(*) FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
                    + " WHERE lower(p.proname) = lower(?) AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                    + " AND n.nspname = ANY (current_schemas(false))"
                    : "SELECT count(*) FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
                    + " WHERE lower(p.proname) = lower(?) AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                    + " AND n.nspname = ?";
            case MARIADB -> schema == null
                    ? "SELECT COUNT(*) FROM information_schema.ROUTINES WHERE LOWER(ROUTINE_NAME) = LOWER(?)"
                    + " AND ROUTINE_SCHEMA = DATABASE()"
                    : "SELECT COUNT(*) FROM information_schema.ROUTINES WHERE LOWER(ROUTINE_NAME) = LOWER(?)"
                    + " AND ROUTINE_SCHEMA = ?";
            case H2 -> schema == null
                    ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.ROUTINES WHERE UPPER(ROUTINE_NAME) = UPPER(?)"
                    + " AND ROUTINE_SCHEMA = SCHEMA()"
                    : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.ROUTINES WHERE UPPER(ROUTINE_NAME) = UPPER(?)"
                    + " AND ROUTINE_SCHEMA = ?";
        };
        try {
            return InternalQueries.run(vendor, engine, c -> {
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    p.setString(1, name);
                    if (schema != null) {
                        p.setString(2, schema);
                    }
                    try (ResultSet rs = p.executeQuery()) {
                        return rs.next() && rs.getLong(1) > 0;
                    }
                }
            });
        } catch (SQLException e) {
            throw new DatabaseCatalog.CatalogException("cannot look up function " + name + " (SQLState "
                    + e.getSQLState() + ")", e);
        }
    }

    private boolean systemSchema(String schema) {
        return switch (engine) {
            case POSTGRESQL -> schema.equals("pg_catalog") || schema.equals("information_schema");
            case MARIADB -> schema.equalsIgnoreCase("information_schema")
                    || schema.equalsIgnoreCase("performance_schema");
            case H2 -> schema.equals("INFORMATION_SCHEMA");
        };
    }

    private static String escapePattern(String name, String escape) {
        if (name == null || escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private static Relation.Kind kindOf(String tableType) {
        String type = tableType == null ? "" : tableType.toUpperCase(Locale.ROOT);
        return switch (type) {
            case "TABLE", "BASE TABLE", "PARTITIONED TABLE", "FOREIGN TABLE", "TEMPORARY TABLE", "LOCAL TEMPORARY",
                 "GLOBAL TEMPORARY", "TEMPORARY VIEW" -> type.endsWith("VIEW") ? Relation.Kind.VIEW : Relation.Kind.TABLE;
            case "VIEW" -> Relation.Kind.VIEW;
            case "MATERIALIZED VIEW" -> Relation.Kind.MATERIALIZED_VIEW;
            case "SYSTEM TABLE", "SYSTEM VIEW", "SYSTEM TOAST TABLE" -> Relation.Kind.SYSTEM_TABLE;
            default -> Relation.Kind.OTHER;
        };
    }
}
