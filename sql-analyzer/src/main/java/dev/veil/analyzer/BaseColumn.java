package dev.veil.analyzer;

import java.util.Objects;

/** A column of a base table (or of a system relation the catalog describes). */
public record BaseColumn(TableName table, String column) implements Comparable<BaseColumn> {
    public BaseColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }

    @Override
    public int compareTo(BaseColumn o) {
        int c = table.toString().compareTo(o.table.toString());
        return c != 0 ? c : column.compareTo(o.column);
    }

    @Override
    public String toString() {
        return table + "." + column;
    }
}
