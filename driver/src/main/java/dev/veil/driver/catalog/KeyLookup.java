package dev.veil.driver.catalog;

import dev.veil.analyzer.CatalogColumn;
import dev.veil.analyzer.PinnedColumns;
import dev.veil.analyzer.Relation;
import dev.veil.driver.engine.CatalogReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a query is a key lookup: its WHERE pins every column of one of its table's unique keys ({@link
 * PinnedColumns}), each with a literal the engine compares as the key does. Such a query returns at most one row
 * whatever the literals, so its estimate is that row without asking the database — the same for every text of its
 * shape, where an EXPLAIN would be one more round trip per new text.
 */
public final class KeyLookup {

    private KeyLookup() {
    }

    /**
     * @param pins     what the query's WHERE pins
     * @param relation the table's definition (its column types), under the catalog version {@code keys} were read in
     * @param keys     the table's unique keys
     * @param engine   how the engine compares a literal with a column
     */
    public static boolean atMostOneRow(PinnedColumns pins, Relation relation, List<List<String>> keys,
                                CatalogReader engine) {
        if (relation.kind() != Relation.Kind.TABLE && relation.kind() != Relation.Kind.MATERIALIZED_VIEW) {
            return false;
        }
        Map<String, CatalogColumn> columns = new HashMap<>();
        relation.columns().forEach(c -> columns.put(c.name(), c));
        for (List<String> key : keys) {
            if (!key.isEmpty() && key.stream().allMatch(c -> pinned(pins, columns.get(c), engine))) {
                return true;
            }
        }
        return false;
    }

    private static boolean pinned(PinnedColumns pins, CatalogColumn column, CatalogReader engine) {
        if (column == null) {
            return false;
        }
        return Optional.ofNullable(pins.columns().get(column.name())).orElse(java.util.Set.of()).stream()
                .anyMatch(kind -> engine.pinsOneKeyValue(column, kind));
    }
}
