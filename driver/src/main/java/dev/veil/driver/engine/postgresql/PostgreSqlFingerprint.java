package dev.veil.driver.engine.postgresql;

import dev.veil.driver.engine.SchemaFingerprint;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * PostgreSQL's catalog rows carry the transaction that wrote them ({@code xmin}): every change to a relation, an index,
 * a column, a column default or generation expression, a view's rule, a schema, a routine, an operator (which runs a
 * routine wherever its operand types match), a type or domain, a comment or an inheritance link writes a new row
 * version with a new {@code xmin}, and a dropped row lowers the count. Count, sum and maximum of
 * {@code xmin} per catalog change with every such statement (xmin values only grow; freezing keeps them). The session's
 * own uncommitted changes count too, so a transaction that changed the schema sees a fingerprint of its own.
 *
 * <p>Only objects created after the cluster's initialization count (object ids from 16384 on, reached through the
 * catalogs' indexes), except schemas and inheritance links, which count whole: the built-in objects, which only a
 * superuser allowed to modify system tables could change, would otherwise make up most of the rows read.
 *
 * <p>Every function, type and operator the query uses is {@code pg_catalog}'s, written so (an operator as a function
 * call or between operands of its exact types): PostgreSQL resolves unqualified names through the session, where a
 * user's {@code concat_ws(text, text, text)} or {@code >=(oid, integer)} would match better than the built-in and
 * could answer a constant, hiding every later change.
 */
final class PostgreSqlFingerprint extends SchemaFingerprint {

    /** Each catalog, with the condition that keeps the rows of objects created after initialization. */
    private static final String FIRST_USER_OID = "CAST(16384 AS pg_catalog.oid)";
    private static final Map<String, String> CATALOGS = catalogs();

    private static Map<String, String> catalogs() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("pg_class", " WHERE oid >= " + FIRST_USER_OID);
        m.put("pg_attribute", " WHERE attrelid >= " + FIRST_USER_OID);
        m.put("pg_index", " WHERE indexrelid >= " + FIRST_USER_OID);
        m.put("pg_attrdef", " WHERE adrelid >= " + FIRST_USER_OID);
        m.put("pg_rewrite", " WHERE ev_class >= " + FIRST_USER_OID);
        m.put("pg_namespace", "");
        m.put("pg_proc", " WHERE oid >= " + FIRST_USER_OID);
        m.put("pg_operator", " WHERE oid >= " + FIRST_USER_OID);
        m.put("pg_type", " WHERE oid >= " + FIRST_USER_OID);
        m.put("pg_description", " WHERE objoid >= " + FIRST_USER_OID);
        m.put("pg_inherits", "");
        return m;
    }

    private static final String XMIN = "CAST(CAST(xmin AS pg_catalog.text) AS pg_catalog.int8)";

    private static final String QUERY = CATALOGS.entrySet().stream()
            .map(e -> "(SELECT pg_catalog.concat_ws(':', pg_catalog.count(*), pg_catalog.sum(" + XMIN + "),"
                    + " pg_catalog.max(" + XMIN + ")) FROM pg_catalog." + e.getKey() + e.getValue() + ")")
            .collect(Collectors.joining(", ", "SELECT pg_catalog.concat_ws('/', ", ")"));

    @Override
    protected String query() {
        return QUERY;
    }
}
