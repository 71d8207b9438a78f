package dev.veil.approval.client;

import java.util.List;
import java.util.Objects;

/**
 * A column a statement reads or writes, with the classes the policy gives it (e.g. {@code PII}, {@code SECRET}).
 *
 * @param table   the table, qualified as the analyzer resolved it
 * @param column  the column name
 * @param classes the column's classes, empty when it has none
 */
public record TouchedColumn(String table, String column, List<String> classes) {

    public TouchedColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        classes = classes == null ? List.of() : List.copyOf(classes);
    }
}
