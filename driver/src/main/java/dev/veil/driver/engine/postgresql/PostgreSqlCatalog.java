package dev.veil.driver.engine.postgresql;

import dev.veil.analyzer.TableName;
import dev.veil.driver.engine.CatalogReader;
import java.sql.PreparedStatement;
import java.sql.SQLException;

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

    @Override
    protected String functionQuery(boolean qualified) {
        return "SELECT count(*) FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE lower(p.proname) = lower(?) AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                + (qualified ? " AND n.nspname = ?" : " AND n.nspname = ANY (current_schemas(false))");
    }
}
