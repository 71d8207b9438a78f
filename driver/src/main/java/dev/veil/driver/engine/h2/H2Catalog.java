package dev.veil.driver.engine.h2;

import dev.veil.driver.engine.CatalogReader;

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

    @Override
    protected String functionQuery(boolean qualified) {
        return "SELECT COUNT(*) FROM INFORMATION_SCHEMA.ROUTINES WHERE UPPER(ROUTINE_NAME) = UPPER(?)"
                + (qualified ? " AND ROUTINE_SCHEMA = ?" : " AND ROUTINE_SCHEMA = SCHEMA()");
    }
}
