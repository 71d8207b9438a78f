package dev.veil.driver.engine.postgresql;

import dev.veil.analyzer.TableName;
import dev.veil.driver.engine.CatalogReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** PostgreSQL's catalog: views and materialized views in pg_catalog, functions in pg_proc. */
final class PostgreSqlCatalog extends CatalogReader {

    /** PostgreSQL cannot reach another database by name. */
    @Override
    public boolean reachable(TableName relation, String currentCatalog) {
        return relation.catalog() == null || relation.catalog().equals(currentCatalog);
    }

    @Override
    protected boolean systemSchema(String schema) {
        return schema.equals("pg_catalog") || schema.equals("information_schema");
    }

    @Override
    protected String viewDefinitionQuery() {
        return "SELECT definition FROM pg_catalog.pg_views WHERE schemaname = ? AND viewname = ?"
                + " UNION ALL SELECT definition FROM pg_catalog.pg_matviews WHERE schemaname = ? AND matviewname = ?";
    }

    @Override
    protected void bindViewDefinition(PreparedStatement query, TableName view) throws SQLException {
        super.bindViewDefinition(query, view);
        query.setString(3, view.schema());
        query.setString(4, view.name());
    }

    /**
     * Inheritance parents and children at any depth (declarative partitions are children of their partitioned
     * table): a child's rows are read through its parents, and a parent's columns are its children's.
     */
    @Override
    public List<TableName> relatives(Connection c, TableName relation) throws SQLException {
        return relationsOf(c, RELATIVES, relation);
    }

    private static final String RELATIVES = "WITH RECURSIVE self AS (SELECT c.oid FROM pg_catalog.pg_class c"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?),"
            + " up(oid) AS (SELECT i.inhparent FROM pg_catalog.pg_inherits i JOIN self ON i.inhrelid = self.oid"
            + " UNION SELECT i.inhparent FROM pg_catalog.pg_inherits i JOIN up ON i.inhrelid = up.oid),"
            + " down(oid) AS (SELECT i.inhrelid FROM pg_catalog.pg_inherits i JOIN self ON i.inhparent = self.oid"
            + " UNION SELECT i.inhrelid FROM pg_catalog.pg_inherits i JOIN down ON i.inhparent = down.oid)"
            + " SELECT n.nspname, c.relname FROM (SELECT oid FROM up UNION SELECT oid FROM down) r"
            + " JOIN pg_catalog.pg_class c ON c.oid = r.oid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'p', 'f') ORDER BY 1, 2";

    @Override
    protected String functionQuery(boolean qualified) {
        return "SELECT count(*) FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE lower(p.proname) = lower(?) AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                + (qualified ? " AND n.nspname = ?" : " AND n.nspname = ANY (current_schemas(false))");
    }
}
