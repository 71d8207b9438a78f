package dev.veil.driver.engine.postgresql;

import dev.veil.driver.engine.SchemaFingerprint;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PostgreSQL's catalog rows carry the transaction that wrote them ({@code xmin}): every change to a relation, a
 * column, a view's rule, a schema, a routine, a comment or an inheritance link writes a new row version with a new
 * {@code xmin}, and a dropped row lowers the count. Count, sum and maximum of {@code xmin} per catalog change with
 * every such statement (xmin values only grow; freezing keeps them). The session's own uncommitted changes count too,
 * so a transaction that changed the schema sees a fingerprint of its own.
 */
final class PostgreSqlFingerprint extends SchemaFingerprint {

    private static final List<String> CATALOGS = List.of("pg_class", "pg_attribute", "pg_attrdef", "pg_rewrite",
            "pg_namespace", "pg_proc", "pg_description", "pg_inherits");

    private static final String QUERY = CATALOGS.stream()
            .map(t -> "(SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) || ':'"
                    + " || coalesce(max(xmin::text::bigint), 0) FROM pg_catalog." + t + ")")
            .collect(Collectors.joining(", ", "SELECT concat_ws('/', ", ")"));

    @Override
    protected String query() {
        return QUERY;
    }
}
