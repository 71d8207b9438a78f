package dev.veil.driver.engine;

import dev.veil.analyzer.CatalogColumn;
import dev.veil.analyzer.PinnedColumns;
import dev.veil.analyzer.Relation;
import dev.veil.analyzer.TableName;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How Veil reads one engine's relations (JDBC metadata, view definitions) and user-defined functions. The reading is
 * the same everywhere; each engine says where its names live in JDBC metadata, which schemas are its own metadata,
 * and how it stores view definitions and routines.
 */
public abstract class CatalogReader {

    /**
     * The catalog part of a relation's name as the cache keys it: as written, else the session's current database.
     * Engines without a catalog level answer null.
     */
    public String catalogOf(String written, String currentCatalog) {
        return written == null ? currentCatalog : written;
    }

    /**
     * Whether what is read here of a relation is what a session that created a temporary table of its name reads: the
     * temporary table (PostgreSQL: its own schema, first on the search path). Where not, a session that may have
     * created temporary tables proves nothing from the catalog's unique keys.
     */
    public boolean seesTemporaryTables() {
        return true;
    }

    /** Whether a session in {@code currentCatalog} can reach {@code relation} at all; if not, it does not exist. */
    public boolean reachable(TableName relation, String currentCatalog) {
        return true;
    }

    /** Whether {@code schema} holds the database's own metadata (those relations are leaves for the analyzer). */
    protected abstract boolean systemSchema(String schema);

    /** The query of a view's definition: {@link #bindViewDefinition} binds its parameters. */
    protected abstract String viewDefinitionQuery();

    /** Binds the schema and name of the view to {@link #viewDefinitionQuery()}. */
    protected void bindViewDefinition(PreparedStatement query, TableName view) throws SQLException {
        query.setString(1, view.schema());
        query.setString(2, view.name());
    }

    /**
     * The query counting the user-defined routines of a name (its first parameter), in the given schema (its second)
     * or, when not {@code qualified}, anywhere on the session's search path.
     */
    protected abstract String functionQuery(boolean qualified);

    /** The JDBC metadata catalog a relation is listed under. */
    protected String metadataCatalog(TableName relation) {
        return relation.catalog();
    }

    /** The JDBC metadata schema a relation is listed under (not yet escaped as a pattern). */
    protected String metadataSchema(TableName relation) {
        return relation.schema();
    }

    /** Whether a row of {@code getTables}/{@code getColumns} describes {@code relation}. */
    protected boolean sameRelation(ResultSet row, TableName relation) throws SQLException {
        return relation.name().equals(row.getString("TABLE_NAME"))
                && relation.schema().equals(row.getString("TABLE_SCHEM"));
    }

    /** A relation the engine answers for although its metadata does not list it. */
    protected Optional<Relation> unlisted(TableName relation) {
        return Optional.empty();
    }

