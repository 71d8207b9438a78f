package dev.veil.driver.engine.mariadb;

import dev.veil.analyzer.CatalogColumn;
import dev.veil.analyzer.PinnedColumns;
import dev.veil.analyzer.Relation;
import dev.veil.analyzer.TableName;
import dev.veil.driver.engine.CatalogReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * MariaDB's catalog: its databases are schemas (JDBC metadata calls them catalogs), information_schema names ignore
 * case, and virtual sequence tables answer where no table of their name exists.
 */
final class MariaDbCatalog extends CatalogReader {

    @Override
    public String catalogOf(String written, String currentCatalog) {
        return null;
    }

    @Override
    protected boolean systemSchema(String schema) {
        return schema.equalsIgnoreCase("information_schema") || schema.equalsIgnoreCase("performance_schema");
    }

    @Override
    protected String metadataCatalog(TableName relation) {
        return relation.schema();
    }

    @Override
    protected String metadataSchema(TableName relation) {
        return null;
    }

    @Override
    protected String scanCatalog(Connection c, String schema) throws SQLException {
        return schema != null ? schema : c.getCatalog();
    }

    @Override
    protected String scanSchema(String schema) {
        return null;
    }

    @Override
    protected TableName scannedName(ResultSet row) throws SQLException {
        return new TableName(null, row.getString("TABLE_CAT"), row.getString("TABLE_NAME"));
    }

    @Override
    protected boolean sameRelation(ResultSet row, TableName relation) throws SQLException {
        String name = row.getString("TABLE_NAME");
        boolean ignoreCase = systemSchema(relation.schema());
        if (ignoreCase ? !relation.name().equalsIgnoreCase(name) : !relation.name().equals(name)) {
            return false;
        }
        return relation.schema().equalsIgnoreCase(row.getString("TABLE_CAT"))
                && (ignoreCase || relation.schema().equals(row.getString("TABLE_CAT")));
    }

    @Override
    protected Optional<Relation> unlisted(TableName relation) {
        return MariaDbSequences.relation(relation);
    }

    @Override
    protected String viewDefinitionQuery() {
        return "SELECT VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";
    }

    @Override
    protected String functionQuery(boolean qualified) {
        return "SELECT COUNT(*) FROM information_schema.ROUTINES WHERE LOWER(ROUTINE_NAME) = LOWER(?)"
                + (qualified ? " AND ROUTINE_SCHEMA = ?" : " AND ROUTINE_SCHEMA = DATABASE()");
    }

    /**
     * A temporary table hides the stored table of its name from the session that created it, but not from
     * information_schema, where keys and columns are read: the stored table's primary key would prove one row of a
     * temporary table that has none.
     */
    @Override
    public boolean seesTemporaryTables() {
        return false;
    }

    /**
     * A string does not pin a key here: when the column's character set cannot hold the literal, MariaDB compares in
     * the literal's collation, which may make values equal that the key holds apart.
     */
    @Override
    public boolean pinsOneKeyValue(CatalogColumn column, PinnedColumns.Literal literal) {
        return literal != PinnedColumns.Literal.STRING && super.pinsOneKeyValue(column, literal);
    }
}
