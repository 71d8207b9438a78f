package dev.veil.driver.engine.h2;

import dev.veil.driver.engine.SchemaFingerprint;

/**
 * H2 keeps no change counter it shows, so the fingerprint is a SHA-256 of what Veil reads from its
 * INFORMATION_SCHEMA: every column (name, position, type, comment, generation), every relation (type, comment), every
 * index column, every view definition, every routine and synonym.
 */
final class H2Fingerprint extends SchemaFingerprint {

    private static final String SYSTEM = " WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA'";

    private static String listing(String row, String from, String order) {
        return "(SELECT COUNT(*) || ':' || COALESCE(LISTAGG(" + row + ", CHAR(30)) WITHIN GROUP (ORDER BY " + order
                + "), '') FROM " + from + ")";
    }

    private static final String QUERY = "SELECT RAWTOHEX(HASH('SHA-256', CONCAT_WS(CHAR(29), "
            + listing("CONCAT_WS(CHAR(31), TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE,"
                    + " REMARKS, GENERATION_EXPRESSION, COLUMN_DEFAULT)", "INFORMATION_SCHEMA.COLUMNS" + SYSTEM,
                    "TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION") + ", "
            + listing("CONCAT_WS(CHAR(31), TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, REMARKS)",
                    "INFORMATION_SCHEMA.TABLES" + SYSTEM, "TABLE_SCHEMA, TABLE_NAME") + ", "
            + listing("CONCAT_WS(CHAR(31), TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION)",
                    "INFORMATION_SCHEMA.VIEWS" + SYSTEM, "TABLE_SCHEMA, TABLE_NAME") + ", "
            + listing("CONCAT_WS(CHAR(31), INDEX_SCHEMA, INDEX_NAME, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION,"
                    + " IS_UNIQUE)", "INFORMATION_SCHEMA.INDEX_COLUMNS" + SYSTEM,
                    "INDEX_SCHEMA, INDEX_NAME, ORDINAL_POSITION") + ", "
            + listing("CONCAT_WS(CHAR(31), ROUTINE_SCHEMA, ROUTINE_NAME, SPECIFIC_NAME, ROUTINE_DEFINITION,"
                    + " EXTERNAL_NAME)", "INFORMATION_SCHEMA.ROUTINES", "ROUTINE_SCHEMA, SPECIFIC_NAME") + ", "
            + listing("CONCAT_WS(CHAR(31), SYNONYM_SCHEMA, SYNONYM_NAME, SYNONYM_FOR_SCHEMA, SYNONYM_FOR)",
                    "INFORMATION_SCHEMA.SYNONYMS", "SYNONYM_SCHEMA, SYNONYM_NAME") + ")))";

    @Override
    protected String query() {
        return QUERY;
    }
}