    /** The relation's definition: its kind, columns in order and, for a view, its definition. */
    public Optional<Relation> readRelation(Connection c, TableName key) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String escape = md.getSearchStringEscape();
        String jdbcCatalog = metadataCatalog(key);
        String jdbcSchema = escapePattern(metadataSchema(key), escape);
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
            // a real table of that name wins over relations the engine answers for unlisted
            return unlisted(key);
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
        return Optional.of(new Relation(key, kind, columns, definition));
    }

    /**
     * Every table that stores rows (tables and materialized views, no views, no system metadata) of {@code schema}, or
     * of the whole database the session is in when it is null, with its columns: for tools that scan a whole schema
     * ({@code veil classify}). Two metadata queries in all, whatever the number of tables.
     */
    public List<Relation> storedTables(Connection c, String schema) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String escape = md.getSearchStringEscape();
        String jdbcCatalog = scanCatalog(c, schema);
        String jdbcSchema = escapePattern(scanSchema(schema), escape);
        Map<TableName, Relation.Kind> kinds = new LinkedHashMap<>();
        try (ResultSet rs = md.getTables(jdbcCatalog, jdbcSchema, "%", null)) {
            while (rs.next()) {
                TableName name = scannedName(rs);
                Relation.Kind kind = kindOf(rs.getString("TABLE_TYPE"));
                if (name.schema() != null && !systemSchema(name.schema())
                        && (kind == Relation.Kind.TABLE || kind == Relation.Kind.MATERIALIZED_VIEW)) {
                    kinds.put(name, kind);
                }
            }
        }
        Map<TableName, List<CatalogColumn>> columns = new LinkedHashMap<>();
        try (ResultSet rs = md.getColumns(jdbcCatalog, jdbcSchema, "%", "%")) {
            while (rs.next()) {
                TableName name = scannedName(rs);
                if (kinds.containsKey(name)) {
                    String nullable = rs.getString("IS_NULLABLE");
                    columns.computeIfAbsent(name, n -> new ArrayList<>()).add(new CatalogColumn(
                            rs.getString("COLUMN_NAME"), rs.getInt("ORDINAL_POSITION"), rs.getString("TYPE_NAME"),
                            rs.getInt("DATA_TYPE"),
                            "YES".equals(nullable) ? Boolean.TRUE : "NO".equals(nullable) ? Boolean.FALSE : null,
                            rs.getString("REMARKS")));
                }
            }
        }
        List<Relation> tables = new ArrayList<>();
        for (Map.Entry<TableName, Relation.Kind> table : kinds.entrySet()) {
            List<CatalogColumn> read = new ArrayList<>(columns.getOrDefault(table.getKey(), List.of()));
            read.sort(Comparator.comparingInt(CatalogColumn::ordinal));
            List<CatalogColumn> numbered = new ArrayList<>();
            for (CatalogColumn cc : read) {
                numbered.add(new CatalogColumn(cc.name(), numbered.size() + 1, cc.typeName(), cc.jdbcType(),
                        cc.nullable(), cc.comment()));
            }
            tables.add(new Relation(table.getKey(), table.getValue(), numbered, null));
        }
        return tables;
    }

    /** The JDBC metadata catalog to scan for {@code schema} (null: the whole database the session is in). */
    protected String scanCatalog(Connection c, String schema) throws SQLException {
        return null;
    }

    /** The JDBC metadata schema to scan for {@code schema}, not yet escaped as a pattern (null: every schema). */
    protected String scanSchema(String schema) {
        return schema;
    }

    /**
     * The schema and name of the relation a {@code getTables}/{@code getColumns} row describes; no catalog, since a
     * scan stays in one database (and drivers fill the catalog column differently in the two).
     */
    protected TableName scannedName(ResultSet row) throws SQLException {
        return new TableName(null, row.getString("TABLE_SCHEM"), row.getString("TABLE_NAME"));
    }

    /**
     * The relations whose stored rows {@code relation} physically shares: those it reads rows from or whose rows it
     * holds (inheritance parents and children, partitions and their roots), and other names of the same table
     * (synonyms). A column rule on any of them protects the values wherever they are read from, so their classes
     * are merged with the relation's own. Engines without such relations answer none.
     */
    public List<TableName> relatives(Connection c, TableName relation) throws SQLException {
        return List.of();
    }

    /** Runs a query binding {@code relation}'s schema and name as its first two parameters; rows are schema, name. */
    protected List<TableName> relationsOf(Connection c, String query, TableName relation) throws SQLException {
        List<TableName> found = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(query)) {
            p.setString(1, relation.schema());
            p.setString(2, relation.name());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    found.add(new TableName(relation.catalog(), rs.getString(1), rs.getString(2)));
                }
            }
        }
        return found;
    }

    /**
     * The relation's unique keys, each the names of its columns: every primary key and unique index or constraint
     * the database enforces on all of the relation's rows at every moment (no partial index, no index on an
     * expression). A key listed here proves that rows equal on its columns are one row. By default from JDBC metadata.
     */
    public List<List<String>> uniqueKeys(Connection c, TableName table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        java.util.Set<String> partial = new java.util.HashSet<>();
        try (ResultSet rs = md.getIndexInfo(metadataCatalog(table), metadataSchema(table), table.name(), true,
                true)) {
            while (rs.next()) {
                if (!sameRelation(rs, table) || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                    continue;
                }
                String index = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (rs.getBoolean("NON_UNIQUE") || column == null || rs.getString("FILTER_CONDITION") != null) {
                    partial.add(index);
                }
                keys.computeIfAbsent(index, i -> new ArrayList<>()).add(column);
            }
        }
        partial.forEach(keys::remove);
        return List.copyOf(keys.values().stream().map(List::copyOf).toList());
    }

    /**
     * Whether {@code column = literal}, for a literal of that kind and any value a statement shape may give it
     * (a number in any form: {@code 5}, {@code 5.5}, {@code 5e0}), is true for the values the column's unique
     * keys hold as one and for no others: then a key whose every column is so pinned selects at most one row. By
     * default a number or a bind parameter (of whatever type the caller binds) pins an integer column of at most 32
     * bits (every such value is exact as a double, so no numeric comparison makes two of them equal) and a plain
     * string pins a character column (compared in the column's collation, as its keys are).
     */
    public boolean pinsOneKeyValue(CatalogColumn column, PinnedColumns.Literal literal) {
        int type = column.jdbcType();
        boolean small = type == Types.TINYINT || type == Types.SMALLINT || type == Types.INTEGER;
        if (literal != PinnedColumns.Literal.STRING) {
            // a parameter may be bound as a string or a double: a number or an error against these columns alike
            return small;
        }
        return type == Types.CHAR || type == Types.VARCHAR || type == Types.LONGVARCHAR || type == Types.NCHAR
                        || type == Types.NVARCHAR || type == Types.LONGNVARCHAR;
    }

    /** Whether a user-defined routine of that name exists: in {@code schema}, or on the search path when null. */
    public boolean isUserDefinedFunction(Connection c, String schema, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(functionQuery(schema != null))) {
            p.setString(1, name);
            if (schema != null) {
                p.setString(2, schema);
            }
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    /**
     * Whether a user-defined operator with this symbol is on the session's search path; engines without such
     * operators answer false.
     */
    public boolean isUserDefinedOperator(Connection c, String symbol) throws SQLException {
        return false;
    }

    private String viewDefinition(Connection c, TableName view) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(viewDefinitionQuery())) {
            bindViewDefinition(p, view);
            try (ResultSet rs = p.executeQuery()) {
                // a view whose definition cannot be read resolves to UNKNOWN, never to "no sources"
                return rs.next() ? rs.getString(1) : null;
            }
        }
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
                 "GLOBAL TEMPORARY", "TEMPORARY VIEW" -> type.endsWith("VIEW") ? Relation.Kind.VIEW
                         : Relation.Kind.TABLE;
            case "VIEW" -> Relation.Kind.VIEW;
            case "MATERIALIZED VIEW" -> Relation.Kind.MATERIALIZED_VIEW;
            case "SYSTEM TABLE", "SYSTEM VIEW", "SYSTEM TOAST TABLE" -> Relation.Kind.SYSTEM_TABLE;
            default -> Relation.Kind.OTHER;
        };
    }
}
