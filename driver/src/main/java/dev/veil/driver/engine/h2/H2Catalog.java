package dev.veil.driver.engine.h2;

import dev.veil.analyzer.Relation;
import dev.veil.analyzer.TableName;
import dev.veil.driver.engine.CatalogReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** H2's catalog: names in upper case, views and routines in its INFORMATION_SCHEMA. */
final class H2Catalog extends CatalogReader {

    @Override
    protected boolean systemSchema(String schema) {
        return schema.equals("INFORMATION_SCHEMA");
    }

    @Override
    protected String viewDefinitionQuery() {
        return "SELECT VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";
    }

    /**
     * A synonym is its table under another name: H2 reads the table, and names the range variable after the table
     * (columns qualify by the table's name, not the synonym's), so the synonym resolves to the table's definition.
     */
    @Override
    public Optional<Relation> readRelation(Connection c, TableName key) throws SQLException {
        List<TableName> target = relationsOf(c, "SELECT SYNONYM_FOR_SCHEMA, SYNONYM_FOR FROM"
                + " INFORMATION_SCHEMA.SYNONYMS WHERE SYNONYM_SCHEMA = ? AND SYNONYM_NAME = ?", key);
        return super.readRelation(c, target.isEmpty() ? key : target.get(0));
    }

    /** A synonym is another name of its table: the table for a synonym, the synonyms for a table. */
    @Override
    public List<TableName> relatives(Connection c, TableName relation) throws SQLException {
        return relationsOf(c, "SELECT SYNONYM_FOR_SCHEMA, SYNONYM_FOR FROM INFORMATION_SCHEMA.SYNONYMS"
                + " WHERE SYNONYM_SCHEMA = ?1 AND SYNONYM_NAME = ?2 UNION SELECT SYNONYM_SCHEMA, SYNONYM_NAME"
                + " FROM INFORMATION_SCHEMA.SYNONYMS WHERE SYNONYM_FOR_SCHEMA = ?1 AND SYNONYM_FOR = ?2", relation);
    }

    @Override
    protected String functionQuery(boolean qualified) {
        return "SELECT COUNT(*) FROM INFORMATION_SCHEMA.ROUTINES WHERE UPPER(ROUTINE_NAME) = UPPER(?)"
                + (qualified ? " AND ROUTINE_SCHEMA = ?" : " AND ROUTINE_SCHEMA = SCHEMA()");
    }
}
