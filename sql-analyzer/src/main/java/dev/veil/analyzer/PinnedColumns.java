package dev.veil.analyzer;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The columns of the one table a query reads that its WHERE pins to one value each: a conjunct at the top level of
 * the WHERE (reached through AND and parentheses only) that compares the column, as written, with {@code =} to a plain
 * literal or a bind parameter ({@code ?}). Reported only for a plain SELECT of one stored relation — no join, set
 * operation, WITH, grouping, history clause, and a select list and ORDER BY of columns and literals alone (no
 * function, so nothing that returns sets). The query then returns at most one row per combination of the pinned
 * values; whether that is at most one row in all is the catalog's affair (a unique key whose every column is pinned)
 * and how the database compares the value with the column (the engine's). The literal's value does not matter, only
 * its kind: another text of the same shape may carry another value of the same kind.
 *
 * @param table   the relation read, as resolved
 * @param columns each pinned column (as the catalog names it) with the kinds of literal it is compared with
 */
public record PinnedColumns(TableName table, Map<String, Set<Literal>> columns) {

    /**
     * The kind of a pinning value: any number or a plain quoted string (what a statement shape keeps), or a bind
     * parameter, whose type is the caller's at each execution.
     */
    public enum Literal { NUMBER, STRING, PARAMETER }

    public PinnedColumns {
        Objects.requireNonNull(table, "table");
        Map<String, Set<Literal>> copy = new LinkedHashMap<>();
        columns.forEach((c, kinds) -> copy.put(c, Set.copyOf(EnumSet.copyOf(kinds))));
        columns = Map.copyOf(copy);
    }
}
