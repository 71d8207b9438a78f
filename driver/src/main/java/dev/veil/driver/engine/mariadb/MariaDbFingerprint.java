package dev.veil.driver.engine.mariadb;

import dev.veil.driver.engine.SchemaFingerprint;

/**
 * MariaDB keeps no change counter for views, and alters some columns in place without a new create time, so the
 * fingerprint hashes what Veil reads: every column (name, position, type, comment), every relation (type, comment,
 * create time), every index column (unique keys are read), every view definition and every routine (definition time) of
 * the databases the user can see. Each row hashes to 60 bits (MD5); count, sum and XOR of them over each listing make
 * the fingerprint — no text is concatenated, so no length limit can cut a change off.
 */
final class MariaDbFingerprint extends SchemaFingerprint {

    private static final String SYSTEM = " WHERE TABLE_SCHEMA NOT IN ('mysql', 'information_schema',"
            + " 'performance_schema', 'sys')";

    private static String digest(String row, String from) {
        String hash = "CAST(CONV(LEFT(MD5(CONCAT_WS(0x1f, " + row + ")), 15), 16, 10) AS UNSIGNED)";
        return "(SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(" + hash + "), 0), ':', BIT_XOR(" + hash + ")) FROM "
                + from + ")";
    }

    private static final String QUERY = "SELECT CONCAT_WS('/', "
            + digest("TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, COLUMN_COMMENT,"
                    + " IFNULL(GENERATION_EXPRESSION, ''), IFNULL(COLUMN_DEFAULT, '')",
                    "information_schema.COLUMNS" + SYSTEM) + ", "
            + digest("TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, TABLE_COMMENT, IFNULL(CREATE_TIME, '')",
                    "information_schema.TABLES" + SYSTEM) + ", "
            + digest("TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION", "information_schema.VIEWS" + SYSTEM) + ", "
            + digest("TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, IFNULL(COLUMN_NAME, '')",
                    "information_schema.STATISTICS" + SYSTEM) + ", "
            + digest("ROUTINE_SCHEMA, ROUTINE_NAME, ROUTINE_TYPE, CREATED, LAST_ALTERED",
                    "information_schema.ROUTINES WHERE ROUTINE_SCHEMA NOT IN ('mysql', 'sys')") + ")";

    @Override
    protected String query() {
        return QUERY;
    }
}
