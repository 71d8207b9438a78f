package dev.veil.analyzer;

import java.util.Comparator;
import java.util.Objects;

/** A column of a base table (or of a system relation the catalog describes). */
public record BaseColumn(TableName table, String column) implements Comparable<BaseColumn> {
    public BaseColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }

    /** Printed order, then each name part: names with dots may print alike, and sorted sets must not merge them. */
    private static final Comparator<BaseColumn> ORDER = Comparator
            .comparing((BaseColumn b) -> b.table.toString())
            .thenComparing(BaseColumn::column)
            .thenComparing(b -> b.table.catalog(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(b -> b.table.schema(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(b -> b.table.name());

    @Override
    public int compareTo(BaseColumn o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return table + "." + column;
    }
}
